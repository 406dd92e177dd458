// Blurred times for an exported event ('hour', 'day'): the series, its excluded dates and its
// changed occurrences move together, so that the file still describes one consistent calendar.
import type { BlurChoice } from './calendar-api';
import type { EventDetails } from './event-model';
import { untilAsDate, untilToTheHour, type RuleParts } from './ics-rule';
import { addDays, formatLocal, midnight, wallFromMs, wallMs, type Wall } from './ics-time';

/** An event ready to write: times as walls in `tz` (or dates), the rule as checked parts. */
export interface Prepared extends EventDetails {
  allDay: boolean;
  tz: string;
  start: Wall;
  end: Wall;
  rule: RuleParts | null;
  exdates: Wall[];
  overrides: (EventDetails & { key: Wall; start: Wall; end: Wall })[];
}

const HOUR_MS = 3_600_000;
const floorHour = (w: Wall): Wall => ({ ...w, minute: 0, second: 0 });
const ceilHour = (w: Wall): Wall =>
  w.minute === 0 && w.second === 0 ? w : wallFromMs(wallMs(floorHour(w)) + HOUR_MS);
function ceilDay(w: Wall, after: Wall): Wall {
  const day = midnight(w);
  const end = wallMs(w) > wallMs(day) ? addDays(day, 1) : day;
  return wallMs(end) > wallMs(after) ? end : addDays(after, 1);
}

function unique<T extends { key: Wall } | Wall>(items: T[], keyOf: (t: T) => Wall): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = formatLocal(keyOf(item));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function blurEvent(p: Prepared, blur: BlurChoice): Prepared {
  if (blur === 'none' || p.allDay) return p;
  return blur === 'hour' ? byHour(p) : byDay(p);
}

function byHour(p: Prepared): Prepared {
  const rule = p.rule && new Map(p.rule);
  // Minutes in the rule would put back what the blur takes away.
  rule?.delete('BYMINUTE');
  rule?.delete('BYSECOND');
  if (rule) untilToTheHour(rule, p.tz, p.start);
  const exdates = unique(p.exdates.map(floorHour), (w) => w);
  const skipped = new Set(exdates.map(formatLocal));
  const overrides = unique(
    p.overrides.map((o) => ({
      ...o,
      key: floorHour(o.key),
      start: floorHour(o.start),
      end: ceilHour(o.end),
    })),
    (o) => o.key,
  ).filter((o) => !skipped.has(formatLocal(o.key)));
  return { ...p, start: floorHour(p.start), end: ceilHour(p.end), rule, exdates, overrides };
}

function byDay(p: Prepared): Prepared {
  const rule = p.rule && new Map(p.rule);
  let exdates = p.exdates;
  let overrides = p.overrides;
  if (rule) {
    untilAsDate(rule, p.tz, p.start);
    if (rule.get('FREQ') === 'HOURLY') {
      // Several occurrences a day become one a day: COUNT counts the days the hours fell on, and
      // exceptions of single hours no longer name anything.
      const interval = Number(rule.get('INTERVAL') ?? '1');
      const count = rule.get('COUNT');
      rule.set('FREQ', 'DAILY');
      rule.delete('INTERVAL');
      rule.delete('BYSETPOS');
      if (count !== undefined)
        rule.set(
          'COUNT',
          String(Math.floor((p.start.hour + (Number(count) - 1) * interval) / 24) + 1),
        );
      exdates = [];
      overrides = [];
    }
    rule.delete('BYHOUR');
    rule.delete('BYMINUTE');
    rule.delete('BYSECOND');
  }
  const start = midnight(p.start);
  const days = unique(exdates.map(midnight), (w) => w);
  const skipped = new Set(days.map(formatLocal));
  const moved = unique(
    overrides.map((o) => ({
      ...o,
      key: midnight(o.key),
      start: midnight(o.start),
      end: ceilDay(o.end, midnight(o.start)),
    })),
    (o) => o.key,
  ).filter((o) => !skipped.has(formatLocal(o.key)));
  return {
    ...p,
    allDay: true,
    start,
    end: ceilDay(p.end, start),
    rule,
    exdates: days,
    overrides: moved,
  };
}
