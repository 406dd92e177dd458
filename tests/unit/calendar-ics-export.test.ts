// Scrubbed ICS export: what another calendar reads back (times, rules, exceptions, zones), what
// the file must never carry (ids, device keys, app markers, X- lines), blurring, and round trips.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../src-shared/calendar/event-model';
import { exportIcs, type ExportableEvent } from '../../src-shared/calendar/ics-export';
import { parseIcs } from '../../src-shared/calendar/ics-import';

const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../fixtures/ics', name), 'utf8');

const NOW = Date.UTC(2025, 2, 15, 13, 47, 12);
const ID = 'c0ffee00'.repeat(4);
const ORG = 'abcdef01'.repeat(4);
const DEVICE = 'd3adbeef'.repeat(8);

const weekly: CalendarEvent = {
  id: ID,
  orgId: ORG,
  visibility: 'busy',
  createdBy: DEVICE,
  updatedAt: 1_741_946_400_123,
  allDay: false,
  start: '2025-03-10T10:20',
  end: '2025-03-10T11:10',
  tz: 'Europe/Vilnius',
  rrule: 'FREQ=WEEKLY;COUNT=8',
  exdates: ['2025-03-17T10:20'],
  title: 'Coordination call',
  description: `Порядок дня: ${'кампанія, бюджет, наступні кроки; '.repeat(6)}`,
  location: 'Online',
  overrides: {
    '2025-03-24T10:20': { start: '2025-03-25T15:00', end: '2025-03-25T16:00', title: 'Moved call' },
  },
};

