// Scrubbed ICS export: times, rules, exceptions, titles, places and descriptions, and nothing that
// points back to the app, the device or the people (fresh random UIDs, a generic PRODID, no X-).
import ICAL from 'ical.js';
import type { BlurChoice } from './calendar-api';
import type { EventDetails, EventTiming, OccurrenceOverride } from './event-model';
import { formatRule, modelRefusal, normaliseUntil, parseRule, type RuleParts } from './ics-rule';
import { formatDate, jcalDateTime, readLocal, wallFromMs, wallMs, type Wall } from './ics-time';
import { joinLines, withoutControls } from './ics-guard';
import { blurEvent, type Prepared } from './ics-blur';
import { vtimezone, type JCal, type JCalProperty } from './ics-vtimezone';
import { isKnownZone } from './ics-zones';

export type ExportableEvent = EventTiming &
  EventDetails & { overrides: Record<string, OccurrenceOverride> };

export interface ExportIcsOptions {
  /** 'hour': starts down and ends up to the hour; 'day': every event becomes all-day. */
  blur: BlurChoice;
  /** The export time (ms), for tests; DTSTAMP carries only its UTC date. */
  now?: number;
}

// A PRODID many tools could have written: naming the app would mark the file as ours.
const PRODID = '-//Calendar//EN';

