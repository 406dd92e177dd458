// Geometry of the month, week and agenda views in the viewer's zone, with luxon. Days are real local
// days (23 or 25 hours when DST changes), so positions within a day use the day's true length.
import { DateTime, type IANAZone } from 'luxon';
import type { Occurrence } from './event-model';
import { zoneOf } from './local-time';

/** Luxon's weekday numbers: 1 Monday, 7 Sunday. */
export type WeekStart = 1 | 7;
export type CalendarView = 'month' | 'week' | 'agenda';

export interface GridDay {
  date: string;
  /** The day's first instant in the zone, and the next day's. */
  startMs: number;
  endMs: number;
  /** In the month (or, for a week or an agenda, the month of its first/anchor day). */
  inMonth: boolean;
}

export type Placeable = Pick<Occurrence, 'startMs' | 'endMs' | 'allDay' | 'startDate' | 'endDate'>;

export interface LaidOut<T> {
  item: T;
  /** Side-by-side position among the items it overlaps (directly or through others). */
  column: number;
  columns: number;
  /** Fractions of the day's real length, clipped to the day. */
  top: number;
  height: number;
}

export const AGENDA_STEP_DAYS = 14;

/** An unknown zone falls back to UTC rather than giving a grid of NaN. */
const zoneFor = (name: string): IANAZone | string => zoneOf(name) ?? 'UTC';
const at = (ms: number, zone: string): DateTime =>
  DateTime.fromMillis(ms, { zone: zoneFor(zone) }).startOf('day');

function gridDay(first: DateTime, offset: number, month: number): GridDay {
  const start = first.plus({ days: offset }).startOf('day');
  return {
    date: start.toISODate() ?? '',
    startMs: start.toMillis(),
    endMs: start.plus({ days: 1 }).startOf('day').toMillis(),
    inMonth: start.month === month,
  };
}

const leadDays = (day: DateTime, weekStartsOn: WeekStart): number =>
  (day.weekday - weekStartsOn + 7) % 7;

/** The weeks (4 to 6) that show the month of anchorMs, 7 days each, from the week's first day. */
export function monthGrid(anchorMs: number, zone: string, weekStartsOn: WeekStart): GridDay[][] {
  const first = at(anchorMs, zone).startOf('month');
  const lead = leadDays(first, weekStartsOn);
  const gridStart = first.minus({ days: lead });
  const weeks = Math.ceil((lead + (first.daysInMonth ?? 31)) / 7);
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => gridDay(gridStart, w * 7 + d, first.month)),
  );
}

/** The 7 days of the week holding anchorMs. */
export function weekDays(anchorMs: number, zone: string, weekStartsOn: WeekStart): GridDay[] {
  const day = at(anchorMs, zone);
  const start = day.minus({ days: leadDays(day, weekStartsOn) });
  return Array.from({ length: 7 }, (_, d) => gridDay(start, d, day.month));
}

/** `days` days from the day holding fromMs. */
export function agendaDays(fromMs: number, days: number, zone: string): GridDay[] {
  const first = at(fromMs, zone);
  return Array.from({ length: Math.max(0, days) }, (_, d) => gridDay(first, d, first.month));
}

/** The anchor of the previous or next page of a view (a month, a week, AGENDA_STEP_DAYS days). */
export function stepRange(
  view: CalendarView,
  anchorMs: number,
  zone: string,
  delta: -1 | 1,
  agendaStepDays = AGENDA_STEP_DAYS,
): number {
  const day = at(anchorMs, zone);
  if (view === 'month') return day.startOf('month').plus({ months: delta }).toMillis();
  if (view === 'week') return day.plus({ weeks: delta }).startOf('day').toMillis();
  return day
    .plus({ days: delta * agendaStepDays })
    .startOf('day')
    .toMillis();
}

/** From the first day's start to the last day's end. */
export function spanOf(days: readonly GridDay[]): { fromMs: number; toMs: number } {
  return { fromMs: days[0]?.startMs ?? 0, toMs: days.at(-1)?.endMs ?? 0 };
}