const zoned = (t: ICAL.Time, zone: string): string => {
  if (t.isDate) return t.toString();
  if (t.zone === ICAL.Timezone.localTimezone) return t.toString().slice(0, 16); // floating
  return DateTime.fromSeconds(t.toUnixTime(), { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
};

/** Occurrences as ical.js expands a file, on `zone`'s clock: "start end title", sorted. */
function occurrences(text: string, zone: string, from = '2025-01-01', to = '2027-01-01'): string[] {
  const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  const out: string[] = [];
  for (const comp of vevents.filter((c) => !c.hasProperty('recurrence-id'))) {
    if (comp.getFirstPropertyValue('status') === 'CANCELLED') continue;
    const uid = comp.getFirstPropertyValue('uid');
    const exceptions = vevents.filter(
      (c) => c.hasProperty('recurrence-id') && c.getFirstPropertyValue('uid') === uid,
    );
    const event = new ICAL.Event(comp, { exceptions });
    const it = event.iterator();
    for (let next = it.next(); next && next.year < Number(to.slice(0, 4)) + 1; next = it.next()) {
      const d = event.getOccurrenceDetails(next);
      if (d.item.component.getFirstPropertyValue('status') === 'CANCELLED') continue;
      const start = zoned(d.startDate, zone);
      if (start >= from && start < to)
        out.push(`${start} ${zoned(d.endDate, zone)} ${d.item.summary}`);
    }
  }
  return out.sort();
}

const lines = (text: string): string[] => text.split('\r\n').slice(0, -1);
const utf8 = new TextEncoder();

describe('what another calendar reads back', () => {
  it('keeps times, zone, rule, excluded and moved occurrences', () => {
    const text = exportIcs([weekly], { blur: 'none', now: NOW });
    const cal = new ICAL.Component(ICAL.parse(text));
    const [master, moved] = cal.getAllSubcomponents('vevent');
    expect(master?.getFirstProperty('dtstart')?.getFirstParameter('tzid')).toBe('Europe/Vilnius');
    expect(master?.getFirstPropertyValue('dtstart')?.toString()).toBe('2025-03-10T10:20:00');
    expect(master?.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;COUNT=8');
    expect(master?.getFirstPropertyValue('exdate')?.toString()).toBe('2025-03-17T10:20:00');
    expect(moved?.getFirstPropertyValue('recurrence-id')?.toString()).toBe('2025-03-24T10:20:00');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Vilnius',
    );
    // Across the end of March the clock time stays 10:20 in Vilnius: the VTIMEZONE carries DST.
    expect(occurrences(text, 'Europe/Vilnius')).toEqual([
      '2025-03-10T10:20 2025-03-10T11:10 Coordination call',
      '2025-03-25T15:00 2025-03-25T16:00 Moved call',
      '2025-03-31T10:20 2025-03-31T11:10 Coordination call',
      '2025-04-07T10:20 2025-04-07T11:10 Coordination call',
      '2025-04-14T10:20 2025-04-14T11:10 Coordination call',
      '2025-04-21T10:20 2025-04-21T11:10 Coordination call',
      '2025-04-28T10:20 2025-04-28T11:10 Coordination call',
    ]);
  });

  it('writes VTIMEZONEs that give every occurrence its true instant, past and future', () => {
    const events: ExportableEvent[] = [
      ['America/New_York', '2025-01-06T09:30', 'FREQ=WEEKLY;COUNT=300'],
      ['Australia/Sydney', '2025-01-06T09:30', 'FREQ=WEEKLY;COUNT=300'],
      ['Asia/Kolkata', '2025-01-06T09:30', 'FREQ=MONTHLY;COUNT=60'],
      ['Europe/Moscow', '1990-06-15T10:00', 'FREQ=YEARLY'],
      ['UTC', '2025-03-01T12:00', 'FREQ=DAILY;COUNT=40'],
    ].map(([tz = '', start = '', rrule = '']) => ({
      ...weekly,
      tz,
      start,
      end: start,
      rrule,
      exdates: [],
      overrides: {},
    }));
    const text = exportIcs(events, { blur: 'none', now: NOW });
    let checked = 0;
    for (const comp of new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')) {
      const tzid = comp.getFirstProperty('dtstart')?.getFirstParameter('tzid') ?? 'UTC';
      const it = new ICAL.Event(comp).iterator();
      for (let next = it.next(); next && next.year <= 2031; next = it.next()) {
        const wall = {
          year: next.year,
          month: next.month,
          day: next.day,
          hour: next.hour,
          minute: next.minute,
        };
        expect(next.toUnixTime()).toBe(DateTime.fromObject(wall, { zone: tzid }).toSeconds());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
  });

  it('writes all-day events as dates, with no zone', () => {
    const day: ExportableEvent = {
      ...weekly,
      allDay: true,
      start: '2025-05-12',
      end: '2025-05-15',
      rrule: null,
      exdates: [],
      overrides: {},
    };
    const text = exportIcs([day], { blur: 'none', now: NOW });
    expect(text).toContain('DTSTART;VALUE=DATE:20250512\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20250515\r\n');
    expect(text).not.toContain('VTIMEZONE');
  });
});

describe('what the file never carries', () => {
  it('has no ids, device keys, app markers, people, X- lines or device timestamps', () => {
    const imported = parseIcs(fixture('nextcloud-people.ics'), { defaultZone: 'Europe/Berlin' });
    const text = exportIcs([weekly, ...imported], { blur: 'none', now: NOW });
    for (const secret of [
      ID,
      ORG,
      DEVICE,
      '1741946400123',
      'busy',
      'Anna',
      'Kovalenko',
      'mailto',
      '3f1c2a9e',
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/suviaz/i);
    expect(text).not.toMatch(/^(X-|ORGANIZER|ATTENDEE|CREATED|LAST-MODIFIED|SEQUENCE)/m);
    expect(text).toContain('\r\nPRODID:-//Calendar//EN\r\n');
    // DTSTAMP is required; it carries the export's date only.
    expect(text.match(/^DTSTAMP:.*$/gm)?.every((l) => l === 'DTSTAMP:20250315T000000Z')).toBe(true);
  });

  it('gives every event a fresh random UID in each export', () => {
    const other = { ...weekly, overrides: {}, title: 'Other' };
    const uids = (text: string): string[] => text.match(/^UID:(.*)\r$/gm) ?? [];
    const first = uids(exportIcs([weekly, other], { blur: 'none', now: NOW }));
    const second = uids(exportIcs([weekly, other], { blur: 'none', now: NOW }));
    expect(first).toHaveLength(3); // the moved occurrence shares its series' UID
    expect(new Set(first).size).toBe(2);
    expect(first.filter((u) => second.includes(u))).toEqual([]);
    for (const uid of first)
      expect(uid).toMatch(
        /^UID:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\r$/,
      );
  });

  it('folds lines at 75 octets with CRLF, never inside a character', () => {
    const text = exportIcs([weekly], { blur: 'none', now: NOW });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines(text)) expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n /); // the long Cyrillic description was folded
    expect(parseIcs(text, { defaultZone: 'UTC' })[0]?.description).toBe(weekly.description.trim());
  });
});

describe('blur', () => {
  it("'hour' rounds starts down and ends up, with the series' exceptions", () => {
    const text = exportIcs([weekly], { blur: 'hour', now: NOW });
    expect(text).not.toMatch(/T\d\d[1-5]\d00\b/);
    const [back] = parseIcs(text, { defaultZone: 'UTC' });
    expect(back).toMatchObject({
      start: '2025-03-10T10:00',
      end: '2025-03-10T12:00',
      exdates: ['2025-03-17T10:00'],
      overrides: { '2025-03-24T10:00': { start: '2025-03-25T15:00', end: '2025-03-25T16:00' } },
    });
    expect(occurrences(text, 'Europe/Vilnius')).toHaveLength(7);
  });

  it("'hour' moves a series' end with its start, so a split keeps each occurrence once", () => {
    // "This and following" from 2026-03-10 ended the old series one second before 10:30 there.
    const old: CalendarEvent = {
      ...weekly,
      id: 'a'.repeat(32),
      start: '2026-02-24T10:30',
      end: '2026-02-24T11:30',
      rrule: 'FREQ=WEEKLY;UNTIL=20260310T082959Z',
      exdates: [],
      overrides: {},
    };
    const rest: CalendarEvent = {
      ...old,
      id: 'b'.repeat(32),
      start: '2026-03-10T10:30',
      end: '2026-03-10T11:30',
      rrule: 'FREQ=WEEKLY;COUNT=2',
    };
    const text = exportIcs([old, rest], { blur: 'hour', now: NOW });
    // No minute of the real start in the file, UNTIL included.
    expect(text).not.toMatch(/UNTIL=\d{8}T\d\d(?!5959)\d{4}Z/);
    expect(occurrences(text, 'Europe/Vilnius').map((o) => o.slice(0, 16))).toEqual([
      '2026-02-24T10:00',
      '2026-03-03T10:00',
      '2026-03-10T10:00',
      '2026-03-17T10:00',
    ]);
  });

  it("'day' turns events into all-day events on their dates", () => {
    const night: ExportableEvent = {
      ...weekly,
      start: '2025-03-10T22:00',
      end: '2025-03-11T01:00',
      rrule: 'FREQ=WEEKLY;UNTIL=20250331T200000Z',
      exdates: ['2025-03-17T22:00'],
      overrides: {},
    };
    const text = exportIcs([weekly, night], { blur: 'day', now: NOW });
    expect(text).not.toContain('TZID');
    expect(text).not.toMatch(/T\d{6}(?!Z)/); // no time of day, only the UTC DTSTAMP
    const [call, late] = parseIcs(text, { defaultZone: 'Europe/Vilnius' });
    expect(call).toMatchObject({
      allDay: true,
      start: '2025-03-10',
      end: '2025-03-11',
      exdates: ['2025-03-17'],
      overrides: { '2025-03-24': { start: '2025-03-25', end: '2025-03-26' } },
    });
    // 22:00–01:00 covers two dates; the last occurrence (Mar 31, 22:00 in Vilnius) is kept.
    expect(late).toMatchObject({
      start: '2025-03-10',
      end: '2025-03-12',
      rrule: 'FREQ=WEEKLY;UNTIL=20250331',
    });
  });
});

describe('round trip: import, export, import', () => {
  const rdate = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'BEGIN:VEVENT',
    'UID:r1',
    'DTSTAMP:20250101T000000Z',
    'DTSTART:20250301T100000Z',
    'DTEND:20250301T110000Z',
    'RRULE:FREQ=DAILY;COUNT=10',
    'RDATE:20250320T150000Z',
    'EXDATE:20250303T100000Z',
    'SUMMARY:Daily in UTC',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:r1',
    'DTSTAMP:20250101T000000Z',
    'RECURRENCE-ID:20250305T100000Z',
    'DTSTART:20250305T120000Z',
    'DTEND:20250305T130000Z',
    'SUMMARY:Daily, later',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const files: [string, string][] = [
    ['google-vilnius.ics', fixture('google-vilnius.ics')],
    ['outlook-fle.ics', fixture('outlook-fle.ics')],
    ['apple-allday.ics', fixture('apple-allday.ics')],
    ['nextcloud-people.ics', fixture('nextcloud-people.ics')],
    ['RDATE, EXDATE and RECURRENCE-ID in UTC', rdate],
  ];

  it.each(files)('%s keeps every occurrence over two years', async (_name, original) => {
    const zone = 'Europe/Warsaw';
    const imported = parseIcs(original, { defaultZone: zone });
    const exported = exportIcs(imported, { blur: 'none', now: NOW });
    // The same events come back; the file lists them by time, not in the original's order.
    const sorted = (events: ExportableEvent[]): string[] =>
      events.map((e) => JSON.stringify(e)).sort();
    expect(sorted(parseIcs(exported, { defaultZone: zone }))).toEqual(sorted(imported));
    const expected = occurrences(original, zone);
    expect(expected.length).toBeGreaterThan(3);
    expect(occurrences(exported, zone)).toEqual(expected);

    // The views' own expansion (src-shared/calendar/recurrence.ts), where another helper's module
    // exists: it must place the imported events where ical.js places the original file's.
    const expand = await recurrenceModule();
    if (!expand) return;
    const from = Date.UTC(2024, 11, 25);
    const to = Date.UTC(2027, 0, 5);
    const ours = imported
      .flatMap((e) => expand({ ...e, id: ID }, from, to, zone))
      .map((o) =>
        o.allDay
          ? `${o.startDate ?? ''} ${o.endDate ?? ''}`
          : `${DateTime.fromMillis(o.startMs, { zone }).toFormat("yyyy-MM-dd'T'HH:mm")} ${DateTime.fromMillis(o.endMs, { zone }).toFormat("yyyy-MM-dd'T'HH:mm")}`,
      )
      .filter((s) => s >= '2025-01-01' && s < '2027-01-01')
      .sort();
    expect(ours).toEqual(expected.map((s) => s.split(' ').slice(0, 2).join(' ')).sort());
  });
});

type Expand = (
  event: ExportableEvent & { id: string },
  fromMs: number,
  toMs: number,
  viewerZone: string,
) => {
  allDay: boolean;
  startMs: number;
  endMs: number;
  startDate: string | null;
  endDate: string | null;
}[];

/** recurrence.ts's expandEvent if that module is there; this test does not depend on it. */
async function recurrenceModule(): Promise<Expand | null> {
  const where = '../../src-shared/calendar/recurrence';
  try {
    const mod = (await import(/* @vite-ignore */ where)) as { expandEvent?: Expand };
    return typeof mod.expandEvent === 'function' ? mod.expandEvent : null;
  } catch {
    return null;
  }
}
