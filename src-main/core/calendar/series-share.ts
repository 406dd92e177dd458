// The changed occurrences a whole shared series carries (moved times, own details), so that its
// recipient sees each meeting when and as the sharer does; bounded, and only of slots it has.
import { z } from 'zod';
import { LIMITS } from '../../../src-shared/limits';
import { isOccurrence } from '../../../src-shared/calendar/edit-scope';
import {
  LocalDate,
  LocalDateTime,
  OccurrenceKey,
  OccurrenceOverride,
  type CalendarEvent,
  type EventTiming,
} from '../../../src-shared/calendar/event-model';
import { SuviazError } from '../errors';

/**
 * At most so many changed occurrences go with one shared series. A series with more is not shared
 * (the sharer is told to share occurrences one by one): leaving some out would send its recipient
 * to the old time of a moved meeting, which is worse than no share.
 */
export const SHARE_OVERRIDES_MAX = 200;

/**
 * Signed bytes of one share at most: what the relay takes for a link (LIMITS.relay.maxShareBytes)
 * less room for sealing, for members too, so that what can be shared one way can be the other.
 */
export const SHARE_SIGNED_MAX_BYTES = LIMITS.relay.maxShareBytes - 512;

const FIELDS = ['start', 'end', 'title', 'description', 'location'] as const;

/** One changed occurrence as shared: only the fields it changes, at least one. */
const SharedOverride = OccurrenceOverride.strict().refine((o) => Object.keys(o).length > 0, {
  message: 'an empty change',
});

/** By original slot (the rule's start for it), as the series keeps them (event-model.ts). */
export const SharedOverrides = z.record(OccurrenceKey, SharedOverride).refine((map) => {
  const count = Object.keys(map).length;
  return count >= 1 && count <= SHARE_OVERRIDES_MAX;
}, `between 1 and ${SHARE_OVERRIDES_MAX} changed occurrences`);
export type SharedOverrides = z.infer<typeof SharedOverrides>;

/**
 * Whether the changes fit the shared series: only a series has them, none for a deleted slot, and
 * slots and moved times of its kind (dates for all-day). What fails is refused whole, not trimmed.
 */
export function overridesFitSeries(
  timing: EventTiming,
  overrides: SharedOverrides | undefined,
): boolean {
  if (overrides === undefined) return true;
  if (timing.rrule === null) return false;
  const kind = timing.allDay ? LocalDate : LocalDateTime;
  const deleted = new Set(timing.exdates);
  return Object.entries(overrides).every(
    ([key, o]) =>
      !deleted.has(key) &&
      [key, o.start, o.end].every((v) => v === undefined || kind.safeParse(v).success),
  );
}

/**
 * The series' changed occurrences to share, or undefined when it has none: only slots its rule
 * makes and that were not deleted (a record from a member's modified app may name others, which
 * the sharer never sees and so must not send), and only the fields an override has.
 */
export function overridesToShare(event: CalendarEvent): SharedOverrides | undefined {
  const deleted = new Set(event.exdates);
  const kept: SharedOverrides = {};
  for (const key of Object.keys(event.overrides).sort()) {
    const override = event.overrides[key];
    if (!override || deleted.has(key)) continue;
    const carried: OccurrenceOverride = {};
    for (const field of FIELDS) if (override[field] !== undefined) carried[field] = override[field];
    if (Object.keys(carried).length === 0 || !isOccurrence(event, key)) continue;
    kept[key] = carried;
  }
  const count = Object.keys(kept).length;
  if (count > SHARE_OVERRIDES_MAX) {
    throw new SuviazError(
      'share-too-large',
      `This series has ${count} changed occurrences; at most ${SHARE_OVERRIDES_MAX} go with a ` +
        'shared series. Share its occurrences one by one instead.',
    );
  }
  return count === 0 ? undefined : kept;
}

/** Refuses a share too large for the relay (a link) or, the same bound, for a member. */
export function checkShareSize(signed: Uint8Array): void {
  if (signed.length > SHARE_SIGNED_MAX_BYTES) {
    throw new SuviazError(
      'share-too-large',
      'This event is too large to share with its changed occurrences and details. ' +
        'Share its occurrences one by one instead.',
    );
  }
}
