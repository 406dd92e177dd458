// What the event editor holds while the user types: plain fields (dates, 'HH:mm' times, a zone, the
// recurrence choice), made from a new day or a stored event (or one occurrence of it), checked, and
// turned into the contract's EventInput. The end date of an all-day event is shown inclusive
// ("3–5 March") while the contract's is exclusive.
import { DateTime } from 'luxon';
import type { CalendarEventView, EventInput } from '../../src-shared/calendar/calendar-api';
import type { Visibility } from '../../src-shared/calendar/event-model';
import { addDays, daysBetween, isDay } from './day-math';
import { localTimeIn } from './drag-timing';
import { buildRrule, NO_RECURRENCE, parseRrule, type RecurrenceChoice } from './recurrence-choice';

export interface EventDraft {
  title: string;
  description: string;
  location: string;
  allDay: boolean;
  startDate: string | null;
  /** All-day: the last day (inclusive). Timed: the day the event ends. */
  endDate: string | null;
  startTime: string;
  endTime: string;
  tz: string;
  recurrence: RecurrenceChoice;
  /** The stored rule; sent back unchanged until the user changes the recurrence. */
  storedRule: string | null;
  recurrenceEdited: boolean;
  exdates: string[];
  orgId: string | null;
  visibility: Visibility;
  reminder: number | null;
}

/** One occurrence the editor was opened on (from a view), for a series. */
export interface OpenedOccurrence {
  key: string;
  startMs: number;
  endMs: number;
  allDay: boolean;
  startDate: string | null;
  endDate: string | null;
  title: string | null;
  location: string | null;
}

export function newDraft(options: {
  day: string;
  tz: string;
  orgId: string | null;
  startTime?: string;
  minutes?: number;
}): EventDraft {
  const startTime = options.startTime ?? '09:00';
  const end = wallClock(options.day, startTime).plus({ minutes: options.minutes ?? 60 });
  return {
    title: '',
    description: '',
    location: '',
    allDay: false,
    startDate: options.day,
    endDate: end.toISODate(),
    startTime,
    endTime: end.toFormat('HH:mm'),
    tz: options.tz,
    recurrence: NO_RECURRENCE,
    storedRule: null,
    recurrenceEdited: false,
    exdates: [],
    orgId: options.orgId,
    visibility: 'coalition',
    reminder: null,
  };
}

/** A stored event as a draft; on an occurrence of a series, that occurrence's times and details. */
export function draftFromView(view: CalendarEventView, occurrence?: OpenedOccurrence): EventDraft {
  const details = view.details ?? { title: '', description: '', location: '' };
  const parsed = parseRrule(view.rrule, { allDay: view.allDay, tz: view.tz });
  const base: EventDraft = {
    ...newDraft({ day: view.start.slice(0, 10), tz: view.tz, orgId: view.orgId }),
    title: occurrence?.title ?? details.title,
    // The occurrence's own description, which a view's item does not carry.
    description: view.occurrenceDetails?.description ?? details.description,
    location: occurrence?.location ?? details.location,
    allDay: view.allDay,
    recurrence: parsed === 'custom' || parsed === null ? NO_RECURRENCE : parsed,
    storedRule: view.rrule,
    exdates: view.exdates,
    visibility: view.visibility,
    reminder: view.reminderMinutes,
  };
  if (view.allDay) {
    const start = occurrence?.startDate ?? view.start;
    const end = occurrence?.endDate ?? view.end;
    return { ...base, startDate: start, endDate: addDays(end, -1) };
  }
  const start = occurrence ? localTimeIn(occurrence.startMs, view.tz) : view.start;
  const end = occurrence ? localTimeIn(occurrence.endMs, view.tz) : view.end;
  return {
    ...base,
    startDate: start.slice(0, 10),
    startTime: start.slice(11, 16),
    endDate: end.slice(0, 10),
    endTime: end.slice(11, 16),
  };
}

/** A wall-clock time as luxon arithmetic sees it (UTC, so no zone rule moves it). */
function wallClock(day: string, time: string): DateTime {
  return DateTime.fromISO(`${day}T${time}`, { zone: 'utc' });
}

