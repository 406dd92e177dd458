// VTIMEZONE definitions for exported files, computed from this runtime's zone data through luxon:
// the transitions over the years the events use, and the current yearly rule (as an RRULE) so that
// a repeating event keeps its wall-clock time in later years too.
import { IANAZone } from 'luxon';

/** A jCal component: [name, properties, subcomponents]. */
export type JCal = [string, JCalProperty[], JCal[]];
export type JCalProperty = [string, Record<string, string>, string, ...unknown[]];

interface Transition {
  /** Instant, minutes since 1970. */
  at: number;
  from: number;
  to: number;
}

const WEEK_MIN = 7 * 24 * 60;
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** Offset changes between two years, found by weekly samples and a binary search to the minute. */
function transitions(zone: IANAZone, fromYear: number, toYear: number): Transition[] {
  const offset = (minute: number): number => zone.offset(minute * 60_000);
  const end = Date.UTC(toYear + 1, 0, 1) / 60_000;
  const out: Transition[] = [];
  let t = Date.UTC(fromYear, 0, 1) / 60_000;
  let before = offset(t);
  while (t < end) {
    const next = Math.min(t + WEEK_MIN, end);
    const after = offset(next);
    if (after !== before) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offset(mid) === before) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: before, to: offset(hi) });
    }
    t = next;
    before = after;
  }
  return out;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** Wall time (jCal form) at an instant in minutes, on a clock `offset` minutes ahead of UTC. */
function localJcal(at: number, offset: number): string {
  const d = new Date((at + offset) * 60_000);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:00`;
}

function offsetJcal(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

/** "Last Sunday of March at 03:00" and the like, or null when the day is not such a rule's. */
function yearlyRule(t: Transition): { key: string; month: number; byday: string } | null {
  const d = new Date((t.at + t.from) * 60_000);
  const day = d.getUTCDate();
  const month = d.getUTCMonth() + 1;
  const inMonth = new Date(Date.UTC(d.getUTCFullYear(), month, 0)).getUTCDate();
  const weekday = DAYS[d.getUTCDay()] ?? 'SU';
  const byday =
    day + 7 > inMonth ? `-1${weekday}` : day <= 28 ? `${Math.ceil(day / 7)}${weekday}` : null;
  if (byday === null) return null;
  const time = `${d.getUTCHours()}:${d.getUTCMinutes()}`;
  return { key: `${month}|${byday}|${time}|${t.from}|${t.to}`, month, byday };
}

function observance(t: Transition, rule?: { month: number; byday: string }): JCal {
  const props: JCalProperty[] = [
    ['dtstart', {}, 'date-time', localJcal(t.at, t.from)],
    ['tzoffsetfrom', {}, 'utc-offset', offsetJcal(t.from)],
    ['tzoffsetto', {}, 'utc-offset', offsetJcal(t.to)],
  ];
  if (rule)
    props.push(['rrule', {}, 'recur', { freq: 'YEARLY', bymonth: rule.month, byday: rule.byday }]);
  return [t.to > t.from ? 'daylight' : 'standard', props, []];
}

/**
 * A VTIMEZONE for `name` that is exact from `fromYear` to `toYear` and continues with the zone's
 * present yearly rule after that. A first observance fixes the offset before any transition,
 * since readers (ical.js among them) otherwise take such times as UTC.
 */
export function vtimezone(name: string, fromYear: number, toYear: number): JCal {
  const zone = IANAZone.create(name);
  const all = transitions(zone, fromYear, toYear);
  const startAt = Date.UTC(fromYear, 0, 1) / 60_000;
  const initial = zone.offset(startAt * 60_000);
  const parts: JCal[] = [observance({ at: startAt, from: initial, to: initial })];

  // Walk back from the end while each of the last years repeats the same pair of yearly rules.
  const rules = all.map(yearlyRule);
  let firstRuled = all.length;
  const seen = new Set<string>();
  for (let i = all.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (!rule || (seen.size === 2 && !seen.has(rule.key))) break;
    seen.add(rule.key);
    firstRuled = i;
  }
  // A rule seen only once is a one-off change, not a yearly habit; and a habit must not skip years.
  const years = new Map<string, number[]>();
  for (let i = firstRuled; i < all.length; i++) {
    const key = rules[i]?.key ?? '';
    const at = all[i]?.at ?? 0;
    years.set(key, [...(years.get(key) ?? []), new Date(at * 60_000).getUTCFullYear()]);
  }
  const steady = [...years.values()].every(
    (ys) => ys.length >= 2 && (ys.at(-1) ?? 0) - (ys[0] ?? 0) + 1 === ys.length,
  );
  if (!steady) firstRuled = all.length;
  for (const [i, t] of all.entries()) {
    if (i < firstRuled) parts.push(observance(t));
  }
  const started = new Set<string>();
  for (let i = firstRuled; i < all.length; i++) {
    const rule = rules[i];
    const t = all[i];
    if (!rule || !t || started.has(rule.key)) continue;
    started.add(rule.key);
    parts.push(observance(t, rule));
  }
  return ['vtimezone', [['tzid', {}, 'text', name]], parts];
}
