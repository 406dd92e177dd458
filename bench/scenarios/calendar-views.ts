// Calendar views: a coalition calendar of 5,000 events (a fifth recurring) shown as a month and as a
// week in the viewer's zone (expansion, placing on days, side-by-side layout, conflicts), against
// ical.js expanding the same events over the same range. Seconds at any size.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import {
  layoutDay,
  monthGrid,
  placeByDay,
  spanOf,
  weekDays,
  type GridDay,
} from '../../src-shared/calendar/calendar-grid';
import { findConflicts, type ConflictInput } from '../../src-shared/calendar/conflicts';
import type { Occurrence } from '../../src-shared/calendar/event-model';
import { expandEvent, type ExpandableEvent } from '../../src-shared/calendar/recurrence';
import type { Size } from '../lib/args';
import type { Row } from '../lib/report';
import { now, percentile } from '../lib/stats';

const EVENTS = 5_000;
const VIEWER = 'Europe/Vilnius';
/** The month and the week of the spring DST change, where the conversions do the most work. */
const ANCHOR = DateTime.fromObject({ year: 2026, month: 3, day: 25, hour: 12 }, { zone: VIEWER });
const TARGET_MS = 50;
const ZONES: [string, number][] = [
  ['Europe/Vilnius', 0.4],
  ['Europe/Minsk', 0.25],
  ['Europe/Warsaw', 0.15],
  ['Europe/Kyiv', 0.1],
  ['Europe/Berlin', 0.1],
];
// Enough for ical.js to place the same times: each zone's rules since 1970 (Minsk: +03 since 2011).
const VTIMEZONES = ZONES.map(([tz]) => {
  const [std, dst] = tz === 'Europe/Warsaw' || tz === 'Europe/Berlin' ? [1, 2] : [2, 3];
  const offset = (h: number) => `+0${h}00`;
  const rule = (kind: string, from: number, to: number, month: number, hour: number) =>
    `BEGIN:${kind}\r\nTZOFFSETFROM:${offset(from)}\r\nTZOFFSETTO:${offset(to)}\r\n` +
    `DTSTART:${month === 3 ? '19700329' : '19701025'}T0${hour}0000\r\n` +
    `RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=-1SU\r\nEND:${kind}\r\n`;
  const body =
    tz === 'Europe/Minsk'
      ? 'BEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\n'
      : rule('STANDARD', dst, std, 10, dst + 1) + rule('DAYLIGHT', std, dst, 3, std + 1);
  return `BEGIN:VTIMEZONE\r\nTZID:${tz}\r\n${body}END:VTIMEZONE\r\n`;
}).join('');

type BenchEvent = ExpandableEvent & { own: boolean };