/** A new start day keeps the event's length: the end day moves along. */
export function withStartDate(draft: EventDraft, day: string | null): EventDraft {
  if (day === null || draft.startDate === null || draft.endDate === null) {
    return { ...draft, startDate: day };
  }
  const shift = daysBetween(draft.startDate, day);
  return { ...draft, startDate: day, endDate: addDays(draft.endDate, shift) };
}

/** A new start time keeps the event's length: the end moves along (across midnight if need be). */
export function withStartTime(draft: EventDraft, time: string): EventDraft {
  if (!isTime(time) || !isTime(draft.startTime) || !draft.startDate || !draft.endDate) {
    return { ...draft, startTime: time };
  }
  const length = wallClock(draft.endDate, draft.endTime).diff(
    wallClock(draft.startDate, draft.startTime),
  );
  const end = wallClock(draft.startDate, time).plus(length);
  return { ...draft, startTime: time, endDate: end.toISODate(), endTime: end.toFormat('HH:mm') };
}

export function isTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

export type DraftProblem =
  | 'start-missing'
  | 'end-missing'
  | 'time-invalid'
  | 'end-before-start'
  | 'zone-unknown'
  | 'interval-invalid'
  | 'weekdays-missing'
  | 'count-invalid'
  | 'until-before-start'
  | 'organisation-needed';

/** What is wrong with a draft, in the order the form shows the fields; empty when it can be saved. */
export function draftProblems(
  draft: EventDraft,
  knownZone: (tz: string) => boolean,
): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.startDate || !isDay(draft.startDate)) problems.push('start-missing');
  if (!draft.endDate || !isDay(draft.endDate)) problems.push('end-missing');
  if (!draft.allDay && (!isTime(draft.startTime) || !isTime(draft.endTime))) {
    problems.push('time-invalid');
  }
  if (problems.length === 0 && draft.startDate && draft.endDate) {
    const ends = draft.allDay
      ? draft.endDate >= draft.startDate
      : wallClock(draft.endDate, draft.endTime) > wallClock(draft.startDate, draft.startTime);
    if (!ends) problems.push('end-before-start');
  }
  if (!knownZone(draft.tz)) problems.push('zone-unknown');
  const rule = draft.recurrence;
  if (draft.recurrenceEdited && rule.frequency !== 'none') {
    if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > 999) {
      problems.push('interval-invalid');
    }
    if (rule.frequency === 'weekly' && rule.weekdays.length === 0)
      problems.push('weekdays-missing');
    if (rule.end.kind === 'count' && !(Number.isInteger(rule.end.count) && rule.end.count >= 1)) {
      problems.push('count-invalid');
    }
    if (
      rule.end.kind === 'until' &&
      (!isDay(rule.end.date) || (draft.startDate !== null && rule.end.date < draft.startDate))
    ) {
      problems.push('until-before-start');
    }
  }
  if (draft.visibility !== 'coalition' && draft.orgId === null)
    problems.push('organisation-needed');
  return problems;
}

/** The contract's EventInput for a draft without problems. */
export function draftToInput(draft: EventDraft): EventInput {
  const startDate = draft.startDate ?? '';
  const endDate = draft.endDate ?? startDate;
  const rrule = draft.recurrenceEdited
    ? buildRrule(draft.recurrence, { allDay: draft.allDay, tz: draft.tz })
    : draft.storedRule;
  return {
    title: draft.title.trim(),
    description: draft.description,
    location: draft.location.trim(),
    allDay: draft.allDay,
    start: draft.allDay ? startDate : `${startDate}T${draft.startTime}`,
    end: draft.allDay ? addDays(endDate, 1) : `${endDate}T${draft.endTime}`,
    tz: draft.tz,
    rrule,
    exdates: rrule === null ? [] : draft.exdates,
    orgId: draft.orgId,
    visibility: draft.orgId === null ? 'coalition' : draft.visibility,
  };
}

/**
 * Whether the draft would save something other than `from` (the draft the editor opened with):
 * what the user changed and changed back, or only spaces around a title, is no change to lose.
 */
export function draftChanged(draft: EventDraft, from: EventDraft): boolean {
  const saved = (d: EventDraft) => JSON.stringify([draftToInput(d), d.reminder]);
  return saved(draft) !== saved(from);
}
