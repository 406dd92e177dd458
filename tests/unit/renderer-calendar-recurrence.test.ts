// The editor's repetition choices become an RRULE main can expand, and a stored rule comes back as
// the same choices; a rule the form cannot show is recognised as such (and so kept unchanged).
import { describe, expect, it } from 'vitest';
import {
  buildRrule,
  NO_RECURRENCE,
  parseRrule,
  weekdayCodeOf,
  type RecurrenceChoice,
} from '../../src-renderer/calendar/recurrence-choice';

const timed = { allDay: false, tz: 'Europe/Vilnius' };
const allDay = { allDay: true, tz: 'Europe/Vilnius' };
const weekly = (over: Partial<RecurrenceChoice> = {}): RecurrenceChoice => ({
  frequency: 'weekly',
  interval: 1,
  weekdays: ['MO'],
  end: { kind: 'never' },
  ...over,
});

describe('building a rule from the editor', () => {
  it('gives no rule for "does not repeat"', () => {
    expect(buildRrule(NO_RECURRENCE, timed)).toBeNull();
  });

  it('writes weekly days in calendar order whatever order they were ticked in', () => {
    expect(buildRrule(weekly({ weekdays: ['FR', 'MO', 'WE'] }), timed)).toBe(
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
    );
  });

  it('adds INTERVAL only when it is more than one, and COUNT for "after N times"', () => {
    expect(buildRrule(weekly({ interval: 2, end: { kind: 'count', count: 10 } }), timed)).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=10',
    );
    expect(buildRrule({ ...NO_RECURRENCE, frequency: 'monthly' }, timed)).toBe('FREQ=MONTHLY');
  });

  it('ends a timed series at the last moment of the chosen day in the event zone, in UTC', () => {
    // 23:59:59 in Vilnius on 30 April (summer time, UTC+3) is 20:59:59 UTC.
    const rule = buildRrule(weekly({ end: { kind: 'until', date: '2026-04-30' } }), timed);
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20260430T205959Z');
    // In Minsk (UTC+3 all year) in January too.
    expect(
      buildRrule(weekly({ end: { kind: 'until', date: '2026-01-15' } }), {
        allDay: false,
        tz: 'Europe/Minsk',
      }),
    ).toContain('UNTIL=20260115T205959Z');
  });

  it('ends an all-day series on a date, as its start is a date', () => {
    const rule = buildRrule(
      { ...NO_RECURRENCE, frequency: 'daily', end: { kind: 'until', date: '2026-05-03' } },
      allDay,
    );
    expect(rule).toBe('FREQ=DAILY;UNTIL=20260503');
  });
});

describe('reading a stored rule back into the editor', () => {
  it('gives back the choices it was built from', () => {
    const choices: RecurrenceChoice[] = [
      weekly({ weekdays: ['TU', 'TH'], interval: 3 }),
      weekly({ end: { kind: 'count', count: 4 } }),
      weekly({ end: { kind: 'until', date: '2026-04-30' } }),
      { ...NO_RECURRENCE, frequency: 'yearly' },
      {
        ...NO_RECURRENCE,
        frequency: 'daily',
        interval: 2,
        end: { kind: 'until', date: '2026-12-31' },
      },
    ];
    for (const choice of choices) {
      expect(parseRrule(buildRrule(choice, timed), timed)).toEqual(choice);
      expect(parseRrule(buildRrule(choice, allDay), allDay)).toEqual(choice);
    }
  });

  it('reads a UTC UNTIL as the day it is in the event zone', () => {
    // 22:30 UTC on 30 April is already 1 May in Minsk.
    const choice = parseRrule('FREQ=DAILY;UNTIL=20260430T223000Z', {
      allDay: false,
      tz: 'Europe/Minsk',
    });
    expect(choice).toMatchObject({ end: { kind: 'until', date: '2026-05-01' } });
  });

  it('accepts lower case, an RRULE: prefix and WKST', () => {
    expect(parseRrule('RRULE:freq=weekly;byday=we;wkst=MO', timed)).toEqual(
      weekly({ weekdays: ['WE'] }),
    );
  });

  it('gives null for no rule', () => {
    expect(parseRrule(null, timed)).toBeNull();
    expect(parseRrule('', timed)).toBeNull();
  });

  it('calls custom what the form cannot show, so it is kept as it was', () => {
    for (const rule of [
      'FREQ=MONTHLY;BYDAY=2TU',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'FREQ=HOURLY',
      'FREQ=DAILY;BYDAY=MO',
      'FREQ=WEEKLY;COUNT=3;UNTIL=20260101',
      'FREQ=WEEKLY;INTERVAL=0',
      'FREQ=WEEKLY;FREQ=DAILY',
      'nonsense',
    ]) {
      expect(parseRrule(rule, timed), rule).toBe('custom');
    }
  });
});

describe('the weekday a weekly series starts on', () => {
  it('is the start day’s own', () => {
    expect(weekdayCodeOf('2026-03-29')).toBe('SU');
    expect(weekdayCodeOf('2026-03-30')).toBe('MO');
  });
});
