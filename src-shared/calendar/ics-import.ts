// ICS import: an .ics file (Google, Outlook, Apple, Nextcloud…) read into the calendar's model, all
// or nothing. Only times, repeat rule, exceptions, title, place and description are kept.
import ICAL from 'ical.js';
import { CALENDAR_LIMITS } from './calendar-limits';
import type { EventDetails, EventTiming, OccurrenceOverride } from './event-model';
import { IcsError, scanIcs, type EventPlace } from './ics-guard';
import {
  fail,
  keyOf,
  readDates,
  readSpan,
  readText,
  readWhen,
  toFrame,
  ZoneBook,
  type Frame,
  type Source,
} from './ics-read';
import { formatRule, modelRefusal, normaliseUntil, parseRule, RuleError } from './ics-rule';
import { isKnownZone } from './ics-zones';
import { ruleIsBounded } from './rule-limits';
import { convertWall, floorMinute, wallFromMs, wallMs, type Wall } from './ics-time';

export { IcsError, type IcsErrorReason } from './ics-guard';

export type ImportedEvent = EventTiming &
  EventDetails & { overrides: Record<string, OccurrenceOverride> };

export interface ParseIcsOptions {
  /** Called every ~500 events and once at the end, with events read so far and in all. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The zone for floating times (no TZID, no `Z`), for all-day events, and for single events
   * written in UTC; defaults to this machine's zone. A repeating event written in UTC stays in
   * 'UTC', so that every occurrence keeps its instant across daylight-saving changes.
   */
  defaultZone?: string;
}

const PROGRESS_EVERY = 500;

export function parseIcs(text: string, options: ParseIcsOptions = {}): ImportedEvent[] {
  const scan = scanIcs(text);
  const defaultZone = options.defaultZone ?? systemZone();
  if (!isKnownZone(defaultZone)) throw new RangeError('the default time zone is not known');
  const calendars = parseCalendars(scan.text, scan.events);
  const book = new ZoneBook(calendars, defaultZone);

  const masters: Source[] = [];
  const exceptions = new Map<string, Source[]>();
  const orphans: Source[] = [];
  let n = 0;
  for (const calendar of calendars)
    for (const comp of calendar.getAllSubcomponents('vevent')) {
      const src: Source = { comp, n: n + 1, line: scan.events[n]?.line ?? null };
      n++;
      const uid = comp.getFirstPropertyValue('uid');
      if (!comp.hasProperty('recurrence-id')) masters.push(src);
      else if (typeof uid === 'string' && uid !== '') {
        const list = exceptions.get(uid);
        if (list) list.push(src);
        else exceptions.set(uid, [src]);
      } else orphans.push(src);
    }
  if (n > CALENDAR_LIMITS.icsMaxEvents)
    throw new IcsError(
      'too-many-events',
      `the file has more than ${CALENDAR_LIMITS.icsMaxEvents} events`,
    );

  let done = 0;
  const progress = (count: number): void => {
    const before = Math.floor(done / PROGRESS_EVERY);
    done += count;
    if (Math.floor(done / PROGRESS_EVERY) > before) options.onProgress?.(done, n);
  };
  const out: ImportedEvent[] = [];
  for (const src of masters) {
    const uid = src.comp.getFirstPropertyValue('uid');
    const own = typeof uid === 'string' ? (exceptions.get(uid) ?? []) : [];
    if (typeof uid === 'string') exceptions.delete(uid); // a repeated UID: the first master takes them
    out.push(...guarded(src, own, book));
    progress(1 + own.length);
  }
  // Changed occurrences whose series is not in the file stand on their own.
  for (const src of [...orphans, ...[...exceptions.values()].flat()]) {
    out.push(...guarded(src, [], book));
    progress(1);
  }
  if (out.length > CALENDAR_LIMITS.icsMaxEvents)
    throw new IcsError(
      'too-many-events',
      `the file has more than ${CALENDAR_LIMITS.icsMaxEvents} events`,
    );
  options.onProgress?.(n, n);
  return out;
}

function systemZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return typeof zone === 'string' && isKnownZone(zone) ? zone : 'UTC';
}

