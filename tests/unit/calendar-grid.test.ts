// View geometry in the viewer's zone (a 23-hour day in Vilnius on 29 March 2026), placing
// occurrences on days and side by side, and the conflict sweep over my own events.
import { describe, expect, it } from 'vitest';
import {
  agendaDays,
  hourMarks,
  layoutDay,
  monthGrid,
  placeByDay,
  spanOf,
  stepRange,
  weekDays,
  type Placeable,
} from '../../src-shared/calendar/calendar-grid';
import {
  conflictKey,
  findConflicts,
  type ConflictInput,
} from '../../src-shared/calendar/conflicts';

const VILNIUS = 'Europe/Vilnius';
const HOUR = 3_600_000;
const utc = (iso: string): number => Date.parse(`${iso}Z`);
const timed = (from: string, to: string): Placeable => ({
  startMs: utc(from),
  endMs: utc(to),
  allDay: false,
  startDate: null,
  endDate: null,
});

describe('month, week and agenda days', () => {
  it('lays out March 2026 in Vilnius from Monday, with the 23-hour day of the DST change', () => {
    const weeks = monthGrid(utc('2026-03-15T12:00'), VILNIUS, 1);
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const days = weeks.flat();
    expect(days[0]?.date).toBe('2026-02-23');
    expect(days.at(-1)?.date).toBe('2026-04-05');
    expect(days.filter((d) => d.inMonth)).toHaveLength(31);
    expect(days[0]?.startMs).toBe(utc('2026-02-22T22:00'));
    const lengths = days.map((d) => (d.endMs - d.startMs) / HOUR);
    expect(days.find((d) => d.date === '2026-03-29')?.endMs).toBe(utc('2026-03-29T21:00'));
    expect(lengths.filter((h) => h !== 24)).toEqual([23]);
    expect(days.every((d, i) => i === 0 || d.startMs === days[i - 1]?.endMs)).toBe(true);
  });

  it('starts weeks on Sunday when asked, and has a 25-hour day in October', () => {
    const weeks = monthGrid(utc('2026-03-01T00:00'), VILNIUS, 7);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]?.date).toBe('2026-03-01');
    const october = weekDays(utc('2026-10-22T10:00'), VILNIUS, 1);
    expect(october.map((d) => d.date)).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
    expect(((october[6]?.endMs ?? 0) - (october[6]?.startMs ?? 0)) / HOUR).toBe(25);
  });

  it('steps months, weeks and agenda pages in local days', () => {
    const jan31 = utc('2026-01-30T23:00'); // 31 January 01:00 in Vilnius
    expect(stepRange('month', jan31, VILNIUS, 1)).toBe(utc('2026-01-31T22:00'));
    expect(stepRange('month', jan31, VILNIUS, -1)).toBe(utc('2025-11-30T22:00'));
    // A week across the spring change: local midnight to local midnight, 167 hours.
    const monday = utc('2026-03-22T22:00');
    expect(stepRange('week', monday, VILNIUS, 1) - monday).toBe(167 * HOUR);
    const agenda = agendaDays(monday, 3, VILNIUS);
    expect(agenda.map((d) => d.date)).toEqual(['2026-03-23', '2026-03-24', '2026-03-25']);
    expect(stepRange('agenda', monday, VILNIUS, 1, 3)).toBe(agenda[2]?.endMs);
    expect(spanOf(agenda)).toEqual({ fromMs: monday, toMs: agenda[2]?.endMs });
  });
});