/** The first index whose day passes `test`, days being in order and `test` monotone. */
function firstDay(days: readonly GridDay[], test: (day: GridDay) => boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(days[mid] as GridDay)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The items of each day (parallel to `days`): one spanning several days is on each of them. All-day
 * items go by their dates, timed ones by overlap with the day. Each day lists all-day items first,
 * then by start, longer first.
 */
export function placeByDay<T extends Placeable>(
  items: readonly T[],
  days: readonly GridDay[],
): T[][] {
  const out: T[][] = days.map(() => []);
  for (const item of items) {
    const { startDate, endDate } = item;
    if (item.allDay && startDate !== null && endDate !== null) {
      for (let i = firstDay(days, (d) => d.date >= startDate); i < days.length; i++) {
        if ((days[i] as GridDay).date >= endDate) break;
        out[i]?.push(item);
      }
      continue;
    }
    const point = item.endMs <= item.startMs;
    const from = firstDay(days, (d) => d.endMs > item.startMs);
    for (let i = from; i < days.length; i++) {
      const day = days[i] as GridDay;
      if (point ? day.startMs > item.startMs : day.startMs >= item.endMs) break;
      out[i]?.push(item);
    }
  }
  for (const list of out)
    list.sort(
      (a, b) => Number(b.allDay) - Number(a.allDay) || a.startMs - b.startMs || b.endMs - a.endMs,
    );
  return out;
}

/**
 * Timed items of one day side by side: items that overlap (directly or through a chain) share the
 * day's width in columns, each in the first column free at its start. minHeight (a fraction of the
 * day) is the shortest an item is drawn, so it is also the least room it takes in its column.
 */
export function layoutDay<T extends Pick<Occurrence, 'startMs' | 'endMs'>>(
  items: readonly T[],
  day: Pick<GridDay, 'startMs' | 'endMs'>,
  minHeight = 0,
): LaidOut<T>[] {
  const length = day.endMs - day.startMs;
  if (!(length > 0)) return [];
  const clipped = items
    .map((item) => ({
      item,
      start: Math.max(item.startMs, day.startMs),
      end: Math.min(Math.max(item.endMs, item.startMs), day.endMs),
    }))
    .filter((c) => c.start < day.endMs && (c.end > day.startMs || c.start === day.startMs))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LaidOut<T>[] = [];
  let columnEnds: number[] = [];
  let cluster: LaidOut<T>[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    for (const placed of cluster) placed.columns = columnEnds.length;
    cluster = [];
    columnEnds = [];
  };
  for (const c of clipped) {
    const drawnEnd = Math.max(c.end, c.start + minHeight * length);
    if (c.start >= clusterEnd) close();
    let column = columnEnds.findIndex((end) => end <= c.start);
    if (column < 0) column = columnEnds.push(drawnEnd) - 1;
    else columnEnds[column] = drawnEnd;
    clusterEnd = cluster.length === 0 ? drawnEnd : Math.max(clusterEnd, drawnEnd);
    const placed: LaidOut<T> = {
      item: c.item,
      column,
      columns: 1,
      top: (c.start - day.startMs) / length,
      height: (c.end - c.start) / length,
    };
    cluster.push(placed);
    out.push(placed);
  }
  close();
  return out;
}

/** The hour lines of a day: 23 on a spring-forward day (no 03:00 in Vilnius), 25 in autumn. */
export function hourMarks(day: Pick<GridDay, 'startMs' | 'endMs'>, zone: string) {
  const marks: { hour: number; top: number }[] = [];
  const length = day.endMs - day.startMs;
  for (
    let t = DateTime.fromMillis(day.startMs, { zone: zoneFor(zone) });
    t.toMillis() < day.endMs && marks.length < 30;
    t = t.plus({ hours: 1 })
  )
    marks.push({ hour: t.hour, top: (t.toMillis() - day.startMs) / length });
  return marks;
}
