// Pure rules of the briefings list and its labels: the order (unread first, then newest), how far
// off an expiry is in the unit a person reads best, the expiry choices of compose, and a short
// safety-number-ish prefix for a sender whose name this device does not know.
import type { BriefingSummary } from '../../src-shared/api/briefings-schemas';
import { BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';
import type { RelativeUnit } from '../lib/format-date';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Unread first, then the newest; briefings sent at the same moment keep a stable order by id. */
export function sortBriefings<T extends Pick<BriefingSummary, 'unread' | 'createdAt' | 'id'>>(
  items: readonly T[],
): T[] {
  return [...items].sort((a, b) => {
    if (a.unread !== b.unread) return a.unread ? -1 : 1;
    if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export type ExpiryLeft =
  { kind: 'never' } | { kind: 'expired' } | { kind: 'in'; value: number; unit: RelativeUnit };

/**
 * How long until a briefing is wiped: minutes under an hour, hours under two days, days after
 * that. Rounded up, so "in 1 hour" is never shown for something wiped in 70 minutes' time.
 */
export function expiryLeft(expiresAt: number | null, now: number): ExpiryLeft {
  if (expiresAt === null) return { kind: 'never' };
  const left = expiresAt - now;
  if (left <= 0) return { kind: 'expired' };
  if (left < HOUR)
    return { kind: 'in', value: Math.max(1, Math.ceil(left / MINUTE)), unit: 'minute' };
  if (left < 2 * DAY) return { kind: 'in', value: Math.ceil(left / HOUR), unit: 'hour' };
  return { kind: 'in', value: Math.ceil(left / DAY), unit: 'day' };
}

/** Compose's expiry choices, in hours (null: never), in the order the select lists them. */
export const EXPIRY_CHOICES: readonly (number | null)[] = [...BRIEFING_LIMITS.expiryHours, null];

type ExpiryHours = (typeof BRIEFING_LIMITS.expiryHours)[number];
export type ExpiryKey = `h${ExpiryHours}` | 'never';

/** The catalogue key of an expiry choice (briefings.compose.expiryChoices.*). */
export function expiryChoiceKey(hours: number | null): ExpiryKey {
  if (hours === null) return 'never';
  const known = BRIEFING_LIMITS.expiryHours.find((choice) => choice === hours);
  // A draft only ever holds one of the choices; anything else reads as the longest.
  return `h${known ?? 720}`;
}

/** Three groups of four hex digits of a device key: enough to tell two unnamed senders apart. */
export function deviceKeyPrefix(deviceKey: string): string {
  const hex = deviceKey
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .slice(0, 12);
  return hex.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The items of a list that are unread. */
export function unreadCount(items: readonly Pick<BriefingSummary, 'unread'>[]): number {
  return items.filter((item) => item.unread).length;
}