export function exportIcs(events: readonly ExportableEvent[], options: ExportIcsOptions): string {
  const now = options.now ?? Date.now();
  const stamp = `${formatDate(wallFromMs(now))}T00:00:00Z`;
  const prepared = events
    .map((e) => prepare(e))
    .filter((p): p is Prepared => p !== null)
    .map((p) => blurEvent(p, options.blur))
    // File order is by time, not by the order events were made in.
    .sort((a, b) => order(a) - order(b) || a.title.localeCompare(b.title));

  const thisYear = wallFromMs(now).year;
  const zones = new Map<string, { from: number; to: number }>();
  for (const p of prepared) {
    if (p.allDay || p.tz === 'UTC') continue;
    const years = yearsOf(p);
    const known = zones.get(p.tz);
    zones.set(p.tz, {
      from: Math.min(known?.from ?? Infinity, years.from - 1),
      to: Math.max(known?.to ?? -Infinity, years.to, thisYear + 1),
    });
  }

  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  for (const [zone, { from, to }] of [...zones].sort(([a], [b]) => a.localeCompare(b)))
    write(vtimezone(zone, Math.max(from, to - 150), to), lines);
  for (const p of prepared) for (const component of vevents(p, stamp)) write(component, lines);
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

const order = (p: Prepared): number => wallMs(p.start) * 2 + (p.allDay ? 0 : 1);

function yearsOf(p: Prepared): { from: number; to: number } {
  const walls = [p.start, p.end, ...p.exdates, ...p.overrides.flatMap((o) => [o.start, o.end])];
  const until = p.rule?.get('UNTIL');
  const years = walls.map((w) => w.year);
  if (until) years.push(Number(until.slice(0, 4)));
  return { from: Math.min(...years), to: Math.max(...years) };
}

/** The event as walls and parts; null when its stored times cannot be read (a broken record). */
function prepare(e: ExportableEvent): Prepared | null {
  const start = readLocal(e.start);
  const end = readLocal(e.end);
  if (!start || !end || (!e.allDay && !isKnownZone(e.tz))) return null;
  let rule: RuleParts | null = null;
  if (e.rrule !== null) {
    try {
      rule = parseRule(e.rrule);
      normaliseUntil(rule, e.allDay, e.tz);
      if (modelRefusal(rule, e.allDay)) rule = null;
    } catch {
      rule = null; // a rule no reader could use: the first occurrence still goes out
    }
  }
  const exdates = rule ? e.exdates.map(readLocal).filter((w): w is Wall => w !== null) : [];
  const lengthMs = Math.max(0, wallMs(end) - wallMs(start));
  const overrides: Prepared['overrides'] = [];
  const skipped = new Set(e.exdates);
  for (const [key, o] of rule ? Object.entries(e.overrides) : []) {
    const at = readLocal(key);
    if (!at || skipped.has(key)) continue;
    const from = (o.start !== undefined ? readLocal(o.start) : null) ?? at;
    const to =
      (o.end !== undefined ? readLocal(o.end) : null) ?? wallFromMs(wallMs(from) + lengthMs);
    overrides.push({
      key: at,
      start: from,
      end: to,
      title: o.title ?? e.title,
      description: o.description ?? e.description,
      location: o.location ?? e.location,
    });
  }
  return {
    allDay: e.allDay,
    tz: e.tz,
    start,
    end,
    rule,
    exdates,
    overrides,
    title: e.title,
    description: e.description,
    location: e.location,
  };
}

function when(name: string, w: Wall, p: Prepared): JCalProperty {
  if (p.allDay) return [name, {}, 'date', formatDate(w)];
  if (p.tz === 'UTC') return [name, {}, 'date-time', jcalDateTime(w, true)];
  return [name, { tzid: p.tz }, 'date-time', jcalDateTime(w, false)];
}

const clean = (text: string, oneLine: boolean): string => {
  const t = withoutControls(text);
  return oneLine ? joinLines(t) : t; // not a regex: see joinLines
};

function texts(d: EventDetails): JCalProperty[] {
  const out: JCalProperty[] = [];
  if (d.title) out.push(['summary', {}, 'text', clean(d.title, true)]);
  if (d.location) out.push(['location', {}, 'text', clean(d.location, true)]);
  if (d.description) out.push(['description', {}, 'text', clean(d.description, false)]);
  return out;
}

function vevents(p: Prepared, stamp: string): JCal[] {
  const uid: JCalProperty = ['uid', {}, 'text', randomUid()];
  const dtstamp: JCalProperty = ['dtstamp', {}, 'date-time', stamp];
  const master: JCalProperty[] = [
    uid,
    dtstamp,
    when('dtstart', p.start, p),
    when('dtend', p.end, p),
  ];
  if (p.rule)
    master.push(['rrule', {}, 'recur', ICAL.Recur.fromString(formatRule(p.rule)).toJSON()]);
  for (const w of p.exdates)
    master.push(p.allDay ? ['exdate', {}, 'date', formatDate(w)] : when('exdate', w, p));
  master.push(...texts(p));
  const out: JCal[] = [['vevent', master, []]];
  for (const o of p.overrides) {
    const rid = p.allDay
      ? (['recurrence-id', {}, 'date', formatDate(o.key)] as JCalProperty)
      : when('recurrence-id', o.key, p);
    out.push([
      'vevent',
      [uid, dtstamp, rid, when('dtstart', o.start, p), when('dtend', o.end, p), ...texts(o)],
      [],
    ]);
  }
  return out;
}

// Random bytes fetched in blocks: one getRandomValues call per UID costs more than the UID.
let pool = new Uint8Array(0);
let used = 0;

/** A version-4 UUID, the commonest UID form: it says nothing about who or what made the file. */
function randomUid(): string {
  if (used + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    used = 0;
  }
  const b = pool.subarray(used, used + 16);
  used += 16;
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  const uid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  b.fill(0); // used bytes do not stay in memory for the next caller to find
  return uid;
}

function write(component: JCal, lines: string[]): void {
  const [name, props, subs] = component;
  lines.push(`BEGIN:${name.toUpperCase()}`);
  for (const prop of props)
    lines.push(fold(ICAL.stringify.property(prop, ICAL.design.icalendar, true)));
  for (const sub of subs) write(sub, lines);
  lines.push(`END:${name.toUpperCase()}`);
}

/** RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and a space; never inside a character. */
export function fold(line: string): string {
  if (line.length <= 25 || (line.length <= 75 && /^[\x20-\x7e]*$/.test(line))) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
      limit = 74; // the leading space counts
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}