function parseCalendars(text: string, places: readonly EventPlace[]): ICAL.Component[] {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch {
    throw locateParseError(text, places);
  }
  const roots: unknown[] =
    Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : Array.isArray(jcal) ? jcal : [];
  const calendars = roots
    .filter((r): r is unknown[] => Array.isArray(r) && r[0] === 'vcalendar')
    .map((r) => new ICAL.Component(r));
  if (calendars.length === 0)
    throw new IcsError('not-calendar', 'the file is not an iCalendar file (no VCALENDAR)');
  return calendars;
}

/** ical.js says only that the file is wrong; re-reading the events one by one says which. */
function locateParseError(text: string, places: readonly EventPlace[]): IcsError {
  for (const [i, place] of places.entries()) {
    try {
      ICAL.parse(text.slice(place.from, place.to));
    } catch {
      return new IcsError(
        'bad-event',
        `event ${i + 1} (line ${place.line}) is not valid iCalendar`,
        place.line,
      );
    }
  }
  return new IcsError('malformed', 'the file is not valid iCalendar');
}

const cancelled = (src: Source): boolean => {
  const status = src.comp.getFirstPropertyValue('status');
  return typeof status === 'string' && status.toUpperCase() === 'CANCELLED';
};

/** ical.js decodes values when they are read: a value it cannot decode fails the event. */
function guarded(src: Source, changes: readonly Source[], book: ZoneBook): ImportedEvent[] {
  try {
    return readEvent(src, changes, book);
  } catch (error) {
    if (error instanceof IcsError) throw error;
    fail(src, 'one of its values cannot be read');
  }
}

/** A master VEVENT with its changed occurrences: the event, plus one event per RDATE. */
function readEvent(src: Source, changes: readonly Source[], book: ZoneBook): ImportedEvent[] {
  if (cancelled(src)) return [];
  const dtstart = readWhen(src, 'dtstart', 'start');
  if (!dtstart) fail(src, 'it has no start (DTSTART)');
  const rules = src.comp.getAllProperties('rrule');
  if (rules.length > 1) fail(src, 'it has more than one repeat rule (RRULE)');
  if (src.comp.hasProperty('exrule')) fail(src, 'its exclusion rule (EXRULE) is not supported');
  const allDay = dtstart.value.date;
  const recurring = rules.length === 1;
  let tz = book.defaultZone;
  if (!allDay && dtstart.value.utc && recurring) tz = 'UTC';
  else if (!allDay && dtstart.tzid !== null && !dtstart.value.utc)
    tz = book.resolve(dtstart.tzid, dtstart.value.wall.year, src);
  const frame: Frame = { allDay, tz };
  const { start, end } = readSpan(src, frame, book);
  const lengthMs = wallMs(end) - wallMs(start);

  // Occurrences are named by their original start on the series' clock. A date given for a timed
  // series names the occurrence on that day.
  const occurrenceKey = (when: ReturnType<typeof readDates>[number]): string => {
    if (!allDay && when.value.date)
      return keyOf({ ...when.value.wall, hour: start.hour, minute: start.minute }, frame);
    return keyOf(toFrame(when, frame, book, src, 'floor'), frame);
  };

  let rrule: string | null = null;
  if (recurring) rrule = readRule(src, rules[0], frame, start);
  const exdates = new Set(readDates(src, 'exdate').map(occurrenceKey));

  const title = readText(src, 'summary', CALENDAR_LIMITS.titleMaxChars, true) ?? '';
  const description =
    readText(src, 'description', CALENDAR_LIMITS.descriptionMaxChars, false) ?? '';
  const location = readText(src, 'location', CALENDAR_LIMITS.locationMaxChars, true) ?? '';
  const details = { title, description, location };

  const overrides: Record<string, OccurrenceOverride> = {};
  for (const change of changes) {
    const rid = readWhen(change, 'recurrence-id', 'changed occurrence');
    if (!rid) fail(change, 'its changed occurrence (RECURRENCE-ID) is missing');
    const key = occurrenceKey(rid);
    if (cancelled(change)) {
      exdates.add(key);
      delete overrides[key];
      continue;
    }
    const moved = readSpan(change, frame, book, { start: keyWall(key), lengthMs });
    const override: OccurrenceOverride = {};
    if (keyOf(moved.start, frame) !== key || wallMs(moved.end) - wallMs(moved.start) !== lengthMs) {
      override.start = keyOf(moved.start, frame);
      override.end = keyOf(moved.end, frame);
    }
    for (const [name, field, max, oneLine] of TEXTS) {
      const value = readText(change, name, max, oneLine);
      if (value !== null && value !== details[field]) override[field] = value;
    }
    if (Object.keys(override).length > 0) overrides[key] = override;
    else delete overrides[key];
  }
  for (const key of exdates) delete overrides[key];
  if (
    exdates.size > CALENDAR_LIMITS.exceptionsPerEvent ||
    Object.keys(overrides).length > CALENDAR_LIMITS.exceptionsPerEvent
  )
    fail(src, `it has more than ${CALENDAR_LIMITS.exceptionsPerEvent} exceptions`);

  const event: ImportedEvent = {
    allDay,
    start: keyOf(start, frame),
    end: keyOf(end, frame),
    tz,
    rrule,
    exdates: [...exdates].sort(),
    ...details,
    overrides,
  };
  // The model has no extra dates (RDATE): each becomes a one-off event of the series' length,
  // with the changes made to that occurrence.
  const extra = readDates(src, 'rdate');
  if (rrule === null && extra.length === 0 && changes.length === 0 && exdates.size === 0)
    return [event];
  const keys = new Set(extra.map(occurrenceKey));
  if (rrule === null) keys.add(event.start);
  const singles: ImportedEvent[] = [];
  for (const key of [...keys].sort()) {
    const change = overrides[key];
    delete overrides[key];
    if (exdates.has(key) || (rrule !== null && key === event.start)) continue;
    const ends = keyOf(wallFromMs(wallMs(keyWall(key)) + lengthMs), frame);
    // A one-off written in UTC goes to the default zone, as any single UTC event does.
    const zone = dtstart.value.utc ? book.defaultZone : tz;
    const move = (k: string): string => keyOf(convertWall(keyWall(k), tz, zone), frame);
    singles.push({
      ...event,
      tz: zone,
      rrule: null,
      exdates: [],
      overrides: {},
      start: move(change?.start ?? key),
      end: move(change?.end ?? ends),
      title: change?.title ?? title,
      description: change?.description ?? description,
      location: change?.location ?? location,
    });
  }
  return rrule === null ? singles : [event, ...singles];
}

