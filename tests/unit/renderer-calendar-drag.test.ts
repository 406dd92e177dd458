// Dragging and keyboard moves: pointer travel becomes minutes and days, the moved edge snaps to a
// quarter hour of the viewer's clock, and the result is stored as the wall-clock time of the
// event's own zone.
import { describe, expect, it } from 'vitest';
import {
  changedSpan,
  daysFromPixels,
  instantOf,
  localTimeIn,
  minutesFromPixels,
  snap,
} from '../../src-renderer/calendar/drag-timing';
import { movedInput } from '../../src-renderer/calendar/move-input';
import type { EventInput } from '../../src-shared/calendar/calendar-api';

const VILNIUS = 'Europe/Vilnius';
const MINSK = 'Europe/Minsk';
const at = (local: string, zone = VILNIUS) => instantOf(local, zone);
const span = (start: string, end: string, zone = VILNIUS) => ({
  startMs: at(start, zone),
  endMs: at(end, zone),
});
const local = (s: { startMs: number; endMs: number }, zone = VILNIUS) => [
  localTimeIn(s.startMs, zone),
  localTimeIn(s.endMs, zone),
];

describe('pointer travel', () => {
  it('is minutes by the hour height and whole days by the column width', () => {
    expect(minutesFromPixels(48, 48)).toBe(60);
    expect(minutesFromPixels(-12, 48)).toBe(-15);
    expect(daysFromPixels(130, 100)).toBe(1);
    expect(daysFromPixels(-149, 100)).toBe(-1);
    expect(daysFromPixels(40, 100)).toBe(0);
    expect(daysFromPixels(40, 0)).toBe(0);
  });

  it('snaps to the nearest quarter hour', () => {
    expect(snap(37)).toBe(30);
    expect(snap(38)).toBe(45);
    expect(snap(-8)).toBe(-15);
  });
});

describe('a move', () => {
  it('keeps the length and snaps the start to the viewer’s quarter hours', () => {
    const moved = changedSpan(
      span('2026-03-10T10:00', '2026-03-10T11:30'),
      { kind: 'move', days: 0, minutes: 37 },
      VILNIUS,
    );
    expect(local(moved)).toEqual(['2026-03-10T10:30', '2026-03-10T12:00']);
    const odd = changedSpan(
      span('2026-03-10T10:10', '2026-03-10T10:40'),
      { kind: 'move', days: 0, minutes: 0 },
      VILNIUS,
    );
    expect(local(odd)).toEqual(['2026-03-10T10:15', '2026-03-10T10:45']);
  });

  it('keeps the wall-clock time when moved across the spring change of clocks', () => {
    // Vilnius moves from UTC+2 to UTC+3 on 29 March 2026.
    const moved = changedSpan(
      span('2026-03-27T10:00', '2026-03-27T11:00'),
      { kind: 'move', days: 3, minutes: 0 },
      VILNIUS,
    );
    expect(local(moved)).toEqual(['2026-03-30T10:00', '2026-03-30T11:00']);
    expect(moved.startMs - at('2026-03-27T10:00')).toBe(3 * 86_400_000 - 3_600_000);
  });

  it('can cross midnight into the next day', () => {
    const moved = changedSpan(
      span('2026-03-10T23:00', '2026-03-10T23:30'),
      { kind: 'move', days: 0, minutes: 90 },
      VILNIUS,
    );
    expect(local(moved)).toEqual(['2026-03-11T00:30', '2026-03-11T01:00']);
  });
});

describe('a resize', () => {
  it('moves only the end, snapped, and never below a quarter hour', () => {
    const longer = changedSpan(
      span('2026-03-10T10:00', '2026-03-10T11:00'),
      { kind: 'resize', minutes: 20 },
      VILNIUS,
    );
    expect(local(longer)).toEqual(['2026-03-10T10:00', '2026-03-10T11:15']);
    const shortest = changedSpan(
      span('2026-03-10T10:00', '2026-03-10T11:00'),
      { kind: 'resize', minutes: -120 },
      VILNIUS,
    );
    expect(local(shortest)).toEqual(['2026-03-10T10:00', '2026-03-10T10:15']);
  });
});

describe('what a move saves', () => {
  const meeting: EventInput = {
    title: 'Сустрэча',
    description: '',
    location: '',
    allDay: false,
    start: '2026-03-10T10:00',
    end: '2026-03-10T11:00',
    tz: MINSK,
    rrule: null,
    exdates: [],
    orgId: null,
    visibility: 'coalition',
  };

  it('writes the new times in the event’s zone, not the viewer’s', () => {
    // 10:00 in Minsk is 09:00 in Vilnius in March; dragged an hour later there, it is 11:00 Minsk.
    const item = {
      ...span('2026-03-10T10:00', '2026-03-10T11:00', MINSK),
      allDay: false,
      startDate: null,
      endDate: null,
      title: 'Сустрэча',
      location: null,
    };
    const moved = changedSpan(item, { kind: 'move', days: 0, minutes: 60 }, VILNIUS);
    const input = movedInput(meeting, item, moved, VILNIUS);
    expect([input.start, input.end]).toEqual(['2026-03-10T11:00', '2026-03-10T12:00']);
    expect(input.tz).toBe(MINSK);
    expect(input.title).toBe('Сустрэча');
  });

  it('moves an all-day event by whole days, keeping its dates exclusive end', () => {
    const conference: EventInput = {
      ...meeting,
      allDay: true,
      start: '2026-03-10',
      end: '2026-03-12',
    };
    const item = {
      startMs: at('2026-03-10T00:00'),
      endMs: at('2026-03-12T00:00'),
      allDay: true,
      startDate: '2026-03-10',
      endDate: '2026-03-12',
      title: 'Канферэнцыя',
      location: null,
    };
    const moved = changedSpan(item, { kind: 'move', days: 2, minutes: 0 }, VILNIUS);
    const input = movedInput(conference, item, moved, VILNIUS);
    expect([input.start, input.end]).toEqual(['2026-03-12', '2026-03-14']);
  });

  it('keeps an occurrence’s own title when only that occurrence moves', () => {
    const item = {
      ...span('2026-03-17T10:00', '2026-03-17T11:00', MINSK),
      allDay: false,
      startDate: null,
      endDate: null,
      title: 'Асобная назва',
      location: null,
    };
    const series = { ...meeting, rrule: 'FREQ=WEEKLY' };
    expect(movedInput(series, item, item, VILNIUS, 'this').title).toBe('Асобная назва');
    expect(movedInput(series, item, item, VILNIUS, 'all').title).toBe('Сустрэча');
  });
});
