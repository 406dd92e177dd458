// A calendar event as it is kept in a space's shared document, and the pieces it splits into when
// its details are sealed under an organisation's key (docs/calendar.md). Plain data, checked by zod
// on every read from a document: a member's modified app cannot make the reader throw.
import { z } from 'zod';
import { CALENDAR_LIMITS } from './calendar-limits';
import { TimeMs } from '../time-ms';

/**
 * Who sees an event of a coalition (a space with organisations):
 * - 'coalition': every member of the space sees everything (the only choice in a plain space);
 * - 'busy': other organisations see the times only; title, place and description are sealed under
 *   the owning organisation's key;
 * - 'organisation': only the owning organisation sees the event at all.
 */
export const VISIBILITIES = ['coalition', 'busy', 'organisation'] as const;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

/** A wall-clock time in the event's zone, to the minute: `2026-03-29T10:00`. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'not a local time');
/** A calendar date: `2026-03-29` (all-day events; their end is exclusive). */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date');
/** An IANA zone name such as Europe/Minsk; checked against the runtime's zone data when used. */
export const ZoneName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, 'not a time zone name');
export const EventId = z.string().regex(/^[0-9a-f]{32}$/, 'not an event id');
export const OrgId = z.string().regex(/^[0-9a-f]{32}$/, 'not an organisation id');
/**
 * An occurrence is named by its original start (before any move): the event's `start` format,
 * a LocalDateTime for timed events and a LocalDate for all-day ones.
 */
export const OccurrenceKey = z.union([LocalDateTime, LocalDate]);
export type OccurrenceKey = z.infer<typeof OccurrenceKey>;

/** When an event happens. Timed: local times in `tz`. All-day: dates, the same in every zone. */
export const EventTiming = z.object({
  allDay: z.boolean(),
  start: z.union([LocalDateTime, LocalDate]),
  /** Exclusive: the minute after a timed event, the day after an all-day one's last day. */
  end: z.union([LocalDateTime, LocalDate]),
  tz: ZoneName,
  /** An RFC 5545 RRULE value without the `RRULE:` prefix, e.g. `FREQ=WEEKLY;BYDAY=MO;COUNT=10`. */
  rrule: z.string().max(CALENDAR_LIMITS.rruleMaxChars).nullable(),
  /** Occurrences removed from the series ("delete this occurrence"). */
  exdates: z.array(OccurrenceKey).max(CALENDAR_LIMITS.exceptionsPerEvent),
});
export type EventTiming = z.infer<typeof EventTiming>;

export const EventDetails = z.object({
  title: z.string().max(CALENDAR_LIMITS.titleMaxChars),
  description: z.string().max(CALENDAR_LIMITS.descriptionMaxChars),
  location: z.string().max(CALENDAR_LIMITS.locationMaxChars),
});
export type EventDetails = z.infer<typeof EventDetails>;

/** "This occurrence only" changes: new times and/or new details for one occurrence of a series. */
export const OccurrenceOverride = z.object({
  start: z.union([LocalDateTime, LocalDate]).optional(),
  end: z.union([LocalDateTime, LocalDate]).optional(),
  title: EventDetails.shape.title.optional(),
  description: EventDetails.shape.description.optional(),
  location: EventDetails.shape.location.optional(),
});
export type OccurrenceOverride = z.infer<typeof OccurrenceOverride>;

/**
 * A series has at most as many changed occurrences (overrides) as deleted ones: `.refine(...this)`
 * on each map of them. A record with more (a member's modified app) is skipped like any bad one.
 */
export const WITHIN_OCCURRENCE_LIMIT = [
  (map: object): boolean => Object.keys(map).length <= CALENDAR_LIMITS.exceptionsPerEvent,
  { message: `at most ${CALENDAR_LIMITS.exceptionsPerEvent} changed occurrences` },
] as const;

/** The whole event, as a reader who may see everything has it. */
export const CalendarEvent = EventTiming.extend({
  ...EventDetails.shape,
  id: EventId,
  /** The owning organisation in a coalition; null in a plain space or for a coalition-wide event. */
  orgId: OrgId.nullable(),
  visibility: Visibility,
  overrides: z.record(OccurrenceKey, OccurrenceOverride).refine(...WITHIN_OCCURRENCE_LIMIT),
  /** Signing key (hex) of the device that created it. */
  createdBy: z.string().regex(/^[0-9a-f]{64}$/),
  /** Milliseconds since 1970, when it was last saved (of two concurrent saves Yjs keeps one). */
  updatedAt: TimeMs.nonnegative(),
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;

/**
 * What an event of visibility 'busy' leaves in the coalition's document: everything but the
 * details, including the times of moved occurrences. The details live in the organisation's document.
 */
export type BusyRecord = Omit<CalendarEvent, keyof EventDetails | 'overrides'> & {
  overrides: Record<string, Pick<OccurrenceOverride, 'start' | 'end'>>;
};
/** The organisation-sealed half of a 'busy' event. */
export interface SealedDetails extends EventDetails {
  id: string;
  overrides: Record<string, Pick<OccurrenceOverride, 'title' | 'description' | 'location'>>;
}

/** The timing part of an event (a copy: plain data, no other field rides along). */
export function timingOf(event: EventTiming): EventTiming {
  const { allDay, start, end, tz, rrule, exdates } = event;
  return { allDay, start, end, tz, rrule, exdates };
}

export function detailsOf(event: EventDetails): EventDetails {
  const { title, description, location } = event;
  return { title, description, location };
}

/** One occurrence of an event in absolute time, as the views place it. */
export interface Occurrence {
  eventId: string;
  key: OccurrenceKey;
  /** Start and end instants (ms). All-day: midnight to midnight in the viewer's zone. */
  startMs: number;
  endMs: number;
  allDay: boolean;
  /** All-day only: the dates, the same in every zone (end exclusive). */
  startDate: string | null;
  endDate: string | null;
  recurring: boolean;
  /** This occurrence was changed on its own ("this occurrence"). */
  overridden: boolean;
}

/** How far an edit or a deletion of one occurrence of a series reaches. */
export const EDIT_SCOPES = ['this', 'following', 'all'] as const;
export const EditScope = z.enum(EDIT_SCOPES);
export type EditScope = z.infer<typeof EditScope>;
