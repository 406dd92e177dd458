// How an invite's lifetime is entered and shown: a whole number of days within the contract's
// bounds, and "expires in 3 days" / "expired 2 hours ago" next to the exact date.
import { LIMITS } from '../../src-shared/limits';
import { formatRelative } from './format-date';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The days typed into the invite form, or null when it is not a whole number from 1 to the max. */
export function parseInviteDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= 1 && days <= LIMITS.inviteMaxDays ? days : null;
}

export function isInviteExpired(expiresAt: number, now: number): boolean {
  return expiresAt <= now;
}

/**
 * The time to or since expiry in the largest whole unit that is not zero, rounded: an invite made
 * for 7 days reads "in 7 days", not "in 6 days" a second after it was made.
 */
export function expiryDistance(
  expiresAt: number,
  now: number,
): { value: number; unit: 'day' | 'hour' | 'minute' } {
  const delta = expiresAt - now;
  const size = Math.abs(delta);
  const sign = delta < 0 ? -1 : 1;
  if (size >= DAY) return { value: sign * Math.round(size / DAY), unit: 'day' };
  if (size >= HOUR) return { value: sign * Math.round(size / HOUR), unit: 'hour' };
  return { value: sign * Math.max(1, Math.round(size / MINUTE)), unit: 'minute' };
}

/** "in 7 days", "2 hours ago", in the given language (from its catalogue where Intl lacks it). */
export function formatExpiryDistance(expiresAt: number, now: number, language: string): string {
  const { value, unit } = expiryDistance(expiresAt, now);
  return formatRelative(value, unit, language, { numeric: 'always' });
}