/** mulberry32: the same calendar on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts spread over April 2025 – December 2026; weekly and daily series with counts or ends. */
function buildCalendar(): BenchEvent[] {
  const rand = prng(20260329);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const first = DateTime.fromObject({ year: 2025, month: 4, day: 1 }, { zone: 'utc' });
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  return Array.from({ length: EVENTS }, (_, i) => {
    let r = rand();
    const tz = ZONES.find(([, share]) => (r -= share) < 0)?.[0] ?? VIEWER;
    const allDay = rand() < 0.1;
    const day = first.plus({ days: between(0, 639) });
    const start = allDay ? day : day.set({ hour: between(8, 20), minute: pick([0, 15, 30, 45]) });
    const end = allDay
      ? start.plus({ days: between(1, 3) })
      : start.plus({ minutes: between(2, 12) * 15 });
    const fmt = allDay ? 'yyyy-MM-dd' : "yyyy-MM-dd'T'HH:mm";
    const until = (later: DateTime) =>
      allDay
        ? later.toFormat('yyyyMMdd')
        : DateTime.fromObject({ ...later.toObject(), hour: 23, minute: 59 }, { zone: tz })
            .toUTC()
            .toFormat("yyyyMMdd'T'HHmmss'Z'");
    let rrule: string | null = null;
    const exdates: string[] = [];
    const overrides: Record<string, { start?: string; end?: string }> = {};
    if (i % 5 === 0) {
      const kind = rand();
      const ending = rand();
      if (kind < 0.65) {
        const byday = new Set([
          days[(start.weekday - 1) % 7],
          ...(rand() < 0.4 ? [pick(days)] : []),
        ]);
        rrule = `FREQ=WEEKLY;${rand() < 0.2 ? 'INTERVAL=2;' : ''}BYDAY=${[...byday].join(',')}`;
        if (ending < 0.45) rrule += `;COUNT=${between(4, 40)}`;
        else if (ending < 0.9) rrule += `;UNTIL=${until(start.plus({ months: between(1, 9) }))}`;
      } else if (kind < 0.9) {
        rrule = `FREQ=DAILY${rand() < 0.3 ? ';BYDAY=MO,TU,WE,TH,FR' : ''}`;
        if (ending < 0.5) rrule += `;COUNT=${between(3, 30)}`;
        else if (ending < 0.9) rrule += `;UNTIL=${until(start.plus({ weeks: between(1, 8) }))}`;
      } else {
        rrule = `FREQ=MONTHLY;BYDAY=${between(1, 3)}${pick(days)}`;
        if (ending < 0.6) rrule += `;COUNT=${between(3, 12)}`;
      }
      // Exceptions on the first occurrences after the start (most series still have them).
      const later = (weeks: number) => start.plus({ weeks }).toFormat(fmt);
      if (rand() < 0.2) exdates.push(later(1), later(3));
      if (rand() < 0.1)
        overrides[later(2)] = { start: start.plus({ weeks: 2, days: 1 }).toFormat(fmt) };
    }
    return {
      id: i.toString(16).padStart(32, '0'),
      allDay,
      start: start.toFormat(fmt),
      end: end.toFormat(fmt),
      tz,
      rrule,
      exdates,
      overrides,
      own: rand() < 0.35,
    };
  });
}