describe('placing occurrences', () => {
  const days = weekDays(utc('2026-03-25T12:00'), VILNIUS, 1);

  it('puts an occurrence on every day it spans, all-day ones by their dates', () => {
    const overnight = timed('2026-03-24T20:00', '2026-03-25T06:00');
    const allDay: Placeable = {
      startMs: 0,
      endMs: 0,
      allDay: true,
      startDate: '2026-03-27',
      endDate: '2026-03-30',
    };
    const endsAtMidnight = timed('2026-03-23T20:00', '2026-03-23T22:00');
    const point = timed('2026-03-26T08:00', '2026-03-26T08:00');
    const placed = placeByDay([overnight, allDay, endsAtMidnight, point], days);
    expect(placed.map((list) => list.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(placed[0]).toEqual([endsAtMidnight]);
    expect(placed[1]).toEqual([overnight]);
    expect(placed[2]).toEqual([overnight]);
    expect(placed[3]).toEqual([point]);
    expect(placed.slice(4)).toEqual([[allDay], [allDay], [allDay]]);
  });

  it('places overlapping items side by side, using the real length of a 23-hour day', () => {
    const day = days[6];
    if (!day) throw new Error('no Sunday');
    // Noon in Vilnius on 29 March is 09:00 UTC, 11 real hours after midnight.
    const a = timed('2026-03-29T09:00', '2026-03-29T10:00');
    const b = timed('2026-03-29T09:30', '2026-03-29T11:00');
    const c = timed('2026-03-29T10:00', '2026-03-29T10:30');
    const d = timed('2026-03-29T12:00', '2026-03-29T13:00');
    const late = timed('2026-03-29T20:00', '2026-03-30T02:00');
    const laid = layoutDay([d, c, b, a, late], day);
    const of = (item: Placeable) => laid.find((l) => l.item === item);
    expect(of(a)).toMatchObject({ column: 0, columns: 2, top: 11 / 23, height: 1 / 23 });
    expect(of(b)).toMatchObject({ column: 1, columns: 2 });
    expect(of(c)).toMatchObject({ column: 0, columns: 2 });
    expect(of(d)).toMatchObject({ column: 0, columns: 1 });
    expect(of(late)?.top).toBe(22 / 23);
    expect(of(late)?.height).toBe(1 / 23);
  });

  it('gives a short item room for its drawn height', () => {
    const day = days[0];
    if (!day) throw new Error('no Monday');
    const a = timed('2026-03-23T08:00', '2026-03-23T08:05');
    const b = timed('2026-03-23T08:10', '2026-03-23T09:00');
    expect(layoutDay([a, b], day).map((l) => l.columns)).toEqual([1, 1]);
    expect(layoutDay([a, b], day, 1 / 24).map((l) => l.column)).toEqual([0, 1]);
  });

  it('marks the hours that exist on a DST day', () => {
    const spring = days[6];
    if (!spring) throw new Error('no Sunday');
    const marks = hourMarks(spring, VILNIUS);
    expect(marks.map((m) => m.hour)).toEqual([
      0,
      1,
      2,
      ...Array.from({ length: 20 }, (_, i) => i + 4),
    ]);
    expect(marks[3]?.top).toBe(3 / 23);
  });
});

describe('conflicts', () => {
  const item = (
    id: string,
    from: string,
    to: string,
    over: Partial<ConflictInput> = {},
  ): ConflictInput => ({
    eventId: id,
    key: from,
    startMs: utc(from),
    endMs: utc(to),
    allDay: false,
    own: true,
    ...over,
  });

  it('marks own timed occurrences that overlap, not ones that only touch', () => {
    const items = [
      item('a', '2026-03-23T08:00', '2026-03-23T12:00'),
      item('b', '2026-03-23T09:00', '2026-03-23T09:30'),
      item('c', '2026-03-23T11:00', '2026-03-23T11:30'),
      item('d', '2026-03-23T12:00', '2026-03-23T13:00'),
      item('e', '2026-03-23T14:00', '2026-03-23T15:00'),
      item('f', '2026-03-23T14:30', '2026-03-23T16:00', { own: false }),
      item('g', '2026-03-23T00:00', '2026-03-24T00:00', { allDay: true }),
      item('h', '2026-03-23T09:00', '2026-03-23T09:00'),
    ];
    const found = findConflicts(items);
    expect([...found].sort()).toEqual(
      [
        conflictKey('a', '2026-03-23T08:00'),
        conflictKey('b', '2026-03-23T09:00'),
        conflictKey('c', '2026-03-23T11:00'),
      ].sort(),
    );
  });

  it('finds every member of a chain and of equal starts', () => {
    const chain = [
      item('x', '2026-03-23T08:00', '2026-03-23T09:00'),
      item('y', '2026-03-23T08:30', '2026-03-23T10:00'),
      item('z', '2026-03-23T09:30', '2026-03-23T11:00'),
      item('p', '2026-03-23T12:00', '2026-03-23T13:00'),
      item('q', '2026-03-23T12:00', '2026-03-23T12:30'),
    ];
    expect(findConflicts(chain).size).toBe(5);
  });

  it('agrees with comparing every pair', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const items = Array.from({ length: 300 }, (_, i) => {
      const start = Math.floor(rand() * 200) * 15 * 60_000;
      return {
        eventId: String(i),
        key: 'k',
        startMs: start,
        endMs: start + Math.floor(rand() * 8) * 15 * 60_000,
        allDay: rand() < 0.1,
        own: rand() < 0.7,
      };
    });
    const slow = new Set<string>();
    const eligible = items.filter((o) => o.own && !o.allDay && o.endMs > o.startMs);
    for (const a of eligible)
      for (const b of eligible)
        if (a !== b && a.startMs < b.endMs && b.startMs < a.endMs)
          slow.add(conflictKey(a.eventId, a.key));
    expect(findConflicts(items)).toEqual(slow);
  });
});
