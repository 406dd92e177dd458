// The changed occurrences and deleted dates a whole shared series carries (moved times, own
// details), so that its recipient sees each upcoming meeting when and as the sharer does; bounded,
// only of slots it has, and only of occurrences still to come.
import { z } from 'zod';
import { LIMITS } from '../../../src-shared/limits';
import { isOccurrence } from '../../../src-shared/calendar/edit-scope';
import {
  floatingMs,
  formatLocal,
  fromFloating,
  parseLocal,
} from '../../../src-shared/calendar/local-time';
import { RuleTooCostlyError, expandEvent } from '../../../src-shared/calendar/recurrence';
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
/** What checking a shared series' changed occurrences against its rule may take, all together. */
const SHARE_CHECK_MS = 250;

/**
 * Signed bytes of one share at most: what the relay takes for a link (LIMITS.relay.maxShareBytes)
 * less room for sealing, for members too, so that what can be shared one way can be the other.
 */
export const SHARE_SIGNED_MAX_BYTES = LIMITS.relay.maxShareBytes - 512;

const TIMES = ['start', 'end'] as const;
const DETAILS = ['title', 'description', 'location'] as const;

/**
 * The zone where a date ends last (UTC-12, "anywhere on Earth"): an all-day change is upcoming while
 * its day still runs somewhere, since recipients see dates in their own zones (recurrence.ts).
 */
const LAST_ZONE = 'Etc/GMT+12';

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

/** A slot or moved time of the series' kind (a date for all-day, a time otherwise). */
const ofKind = (allDay: boolean, value: string): boolean =>
  (allDay ? LocalDate : LocalDateTime).safeParse(value).success;

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
  const deleted = new Set(timing.exdates);
  return Object.entries(overrides).every(
    ([key, o]) =>
      !deleted.has(key) &&
      [key, o.start, o.end].every((v) => v === undefined || ofKind(timing.allDay, v)),
  );
}

/**
 * Whether the occurrence of slot `key`, after its change, ends after `now`: as the calendar views
 * place it (a moved start keeps the series' length unless the end moved too; an unreadable moved
 * time is ignored), through expandEvent on a one-off at that slot: in the series' zone, or for
 * all-day where the date ends last.
 */
function endsAfter(event: CalendarEvent, key: string, change: OccurrenceOverride, now: number) {
  const kind = event.allDay ? 'date' : 'datetime';
  const slot = parseLocal(key, kind);
  const start = parseLocal(event.start, kind);
  const end = parseLocal(event.end, kind);
  if (!slot || !start || !end) return true;
  const slotEnd = floatingMs(slot) + floatingMs(end) - floatingMs(start);
  const once = {
    id: 'share',
    allDay: event.allDay,
    start: key,
    end: formatLocal(fromFloating(slotEnd), event.allDay),
    tz: event.tz,
    rrule: null,
    exdates: [],
    overrides: {},
  };
  const upcoming = (overrides: CalendarEvent['overrides']): boolean =>
    expandEvent({ ...once, overrides }, now, Number.MAX_SAFE_INTEGER, LAST_ZONE).length > 0;
  // Either end counts: a slot still to come that was moved back into the past must go with its
  // change, or the recipient would see that meeting at its old, upcoming time.
  return upcoming({ [key]: change }) || upcoming({});
}

/**
 * The series' changed occurrences to share, or undefined when it has none: only slots its rule
 * makes and that were not deleted (a record from a member's modified app may name others, which
 * the sharer never sees and so must not send), only the fields an override has, and only
 * occurrences that end after `now` (the recipient sees upcoming ones only; past changes, such as
 * where past meetings were moved to, are not theirs to know, nor count toward the cap).
 */
export function overridesToShare(
  event: CalendarEvent,
  now: number = Date.now(),
): SharedOverrides | undefined {
  if (event.rrule === null) return undefined;
  const deleted = new Set(event.exdates);
  const kept: SharedOverrides = {};
  // One budget for all the keys: each is checked by walking the rule, which a series from a member's
  // modified app (begun centuries back, keys a millennium ahead) can make cost a second or more.
  const deadline = Date.now() + SHARE_CHECK_MS;
  let late = false;
  const occurs = (key: string): boolean => {
    try {
      return isOccurrence(event, key, deadline);
    } catch (error) {
      if (!(error instanceof RuleTooCostlyError)) throw error;
      late = true;
      return false;
    }
  };
  for (const key of Object.keys(event.overrides).sort()) {
    if (late) break;
    const override = event.overrides[key];
    if (!override || deleted.has(key)) continue;
    const carried: OccurrenceOverride = {};
    for (const field of DETAILS)
      if (override[field] !== undefined) carried[field] = override[field];
    // Moved times of the wrong kind (modified app) are dropped: the sharer's app ignores them too.
    for (const field of TIMES) {
      const value = override[field];
      if (value !== undefined && ofKind(event.allDay, value)) carried[field] = value;
    }
    if (Object.keys(carried).length === 0 || !occurs(key)) continue;
    if (!endsAfter(event, key, carried, now)) continue;
    kept[key] = carried;
  }
  const count = Object.keys(kept).length;
  if (late) {
    throw new SuviazError(
      'share-too-large',
      'This series is too costly to work out which of its changed occurrences are real. ' +
        'Share its occurrences one by one instead.',
    );
  }
  if (count > SHARE_OVERRIDES_MAX) {
    throw new SuviazError(
      'share-too-large',
      `This series has ${count} upcoming changed occurrences; at most ${SHARE_OVERRIDES_MAX} go ` +
        'with a shared series. Share its occurrences one by one instead.',
    );
  }
  return count === 0 ? undefined : kept;
}

/**
 * The series' deleted dates to share: only those whose slot ends after `now`, for the same reason
 * as its changes. The recipient sees upcoming occurrences only, so a past deleted date hides
 * nothing from them; it would only tell them which past meetings were called off.
 */
export function exdatesToShare(event: CalendarEvent, now: number = Date.now()): string[] {
  return event.exdates.filter((key) => endsAfter(event, key, {}, now));
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