function toIcal(events: readonly BenchEvent[]): InstanceType<typeof ICAL.Event>[] {
  const stamp = (local: string, allDay: boolean) =>
    local.replace(/[-:]/g, '') + (allDay ? '' : '00');
  const prop = (name: string, e: BenchEvent, value: string) =>
    e.allDay
      ? `${name};VALUE=DATE:${stamp(value, true)}`
      : `${name};TZID=${e.tz}:${stamp(value, false)}`;
  const vevents = events.map((e) =>
    [
      'BEGIN:VEVENT',
      `UID:${e.id}`,
      prop('DTSTART', e, e.start),
      prop('DTEND', e, e.end),
      ...(e.rrule ? [`RRULE:${e.rrule}`] : []),
      ...e.exdates.map((d) => prop('EXDATE', e, d)),
      'END:VEVENT',
    ].join('\r\n'),
  );
  const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n${VTIMEZONES}${vevents.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** ical.js's own expansion of the same events over [fromMs, toMs): the occurrences that overlap. */
function icalExpand(
  events: readonly InstanceType<typeof ICAL.Event>[],
  fromMs: number,
  toMs: number,
): number {
  let count = 0;
  for (const event of events) {
    const duration = event.duration;
    const overlaps = (start: InstanceType<typeof ICAL.Time>) => {
      const end = start.clone();
      end.addDuration(duration);
      return start.toUnixTime() * 1000 < toMs && end.toUnixTime() * 1000 > fromMs;
    };
    if (!event.isRecurring()) {
      if (overlaps(event.startDate)) count++;
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (next.toUnixTime() * 1000 >= toMs) break;
      if (overlaps(next)) count++;
    }
  }
  return count;
}

type Item = Occurrence & ConflictInput;

function expandAll(events: readonly BenchEvent[], fromMs: number, toMs: number): Item[] {
  const out: Item[] = [];
  for (const e of events)
    for (const o of expandEvent(e, fromMs, toMs, VIEWER)) out.push({ ...o, own: e.own });
  return out;
}

/** What a view computes before it renders: occurrences, days, columns (week view), conflicts. */
function view(events: readonly BenchEvent[], days: readonly GridDay[], layout: boolean): number {
  const { fromMs, toMs } = spanOf(days);
  const occurrences = expandAll(events, fromMs, toMs);
  const byDay = placeByDay(occurrences, days);
  let placed = 0;
  if (layout)
    byDay.forEach((items, i) => {
      const day = days[i];
      if (day)
        placed += layoutDay(
          items.filter((o) => !o.allDay),
          day,
        ).length;
    });
  return occurrences.length + placed + findConflicts(occurrences).size;
}

function measure(runs: number, work: () => unknown): number[] {
  return Array.from({ length: runs }, () => {
    const start = now();
    work();
    return now() - start;
  });
}

export async function runCalendarViews(size: Size): Promise<Row[]> {
  const runs = size === 'small' ? 5 : size === 'full' ? 80 : 30;
  const baselineRuns = size === 'small' ? 2 : size === 'full' ? 10 : 5;
  const events = buildCalendar();
  const icalEvents = toIcal(events);
  const month = monthGrid(ANCHOR.toMillis(), VIEWER, 1).flat();
  const week = weekDays(ANCHOR.toMillis(), VIEWER, 1);
  const monthSpan = spanOf(month);
  const weekSpan = spanOf(week);

  const cold = measure(1, () => view(events, month, false))[0] ?? Number.NaN;
  const monthTimes = measure(runs, () => view(events, month, false));
  const weekTimes = measure(runs, () => view(events, week, true));
  const expandTimes = measure(runs, () => expandAll(events, monthSpan.fromMs, monthSpan.toMs));
  const icalMonth = measure(baselineRuns, () =>
    icalExpand(icalEvents, monthSpan.fromMs, monthSpan.toMs),
  );
  const icalWeek = measure(baselineRuns, () =>
    icalExpand(icalEvents, weekSpan.fromMs, weekSpan.toMs),
  );
  const ours = expandAll(events, monthSpan.fromMs, monthSpan.toMs).length;
  const theirs = icalExpand(icalEvents, monthSpan.fromMs, monthSpan.toMs);

  const base = { scenario: 'calendar-views', unit: 'ms' } as const;
  const note = `${EVENTS} events, ${EVENTS / 5} recurring, viewer ${VIEWER}; baseline: ical.js expansion only (EXDATEs, no moved occurrences)`;
  const timed = (
    name: string,
    metric: 'median' | 'p95',
    p: number,
    ourTimes: number[],
    baseline: number[],
  ): Row => {
    const value = percentile(ourTimes, p);
    return {
      ...base,
      case: name,
      metric,
      suviaz: value,
      baseline: percentile(baseline, 50),
      target: `≤ ${TARGET_MS} ms`,
      met: value <= TARGET_MS,
      note,
    };
  };
  return [
    timed('month view (42 days): expand + place + conflicts', 'median', 50, monthTimes, icalMonth),
    timed('month view (42 days): expand + place + conflicts', 'p95', 95, monthTimes, icalMonth),
    timed('week view: expand + place + layout + conflicts', 'median', 50, weekTimes, icalWeek),
    timed('week view: expand + place + layout + conflicts', 'p95', 95, weekTimes, icalWeek),
    {
      ...base,
      case: 'month range: expansion alone vs ical.js',
      metric: 'median',
      suviaz: percentile(expandTimes, 50),
      baseline: percentile(icalMonth, 50),
      note: `occurrences: ${ours} here, ${theirs} by ical.js (all-day read as UTC there, no moves)`,
    },
    {
      ...base,
      case: 'month view, first run in the process (cold caches)',
      metric: 'once',
      suviaz: cold,
      baseline: null,
      note: 'includes luxon/Intl warm-up and filling the per-zone day cache',
    },
  ];
}