const TEXTS = [
  ['summary', 'title', CALENDAR_LIMITS.titleMaxChars, true],
  ['description', 'description', CALENDAR_LIMITS.descriptionMaxChars, false],
  ['location', 'location', CALENDAR_LIMITS.locationMaxChars, true],
] as const;

function keyWall(key: string): Wall {
  const [date = '', time = '00:00'] = key.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  return { year: y, month: m, day: d, hour: h, minute: min, second: 0 };
}

function readRule(src: Source, prop: ICAL.Property | undefined, frame: Frame, start: Wall): string {
  const value = prop?.getFirstValue();
  if (!(value instanceof ICAL.Recur)) fail(src, 'its repeat rule (RRULE) cannot be read');
  let rule: string;
  try {
    const parts = parseRule(value.toString());
    const refusal = modelRefusal(parts, frame.allDay);
    if (refusal) fail(src, `its repeat rule (RRULE) is not supported: ${refusal}`);
    normaliseUntil(parts, frame.allDay, frame.tz);
    // Before ical.js sees it: a rule that never occurs (the 15th that is a first Monday) sends its
    // iterator on to the year 20000, tens of milliseconds for each such event of a large file.
    const weekday =
      (new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay() + 6) % 7;
    if (!ruleIsBounded(parts, { ...start, weekday })) {
      fail(src, 'its repeat rule (RRULE) is not supported: it may never occur, or only rarely');
    }
    rule = formatRule(parts);
    // ical.js refuses some combinations (BYYEARDAY in a monthly rule…) only when it expands them.
    const first = ICAL.Time.fromData({ ...floorMinute(start), isDate: frame.allDay });
    ICAL.Recur.fromString(rule).iterator(first).next();
  } catch (e) {
    if (e instanceof IcsError) throw e;
    // Only the rule reader's own words: ical.js's messages quote the values they refuse.
    const why = e instanceof RuleError ? `: ${e.message}` : '';
    fail(src, `its repeat rule (RRULE) cannot be understood${why}`);
  }
  if (rule.length > CALENDAR_LIMITS.rruleMaxChars) fail(src, 'its repeat rule (RRULE) is too long');
  return rule;
}
