// Editing and deleting one occurrence of a series with each scope: what the master keeps, what the
// new series gets, and that the occurrences shown before and after add up.
import { describe, expect, it } from 'vitest';
import { deleteOccurrence, editOccurrence } from '../../src-shared/calendar/edit-scope';
import type { CalendarEvent } from '../../src-shared/calendar/event-model';
import { expandEvent } from '../../src-shared/calendar/recurrence';

const NOW = 1_780_000_000_000;
const NEW_ID = 'f'.repeat(32);

/** Mondays at 10:00 in Vilnius from 2 March 2026, ten times; 29 March is the DST change. */
function series(over: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: 'a'.repeat(32),
    allDay: false,
    start: '2026-03-02T10:00',
    end: '2026-03-02T11:00',
    tz: 'Europe/Vilnius',
    rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10',
    exdates: [],
    overrides: {},
    title: 'Weekly call',
    description: '',
    location: '',
    orgId: null,
    visibility: 'coalition',
    createdBy: 'c'.repeat(64),
    updatedAt: 1,
    ...over,
  };
}

const YEAR: [number, number] = [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)];
const keys = (...events: (CalendarEvent | null)[]): string[] =>
  events.flatMap((e) => (e ? expandEvent(e, ...YEAR, 'Europe/Vilnius').map((o) => o.key) : []));
const local = (e: CalendarEvent | null) =>
  e ? expandEvent(e, ...YEAR, 'Europe/Vilnius').map((o) => new Date(o.startMs).toISOString()) : [];

describe("'this' occurrence", () => {
  it('keeps only what differs from the series in the override', () => {
    const full = { ...series(), start: '2026-03-17T12:00', end: '2026-03-17T13:30' };
    const { updated, created } = editOccurrence(
      series(),
      '2026-03-16T10:00',
      full,
      'this',
      NEW_ID,
      NOW,
    );
    expect(created).toBeNull();
    expect(updated?.overrides).toEqual({
      '2026-03-16T10:00': { start: '2026-03-17T12:00', end: '2026-03-17T13:30' },
    });
    expect(updated?.updatedAt).toBe(NOW);
    expect(local(updated)).toContain('2026-03-17T10:00:00.000Z');
    const titled = editOccurrence(
      updated as CalendarEvent,
      '2026-03-16T10:00',
      { title: 'Special' },
      'this',
      NEW_ID,
      NOW,
    ).updated;
    expect(titled?.overrides['2026-03-16T10:00']?.title).toBe('Special');
    const back = { start: '2026-03-16T10:00', end: '2026-03-16T11:00', title: 'Weekly call' };
    const reverted = editOccurrence(
      titled as CalendarEvent,
      '2026-03-16T10:00',
      back,
      'this',
      NEW_ID,
      NOW,
    ).updated;
    expect(reverted?.overrides).toEqual({});
  });

  it('changes nothing for a key that is not an occurrence', () => {
    const e = series();
    const result = editOccurrence(e, '2026-03-17T10:00', { title: 'x' }, 'this', NEW_ID, NOW);
    expect(result.updated).toBe(e);
    expect(deleteOccurrence(e, '2026-03-17T10:00', 'this', NOW)).toBe(e);
  });
});

