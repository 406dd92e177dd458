// Expanding events into occurrences: wall-clock times kept across DST (Vilnius changes on the last
// Sundays of March and October 2026, Minsk never), all-day dates alike in every zone, exceptions,
// limits, the DST gap, and input from a hostile document that must not throw.
import { DateTime } from 'luxon';
import * as rruleModule from 'rrule';
import { describe, expect, it } from 'vitest';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import type { OccurrenceOverride } from '../../src-shared/calendar/event-model';
import { zonedMs, zoneOf } from '../../src-shared/calendar/local-time';
import {
  checkEventTiming,
  expandEvent,
  isValidZone,
  seriesKeys,
  type ExpandableEvent,
  type TimingProblem,
} from '../../src-shared/calendar/recurrence';

const utc = (iso: string): number => Date.parse(`${iso}Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

function event(over: Partial<ExpandableEvent>): ExpandableEvent {
  return {
    id: 'e'.repeat(32),
    allDay: false,
    start: '2026-03-16T10:00',
    end: '2026-03-16T11:00',
    tz: 'Europe/Vilnius',
    rrule: null,
    exdates: [],
    overrides: {},
    ...over,
  };
}

const timed = (start: string, end: string, rrule: string | null, over = {}): ExpandableEvent =>
  event({ start, end, rrule, ...over });

function expand(e: ExpandableEvent, from: string, to: string, viewer = 'Europe/Vilnius') {
  const problems: TimingProblem[] = [];
  const list = expandEvent(e, utc(from), utc(to), viewer, (p) => problems.push(p));
  return { list, problems, starts: list.map((o) => iso(o.startMs)) };
}

describe('timed series across DST', () => {
  it('keeps 10:00 in Vilnius, so the UTC time moves an hour in spring and back in autumn', () => {
    const weekly = event({ rrule: 'FREQ=WEEKLY' });
    const spring = expand(weekly, '2026-03-20T00:00', '2026-04-06T00:00');
    expect(spring.list.map((o) => o.key)).toEqual(['2026-03-23T10:00', '2026-03-30T10:00']);
    expect(spring.starts).toEqual(['2026-03-23T08:00', '2026-03-30T07:00']);
    const autumn = expand(weekly, '2026-10-17T00:00', '2026-11-01T00:00');
    expect(autumn.starts).toEqual(['2026-10-19T07:00', '2026-10-26T08:00']);
    expect(autumn.list.every((o) => o.endMs - o.startMs === 3_600_000)).toBe(true);
  });

  it('keeps 10:00 in Minsk, which has no DST, at 07:00 UTC all year', () => {
    const weekly = event({ tz: 'Europe/Minsk', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    const { starts } = expand(weekly, '2026-03-20T00:00', '2026-11-01T00:00');
    expect(starts).toHaveLength(32);
    expect(new Set(starts.map((s) => s.slice(11)))).toEqual(new Set(['07:00']));
  });

  it('gives the same instants whatever the viewer zone', () => {
    const daily = event({ rrule: 'FREQ=DAILY;COUNT=20' });
    const here = expand(daily, '2026-03-20T00:00', '2026-04-10T00:00', 'Europe/Vilnius');
    const there = expand(daily, '2026-03-20T00:00', '2026-04-10T00:00', 'America/New_York');
    expect(there.starts).toEqual(here.starts);
    expect(here.starts).toContain('2026-03-28T08:00');
    expect(here.starts).toContain('2026-03-29T07:00');
  });

  it('keeps the wall-clock duration: a 22:00–06:00 night is 7 hours in spring, 9 in autumn', () => {
    const nightly = timed('2026-03-27T22:00', '2026-03-28T06:00', 'FREQ=DAILY');
    const hours = (from: string, to: string) =>
      expand(nightly, from, to).list.map((o) => (o.endMs - o.startMs) / 3_600_000);
    expect(hours('2026-03-28T00:00', '2026-03-29T12:00')).toEqual([8, 7]);
    expect(hours('2026-10-24T00:00', '2026-10-25T12:00')).toEqual([8, 9]);
  });

  it('moves a time inside the spring gap forward by the gap, as luxon does', () => {
    const vilnius = timed('2026-03-27T03:30', '2026-03-27T04:30', 'FREQ=DAILY;COUNT=4');
    const { list } = expand(vilnius, '2026-03-26T00:00', '2026-04-01T00:00');
    // 03:30 does not exist on 29 March: it becomes 04:30 EEST (01:30 UTC), and so does the end.
    expect(list.map((o) => iso(o.startMs))).toEqual([
      '2026-03-27T01:30',
      '2026-03-28T01:30',
      '2026-03-29T01:30',
      '2026-03-30T00:30',
    ]);
    expect(list[2]?.key).toBe('2026-03-29T03:30');
    const nyTz = { tz: 'America/New_York' };
    const ny = timed('2026-03-07T02:30', '2026-03-07T03:00', 'FREQ=DAILY;COUNT=3', nyTz);
    const nyList = expand(ny, '2026-03-06T00:00', '2026-03-11T00:00').list;
    expect(nyList.map((o) => iso(o.startMs))).toEqual([
      '2026-03-07T07:30',
      '2026-03-08T07:30',
      '2026-03-09T06:30',
    ]);
    // 02:30 → 03:30 EDT but the end, 03:00, exists: the end is not allowed before the start.
    expect(nyList[1]?.endMs).toBe(nyList[1]?.startMs);
  });

  it('resolves the repeated autumn hour as luxon does: to the second, standard-time instant', () => {
    const vilnius = timed('2026-10-25T03:30', '2026-10-25T03:45', null);
    expect(expand(vilnius, '2026-10-24T00:00', '2026-10-26T00:00').starts).toEqual([
      '2026-10-25T01:30',
    ]);
    const nyEvent = timed('2026-11-01T01:30', '2026-11-01T01:45', null, { tz: 'America/New_York' });
    const ny = expand(nyEvent, '2026-10-31T00:00', '2026-11-02T00:00');
    expect(ny.starts).toEqual(['2026-11-01T06:30']);
  });

  it('agrees with a plain rrule + luxon expansion for rules begun long ago', () => {
    type Lib = typeof rruleModule;
    const lib: Lib =
      'RRule' in rruleModule ? rruleModule : (rruleModule as unknown as { default: Lib }).default;
    const rules = [
      'FREQ=DAILY',
      'FREQ=DAILY;INTERVAL=3',
      'FREQ=DAILY;COUNT=900',
      'FREQ=DAILY;INTERVAL=2;COUNT=400',
      'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=230',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;COUNT=200',
      'FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,SA',
      'FREQ=MONTHLY;BYDAY=2TU',
      'FREQ=MONTHLY;BYMONTHDAY=31',
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'FREQ=HOURLY;INTERVAL=7',
      'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=600',
      'FREQ=DAILY;BYDAY=MO,WE;COUNT=220',
      'FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU;COUNT=150',
      'FREQ=WEEKLY;BYDAY=MO,MO,FR;COUNT=210',
      'FREQ=WEEKLY;COUNT=110',
      // Used up before the range: nothing to show, found without walking the series.
      'FREQ=DAILY;COUNT=700',
      'FREQ=WEEKLY;BYDAY=SA,SU;COUNT=100',
      'FREQ=MONTHLY;BYDAY=1MO;COUNT=20',
    ];
    let shown = 0;
    for (const rule of rules) {
      const e = timed('2024-02-29T09:15', '2024-02-29T10:00', rule);
      const from = utc('2026-03-01T00:00');
      const to = utc('2026-04-15T00:00');
      const got = expandEvent(e, from, to, 'UTC').map((o) => o.startMs);
      const plain = lib.rrulestr(rule, { dtstart: new Date(utc('2024-02-29T09:15')) });
      const want = plain
        .between(new Date(from - 2 * 86_400_000), new Date(to + 2 * 86_400_000), true)
        .map((d) => DateTime.fromISO(iso(d.getTime()), { zone: 'Europe/Vilnius' }).toMillis())
        .filter((ms) => ms + 45 * 60_000 > from && ms < to);
      expect(got, rule).toEqual(want);
      if (got.length > 0) shown++;
    }
    expect(shown).toBe(rules.length - 3);
  });
});

describe('exceptions, limits, all-day events', () => {
  const weekly = timed('2026-03-02T10:00', '2026-03-02T11:00', 'FREQ=WEEKLY;COUNT=8');

  it('stops at COUNT and at UNTIL, UNTIL included', () => {
    expect(expand(weekly, '2026-01-01T00:00', '2027-01-01T00:00').list).toHaveLength(8);
    const until = event({ ...weekly, rrule: 'FREQ=WEEKLY;UNTIL=20260316T080000Z' });
    expect(expand(until, '2026-01-01T00:00', '2027-01-01T00:00').starts).toEqual([
      '2026-03-02T08:00',
      '2026-03-09T08:00',
      '2026-03-16T08:00',
    ]);
  });

  it('removes exdates and moves overridden occurrences in and out of the range', () => {
    const titleOnly: OccurrenceOverride = { title: 'only the title' };
    const e = event({
      ...weekly,
      exdates: ['2026-03-09T10:00'],
      overrides: {
        '2026-03-16T10:00': { start: '2026-04-20T15:00', end: '2026-04-20T16:00' },
        '2026-04-13T10:00': { start: '2026-03-18T12:00' },
        '2026-03-23T10:00': titleOnly,
      },
    });
    const { list } = expand(e, '2026-03-01T00:00', '2026-03-25T00:00');
    expect(list.map((o) => o.key)).toEqual([
      '2026-03-02T10:00',
      '2026-04-13T10:00',
      '2026-03-23T10:00',
    ]);
    const movedIn = list[1];
    expect(iso(movedIn?.startMs ?? 0)).toBe('2026-03-18T10:00');
    expect(((movedIn?.endMs ?? 0) - (movedIn?.startMs ?? 0)) / 60_000).toBe(60);
    expect(list.map((o) => o.overridden)).toEqual([false, true, true]);
    const later = expand(e, '2026-04-19T00:00', '2026-04-21T00:00').list;
    expect(later.map((o) => o.key)).toEqual(['2026-04-20T10:00', '2026-03-16T10:00']);
  });

  it('ignores an override whose key is not an occurrence', () => {
    const e = event({
      ...weekly,
      overrides: { '2026-03-04T10:00': { start: '2026-03-05T10:00' } },
    });
    expect(expand(e, '2026-03-03T00:00', '2026-03-08T00:00').list).toEqual([]);
  });

  it('caps one event at occurrencesPerEventInRange', () => {
    const hourly = event({ rrule: 'FREQ=HOURLY' });
    const { list } = expand(hourly, '2026-03-16T00:00', '2027-03-16T00:00');
    expect(list).toHaveLength(CALENDAR_LIMITS.occurrencesPerEventInRange);
  });

  it('shows all-day events on the same dates from Minsk and from New York', () => {
    const e = event({
      allDay: true,
      start: '2026-03-28',
      end: '2026-03-30',
      tz: 'Asia/Tokyo',
      rrule: 'FREQ=WEEKLY;UNTIL=20260411',
      exdates: ['2026-04-04'],
    });
    const minsk = expand(e, '2026-03-01T00:00', '2026-05-01T00:00', 'Europe/Minsk').list;
    const ny = expand(e, '2026-03-01T00:00', '2026-05-01T00:00', 'America/New_York').list;
    const dates = (l: typeof minsk) => l.map((o) => `${o.startDate}/${o.endDate}`);
    expect(dates(minsk)).toEqual(['2026-03-28/2026-03-30', '2026-04-11/2026-04-13']);
    expect(dates(ny)).toEqual(dates(minsk));
    expect(minsk.map((o) => o.key)).toEqual(['2026-03-28', '2026-04-11']);
    expect(iso(minsk[0]?.startMs ?? 0)).toBe('2026-03-27T21:00');
    expect(iso(ny[0]?.startMs ?? 0)).toBe('2026-03-28T04:00');
    // New York's 29 March is not a DST day, Vilnius's is: 47 hours for the two days there.
    const vilnius = expand(e, '2026-03-01T00:00', '2026-03-31T00:00', 'Europe/Vilnius').list;
    expect(((vilnius[0]?.endMs ?? 0) - (vilnius[0]?.startMs ?? 0)) / 3_600_000).toBe(47);
  });

  it('lists the keys of a series for edits', () => {
    expect(seriesKeys(weekly, '2026-03-09T10:00', '2026-03-23T10:00', 10)).toEqual([
      '2026-03-09T10:00',
      '2026-03-16T10:00',
      '2026-03-23T10:00',
    ]);
    expect(seriesKeys(weekly, '2026-03-10T10:00', '2026-03-10T10:00', 10)).toEqual([]);
  });
});

describe('bad input', () => {
  it('shows an unreadable or refused rule once and says why', () => {
    for (const [rrule, problem] of [
      ['FREQ=WEEKLY;BYDAY=XX', 'bad-rrule'],
      ['FREQ=WEEKLY;COUNT=abc', 'bad-rrule'],
      ['COUNT=3', 'bad-rrule'],
      ['FREQ=DAILY;COUNT=2;UNTIL=20260401', 'bad-rrule'],
      ['RRULE:FREQ=DAILY', 'bad-rrule'],
      ['FREQ=MINUTELY', 'frequency-refused'],
      ['FREQ=SECONDLY;INTERVAL=1', 'frequency-refused'],
    ] as const) {
      const result = expand(event({ rrule }), '2026-03-01T00:00', '2026-04-01T00:00');
      expect(
        result.list.map((o) => o.recurring),
        rrule,
      ).toEqual([false]);
      expect(result.problems, rrule).toEqual([problem]);
    }
  });

  it('skips events whose zone or times cannot be read', () => {
    const cases: [Partial<ExpandableEvent>, TimingProblem][] = [
      [{ tz: 'Mars/Olympus' }, 'unknown-zone'],
      [{ tz: 'local' }, 'unknown-zone'],
      [{ start: '2026-02-30T10:00' }, 'bad-start'],
      [{ start: '2026-03-16' }, 'bad-start'],
      [{ end: '2026-03-16T25:00' }, 'bad-end'],
    ];
    for (const [over, problem] of cases) {
      const result = expand(event(over), '2026-03-01T00:00', '2026-04-01T00:00');
      expect(result.list).toEqual([]);
      expect(result.problems).toEqual([problem]);
    }
  });

  it('never throws on random rules and times', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = (
      'FREQ=DAILY FREQ=WEEKLY FREQ=YEARLY BYDAY=1MO BYDAY=MO,-1FR BYSETPOS=-1 BYMONTHDAY=-31 ' +
      'BYWEEKNO=53 BYYEARDAY=366 COUNT=0 INTERVAL=0 UNTIL=20000101 UNTIL=99991231T235959Z ' +
      'BYHOUR=24 BYMONTH=13 WKST=XX = ;; X-FOO=1'
    ).split(' ');
    for (let i = 0; i < 400; i++) {
      const rrule = Array.from(
        { length: 1 + Math.floor(rand() * 4) },
        () => pieces[Math.floor(rand() * pieces.length)],
      ).join(';');
      const allDay = rand() < 0.3;
      const e = event({
        allDay,
        rrule,
        start: allDay ? '2026-03-01' : '2026-03-01T10:00',
        end: allDay ? '2026-03-02' : '2026-03-01T10:30',
      });
      expect(() =>
        expandEvent(e, utc('2026-03-01T00:00'), utc('2026-06-01T00:00'), 'Nowhere/Zone'),
      ).not.toThrow();
      expect(() => checkEventTiming({ ...e })).not.toThrow();
    }
    expect(expandEvent(event({}), 10, 5, 'UTC')).toEqual([]);
  });

  it('refuses rules rrule would walk to the year 9999 for, and takes all of RFC 5545', () => {
    for (const rrule of [
      'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=HOURLY;INTERVAL=24;BYHOUR=3',
      'FREQ=DAILY;INTERVAL=7;BYDAY=TU',
      'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2',
      'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6',
      'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31',
      'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29',
    ]) {
      const result = expand(event({ rrule }), '2026-03-01T00:00', '2026-04-01T00:00');
      expect(result.problems, rrule).toEqual(['unsupported-rrule']);
      expect(result.list.map((o) => o.key)).toEqual(['2026-03-16T10:00']);
    }
    // The examples of RFC 5545 §3.8.5.3 (all but MINUTELY), from Tuesday 2 September 1997 09:00.
    const rfc = (
      'DAILY;COUNT=10|DAILY;UNTIL=19971224T000000Z|DAILY;INTERVAL=2|DAILY;INTERVAL=10;COUNT=5|' +
      'YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA|' +
      'DAILY;UNTIL=20000131T140000Z;BYMONTH=1|WEEKLY;COUNT=10|WEEKLY;INTERVAL=2;WKST=SU|' +
      'WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH|' +
      'WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR|' +
      'WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH|MONTHLY;COUNT=10;BYDAY=1FR|' +
      'MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU|MONTHLY;COUNT=6;BYDAY=-2MO|' +
      'MONTHLY;BYMONTHDAY=-3|MONTHLY;COUNT=10;BYMONTHDAY=1,-1|' +
      'MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15|MONTHLY;INTERVAL=2;BYDAY=TU|' +
      'YEARLY;COUNT=10;BYMONTH=6,7|YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3|' +
      'YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200|YEARLY;BYDAY=20MO|' +
      'YEARLY;BYWEEKNO=20;BYDAY=MO|YEARLY;BYMONTH=3;BYDAY=TH|YEARLY;BYDAY=TH;BYMONTH=6,7,8|' +
      'MONTHLY;BYDAY=FR;BYMONTHDAY=13|MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13|' +
      'YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8|' +
      'MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3|MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2|' +
      'HOURLY;INTERVAL=3;UNTIL=19970902T170000Z|DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40|' +
      'WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO|MONTHLY;BYMONTHDAY=15,30;COUNT=5'
    ).split('|');
    const start = { start: '1997-09-02T09:00', end: '1997-09-02T10:00', tz: 'America/New_York' };
    for (const rule of rfc)
      expect(checkEventTiming(event({ ...start, rrule: `FREQ=${rule}` })), rule).toBeNull();
  });

  it('checks a timing before it is saved', () => {
    const ok = { ...event({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231T220000Z' }) };
    expect(checkEventTiming(ok)).toBeNull();
    expect(checkEventTiming({ ...ok, end: '2026-03-16T09:00' })).toBe('end-before-start');
    const allDay = { ...ok, allDay: true, start: '2026-03-16', end: '2026-03-17', rrule: null };
    expect(checkEventTiming(allDay)).toBeNull();
    expect(checkEventTiming({ ...allDay, end: '2026-03-16' })).toBe('end-before-start');
    expect(checkEventTiming({ ...ok, tz: 'Europe/Nowhere' })).toBe('unknown-zone');
    expect(checkEventTiming({ ...ok, rrule: 'FREQ=MINUTELY' })).toBe('frequency-refused');
    expect(checkEventTiming({ ...ok, rrule: 'FREQ=WEEKLY;BYDAY=1MO' })).toBe('bad-rrule');
    expect(checkEventTiming({ ...allDay, rrule: 'FREQ=HOURLY' })).toBe('bad-rrule');
    expect(checkEventTiming({ ...ok, exdates: ['2026-03-18'] })).toBe('bad-exdate');
    expect(isValidZone('Europe/Vilnius')).toBe(true);
    expect(isValidZone('Europe/Kyiv')).toBe(true);
    expect(isValidZone('+03:00')).toBe(false);
  });
});

describe('zone conversion', () => {
  it('matches luxon every 150 minutes of 2026 in zones with and without DST', () => {
    for (const name of 'Europe/Vilnius America/New_York Australia/Lord_Howe Europe/Minsk'.split(
      ' ',
    )) {
      const zone = zoneOf(name);
      if (!zone) throw new Error(name);
      for (let t = DateTime.utc(2026, 1, 1); t.year === 2026; t = t.plus({ minutes: 150 })) {
        const wall = { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute };
        expect(zonedMs(wall, zone)).toBe(DateTime.fromObject(wall, { zone: name }).toMillis());
      }
    }
  });
});
