// Reading one VEVENT's times and texts into the model's frame (all-day or timed in one zone), for
// the importer. Every value is checked here; anything unreadable fails the event, never guesses.
import ICAL from 'ical.js';
import { CALENDAR_LIMITS } from './calendar-limits';
import { stripInvisible } from '../invisible-chars';
import { IcsError, joinLines, withoutControls } from './ics-guard';
import { zoneFromName, zoneFromVtimezone } from './ics-zones';
import {
  addDays,
  addSecondsInZone,
  ceilMinute,
  convertWall,
  floorMinute,
  formatDate,
  formatLocal,
  midnight,
  readJcalDate,
  wallFromMs,
  wallMs,
  type IcalDate,
  type Wall,
} from './ics-time';

/** One VEVENT of the file and where it is, for messages. */
export interface Source {
  comp: ICAL.Component;
  /** 1-based number among the file's events. */
  n: number;
  line: number | null;
}

/** How an event's times are kept: dates, or wall-clock minutes in `tz`. */
export interface Frame {
  allDay: boolean;
  tz: string;
}

export interface Span {
  start: Wall;
  end: Wall;
}

/** How a message names the event: its number and line, never its text (see IcsError). */
const where = (src: Source): string =>
  src.line === null ? `event ${src.n}` : `event ${src.n} (line ${src.line})`;

export function fail(src: Source, what: string): never {
  throw new IcsError('bad-event', `${where(src)}: ${what}`, src.line);
}

/** The model's string for a wall time in a frame. */
export const keyOf = (w: Wall, frame: Frame): string =>
  frame.allDay ? formatDate(w) : formatLocal(w);

/** Resolves TZIDs to IANA zones once per name, with the file's VTIMEZONEs as the last resort. */
export class ZoneBook {
  private readonly cache = new Map<string, string | null>();
  constructor(
    private readonly calendars: readonly ICAL.Component[],
    readonly defaultZone: string,
  ) {}

  resolve(tzid: string, year: number, src: Source): string {
    let zone = this.cache.get(tzid);
    if (zone === undefined) {
      zone = zoneFromName(tzid);
      if (zone === null) {
        const vtimezone = this.vtimezone(tzid);
        if (vtimezone) zone = zoneFromVtimezone(vtimezone, tzid, year, this.defaultZone);
      }
      this.cache.set(tzid, zone);
    }
    // The TZID is the file's own text (anything a writer chose), so the message does not quote it.
    if (zone === null) {
      throw new IcsError(
        'unknown-zone',
        `${where(src)}: its time zone (TZID) is not known and the file does not define one that matches a known zone`,
        src.line,
      );
    }
    return zone;
  }

  private vtimezone(tzid: string): ICAL.Component | null {
    for (const calendar of this.calendars)
      for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
        if (vtimezone.getFirstPropertyValue('tzid') === tzid) return vtimezone;
    return null;
  }
}

export interface When {
  value: IcalDate;
  tzid: string | null;
}

function tzidOf(prop: ICAL.Property): string | null {
  const tzid: unknown = prop.getFirstParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : null;
}

const DATE_LISTS = {
  exdate: { label: 'excluded dates', tooMany: 'exceptions' },
  rdate: { label: 'extra dates', tooMany: 'extra dates' },
} as const;

/**
 * Every value of a date property (EXDATE, RDATE hold lists), each with the property's TZID. More
 * than an event may have fail it before any value is read: the importer converts each one to the
 * event's zone, and an EXDATE of 200,000 values held main's event loop for seconds.
 */
export function readDates(src: Source, name: keyof typeof DATE_LISTS): When[] {
  const { label, tooMany } = DATE_LISTS[name];
  const props = src.comp.getAllProperties(name);
  // A jCal property is [name, parameters, type, ...values].
  const count = props.reduce((n, prop) => n + Math.max(0, prop.jCal.length - 3), 0);
  const max = CALENDAR_LIMITS.exceptionsPerEvent;
  if (count > max) fail(src, `it has more than ${max} ${tooMany}`);
  const out: When[] = [];
  for (const prop of props) {
    const tzid = tzidOf(prop);
    const values: unknown[] = prop.jCal.slice(3);
    for (const raw of values) {
      // An RDATE period (start/end) counts by its start: the event's length is kept.
      const value = readJcalDate(Array.isArray(raw) ? (raw as unknown[])[0] : raw);
      if (!value) fail(src, `a date in ${name.toUpperCase()} (${label}) cannot be read`);
      out.push({ value, tzid });
    }
  }
  return out;
}