describe("'following' occurrences", () => {
  const withExceptions = series({
    exdates: ['2026-03-09T10:00', '2026-04-13T10:00'],
    overrides: { '2026-03-16T10:00': { title: 'before' }, '2026-04-06T10:00': { title: 'after' } },
  });

  it('ends the series in UTC before the occurrence and continues it with the rest of the COUNT', () => {
    const { updated, created } = editOccurrence(
      withExceptions,
      '2026-03-23T10:00',
      { title: 'New' },
      'following',
      NEW_ID,
      NOW,
    );
    expect(updated?.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260323T075959Z');
    expect(updated?.exdates).toEqual(['2026-03-09T10:00']);
    expect(Object.keys(updated?.overrides ?? {})).toEqual(['2026-03-16T10:00']);
    expect(created).toMatchObject({
      id: NEW_ID,
      title: 'New',
      start: '2026-03-23T10:00',
      end: '2026-03-23T11:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=7',
      exdates: ['2026-04-13T10:00'],
      updatedAt: NOW,
    });
    expect(Object.keys(created?.overrides ?? {})).toEqual(['2026-04-06T10:00']);
    // Together they show exactly what the series showed.
    expect(keys(updated, created)).toEqual(keys(withExceptions));
  });

  it('writes UNTIL at the summer-time instant after the DST change', () => {
    const { updated } = editOccurrence(
      series(),
      '2026-04-06T10:00',
      { title: 'x' },
      'following',
      NEW_ID,
      NOW,
    );
    expect(updated?.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260406T065959Z');
    expect(keys(updated)).toHaveLength(5);
  });

  it('moves the new series, its weekday and its exceptions with the edited occurrence', () => {
    const patch = { start: '2026-03-24T11:00', end: '2026-03-24T12:00' };
    const { created } = editOccurrence(
      withExceptions,
      '2026-03-23T10:00',
      patch,
      'following',
      NEW_ID,
      NOW,
    );
    expect(created?.rrule).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=7');
    expect(created?.exdates).toEqual(['2026-04-14T11:00']);
    expect(Object.keys(created?.overrides ?? {})).toEqual(['2026-04-07T11:00']);
    expect(keys(created)).toEqual([
      '2026-03-24T11:00',
      '2026-03-31T11:00',
      '2026-04-07T11:00',
      '2026-04-21T11:00',
      '2026-04-28T11:00',
      '2026-05-05T11:00',
    ]);
  });

  it('uses a DATE UNTIL for all-day series', () => {
    const allDay = series({
      allDay: true,
      start: '2026-03-02',
      end: '2026-03-03',
      rrule: 'FREQ=WEEKLY;COUNT=5',
    });
    const { updated, created } = editOccurrence(
      allDay,
      '2026-03-16',
      { title: 'x' },
      'following',
      NEW_ID,
      NOW,
    );
    expect(updated?.rrule).toBe('FREQ=WEEKLY;UNTIL=20260315');
    expect(created?.rrule).toBe('FREQ=WEEKLY;COUNT=3');
    expect(keys(updated, created)).toEqual(keys(allDay));
  });

  it("is 'all' from the first occurrence still standing", () => {
    const e = series({ exdates: ['2026-03-02T10:00'] });
    const { updated, created } = editOccurrence(
      e,
      '2026-03-09T10:00',
      { title: 'All' },
      'following',
      NEW_ID,
      NOW,
    );
    expect(created).toBeNull();
    expect(updated).toMatchObject({ title: 'All', rrule: e.rrule, start: e.start });
  });
});

describe("'all' occurrences", () => {
  it('moves the master by as much as the edited occurrence moved, with its exceptions', () => {
    const e = series({
      exdates: ['2026-03-09T10:00'],
      overrides: { '2026-03-23T10:00': { title: 'kept' } },
    });
    const patch = { start: '2026-03-16T11:00', end: '2026-03-16T12:30', title: 'Later' };
    const { updated, created } = editOccurrence(e, '2026-03-16T10:00', patch, 'all', NEW_ID, NOW);
    expect(created).toBeNull();
    expect(updated).toMatchObject({
      start: '2026-03-02T11:00',
      end: '2026-03-02T12:30',
      title: 'Later',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10',
      exdates: ['2026-03-09T11:00'],
    });
    expect(updated?.overrides).toEqual({ '2026-03-23T11:00': { title: 'kept' } });
  });

  it('moves the weekday and a UTC UNTIL with the start', () => {
    const e = series({ rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260323T080000Z' });
    const patch = { start: '2026-03-18T10:00', end: '2026-03-18T11:00' };
    const { updated } = editOccurrence(e, '2026-03-16T10:00', patch, 'all', NEW_ID, NOW);
    expect(updated?.start).toBe('2026-03-04T10:00');
    expect(updated?.rrule).toBe('FREQ=WEEKLY;BYDAY=WE;UNTIL=20260325T080000Z');
    expect(keys(updated)).toEqual([
      '2026-03-04T10:00',
      '2026-03-11T10:00',
      '2026-03-18T10:00',
      '2026-03-25T10:00',
    ]);
  });

  it('keeps deleted occurrences deleted when the series becomes all-day, or timed again', () => {
    const withGaps = series({ exdates: ['2026-03-16T10:00', '2026-04-06T10:00'] });
    const toAllDay = { allDay: true, start: '2026-03-09', end: '2026-03-10' };
    const { updated } = editOccurrence(withGaps, '2026-03-09T10:00', toAllDay, 'all', NEW_ID, NOW);
    expect(updated?.exdates).toEqual(['2026-03-16', '2026-04-06']);
    expect(keys(updated)).not.toContain('2026-03-16');
    expect(keys(updated)).toHaveLength(8);
    // From the third on, back to 09:30.
    const timed = { allDay: false, start: '2026-03-23T09:30', end: '2026-03-23T10:30' };
    const split = editOccurrence(
      updated as CalendarEvent,
      '2026-03-23',
      timed,
      'following',
      NEW_ID,
      NOW,
    );
    expect(split.created?.exdates).toEqual(['2026-04-06T09:30']);
    expect(keys(split.updated, split.created)).toHaveLength(8);
  });

  it('drops exceptions that no longer name an occurrence when the rule changes', () => {
    const e = series({ exdates: ['2026-03-09T10:00', '2026-04-13T10:00'] });
    const rrule = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=5';
    const { updated } = editOccurrence(e, '2026-03-02T10:00', { rrule }, 'all', NEW_ID, NOW);
    expect(updated?.rrule).toBe(rrule);
    expect(updated?.exdates).toEqual(['2026-04-13T10:00']);
  });

  it('edits a one-off event whatever the scope', () => {
    const once = series({ rrule: null });
    for (const scope of ['this', 'following', 'all'] as const) {
      const { updated, created } = editOccurrence(
        once,
        once.start,
        { title: scope },
        scope,
        NEW_ID,
        NOW,
      );
      expect(created).toBeNull();
      expect(updated).toMatchObject({ id: once.id, title: scope, updatedAt: NOW });
    }
  });
});

describe('deleting occurrences', () => {
  it("'this' adds an exdate and drops the occurrence's override", () => {
    const e = series({ overrides: { '2026-03-16T10:00': { title: 'x' } } });
    const next = deleteOccurrence(e, '2026-03-16T10:00', 'this', NOW);
    expect(next?.exdates).toEqual(['2026-03-16T10:00']);
    expect(next?.overrides).toEqual({});
    expect(keys(next)).toHaveLength(9);
  });

  it("'following' ends the series; from the first occurrence, or 'all', deletes the event", () => {
    const next = deleteOccurrence(series(), '2026-03-23T10:00', 'following', NOW);
    expect(next?.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260323T075959Z');
    expect(keys(next)).toEqual(['2026-03-02T10:00', '2026-03-09T10:00', '2026-03-16T10:00']);
    expect(deleteOccurrence(series(), '2026-03-02T10:00', 'following', NOW)).toBeNull();
    expect(deleteOccurrence(series(), '2026-03-23T10:00', 'all', NOW)).toBeNull();
    expect(deleteOccurrence(series({ rrule: null }), '2026-03-02T10:00', 'this', NOW)).toBeNull();
  });

  it('deletes a finite series whose last standing occurrence goes', () => {
    const e = series({ rrule: 'FREQ=WEEKLY;COUNT=2', exdates: ['2026-03-02T10:00'] });
    expect(deleteOccurrence(e, '2026-03-09T10:00', 'this', NOW)).toBeNull();
    const endless = series({ rrule: 'FREQ=WEEKLY', exdates: ['2026-03-02T10:00'] });
    expect(deleteOccurrence(endless, '2026-03-09T10:00', 'this', NOW)?.exdates).toHaveLength(2);
  });
});