export function readWhen(src: Source, name: string, label: string): When | null {
  const prop = src.comp.getFirstProperty(name);
  if (!prop) return null;
  const value = readJcalDate(prop.jCal[3]);
  if (!value) fail(src, `its ${label} (${name.toUpperCase()}) cannot be read`);
  return { value, tzid: tzidOf(prop) };
}

/** The zone a date-time's wall clock is in: UTC, its TZID's zone, or (floating) the default. */
export function zoneOf(when: When, book: ZoneBook, src: Source): string {
  if (when.value.utc) return 'UTC';
  if (when.tzid !== null) return book.resolve(when.tzid, when.value.wall.year, src);
  return book.defaultZone;
}

/** A value on the frame's clock: starts round down to the minute, ends up; all-day ends to the next day. */
export function toFrame(
  when: When,
  frame: Frame,
  book: ZoneBook,
  src: Source,
  round: 'floor' | 'ceil',
): Wall {
  const { value } = when;
  if (value.date) return value.wall;
  const w = convertWall(value.wall, zoneOf(when, book, src), frame.tz);
  if (frame.allDay) {
    const day = midnight(w);
    return round === 'ceil' && wallMs(w) > wallMs(day) ? addDays(day, 1) : day;
  }
  return round === 'floor' ? floorMinute(w) : ceilMinute(w);
}

/**
 * Start and end of a VEVENT in the frame. `fallback` serves an exception that leaves out its
 * start or length: the occurrence it replaces, and the series' length.
 */
export function readSpan(
  src: Source,
  frame: Frame,
  book: ZoneBook,
  fallback?: { start: Wall; lengthMs: number },
): Span {
  const dtstart = readWhen(src, 'dtstart', 'start');
  let start: Wall;
  if (dtstart) start = toFrame(dtstart, frame, book, src, 'floor');
  else if (fallback) start = fallback.start;
  else fail(src, 'it has no start (DTSTART)');

  const dtend = readWhen(src, 'dtend', 'end');
  const duration = src.comp.getFirstPropertyValue('duration');
  let end: Wall;
  if (dtend) end = toFrame(dtend, frame, book, src, 'ceil');
  else if (duration !== null) {
    if (!(duration instanceof ICAL.Duration)) fail(src, 'its length (DURATION) cannot be read');
    const sign = duration.isNegative ? 0 : 1;
    const days = sign * (duration.weeks * 7 + duration.days);
    const seconds = sign * (duration.hours * 3600 + duration.minutes * 60 + duration.seconds);
    if (frame.allDay) end = addDays(start, days + Math.ceil(seconds / 86_400));
    else end = ceilMinute(addSecondsInZone(addDays(start, days), seconds, frame.tz));
  } else if (fallback) end = wallFromMs(wallMs(start) + fallback.lengthMs);
  else end = frame.allDay ? addDays(start, 1) : start;

  // An end before the start (or an all-day event of no day) is read as the shortest event.
  if (frame.allDay ? wallMs(end) <= wallMs(start) : wallMs(end) < wallMs(start))
    end = frame.allDay ? addDays(start, 1) : start;
  return { start, end };
}

/** A text property, cleaned of control characters and clipped to the model's limit. */
export function readText(src: Source, name: string, max: number, oneLine: boolean): string | null {
  const value = src.comp.getFirstPropertyValue(name);
  if (typeof value !== 'string') return null;
  const clean = withoutControls(value);
  // Linear in the text's length (joinLines says why no regex): the file may hold 20 MB of it.
  // A one-line field (title, location) also loses invisible and bidi characters, as names do:
  // "Hi\u202Egnp.exe" must not show as "Hiexe.png".
  const text = (oneLine ? stripInvisible(joinLines(clean)) : clean).trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  // Never leave half of a surrogate pair at the end.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
