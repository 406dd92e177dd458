// ICS import: files as Google, Outlook, Apple and Nextcloud write them come in with the right
// times, zones, rules and exceptions and nothing else; hostile files fail whole, with a clear reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import {
  EventDetails,
  EventTiming,
  OccurrenceOverride,
} from '../../src-shared/calendar/event-model';
import { IcsError, parseIcs, type ImportedEvent } from '../../src-shared/calendar/ics-import';
import { zoneFromName } from '../../src-shared/calendar/ics-zones';
import { failure } from '../support/ics-failure';

const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../fixtures/ics', name), 'utf8');

const VEVENT = (lines: string): string =>
  `BEGIN:VEVENT\r\nUID:${Math.random()}\r\nDTSTAMP:20250101T000000Z\r\n${lines}\r\nEND:VEVENT`;
const calendar = (...events: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const single = (i: number): string =>
  VEVENT(`DTSTART:20250301T${String(i % 24).padStart(2, '0')}0000Z\r\nSUMMARY:Event ${i}`);

/** Every imported event is one the model's schemas accept. */
function expectValid(events: ImportedEvent[]): void {
  for (const e of events) {
    expect(EventTiming.safeParse(e).success).toBe(true);
    expect(EventDetails.safeParse(e).success).toBe(true);
    for (const o of Object.values(e.overrides))
      expect(OccurrenceOverride.safeParse(o).success).toBe(true);
  }
}

describe('real exporters', () => {
  it('reads a Google Calendar export: Vilnius zone, weekly series, an excluded and a moved occurrence', () => {
    const events = parseIcs(fixture('google-vilnius.ics'), { defaultZone: 'Europe/Vilnius' });
    expectValid(events);
    expect(events).toHaveLength(3);
    const [weekly, monthly, press] = events;
    expect(weekly).toMatchObject({
      allDay: false,
      start: '2025-01-06T10:00',
      end: '2025-01-06T11:00',
      tz: 'Europe/Vilnius',
      rrule: 'FREQ=WEEKLY;UNTIL=20250630T070000Z;BYDAY=MO',
      exdates: ['2025-01-20T10:00'],
      title: 'Coordination call',
      location: 'Online',
      description:
        "Weekly call of the coalition's coordinators.\nAgenda in the shared plan, item 3.",
    });
    expect(weekly?.overrides).toEqual({
      '2025-02-03T10:00': {
        start: '2025-02-04T14:00',
        end: '2025-02-04T15:30',
        title: 'Coordination call (moved to Tuesday)',
      },
    });
    expect(monthly).toMatchObject({
      rrule: 'FREQ=MONTHLY;COUNT=6;BYDAY=1TH',
      tz: 'Europe/Vilnius',
    });
    // A one-off event written in UTC lands in the importer's zone at the same instant.
    expect(press).toMatchObject({
      start: '2025-02-14T11:00',
      end: '2025-02-14T12:00',
      tz: 'Europe/Vilnius',
    });
  });

  it('reads an Outlook export: Windows zone names, a display-name zone, a cancelled occurrence', () => {
    const events = parseIcs(fixture('outlook-fle.ics'), { defaultZone: 'Europe/Warsaw' });
    expectValid(events);
    expect(events.map((e) => e.tz)).toEqual(['Europe/Kyiv', 'Europe/Minsk', 'Europe/Helsinki']);
    const [board, minsk, donors] = events;
    expect(board).toMatchObject({
      start: '2025-01-07T16:00',
      end: '2025-01-07T17:00',
      rrule: 'FREQ=WEEKLY;COUNT=10;BYDAY=TU',
      // EXDATE and the cancelled RECURRENCE-ID both remove an occurrence.
      exdates: ['2025-01-14T16:00', '2025-02-04T16:00'],
      overrides: {},
      title: 'Board meeting',
      description: 'Board of the network. Minutes go to the shared folder.',
    });
    expect(minsk).toMatchObject({ start: '2025-03-15T11:00', title: 'Созвон с Минском' });
    expect(donors).toMatchObject({ start: '2025-04-01T17:00', end: '2025-04-01T18:00' });
  });

  it('reads an Apple Calendar export: all-day, multi-day and repeating all-day events', () => {
    const events = parseIcs(fixture('apple-allday.ics'), { defaultZone: 'Europe/Warsaw' });
    expectValid(events);
    expect(events.filter((e) => e.allDay)).toHaveLength(3);
    expect(events[0]).toMatchObject({
      start: '2025-03-25',
      end: '2025-03-26',
      rrule: 'FREQ=YEARLY',
    });
    expect(events[1]).toMatchObject({ start: '2025-05-12', end: '2025-05-15', rrule: null });
    expect(events[1]?.description).toBe(
      'Три дні панелей і зустрічей. Реєстрація до 1 травня. Програма буде надіслана учасникам окремо.',
    );
    expect(events[2]).toMatchObject({
      rrule: 'FREQ=WEEKLY;UNTIL=20250426;BYDAY=SA',
      exdates: ['2025-03-22'],
    });
    expect(events[3]).toMatchObject({
      allDay: false,
      tz: 'Europe/Warsaw',
      location: 'Kino Muranów',
    });
  });

  it('reads a Nextcloud/CryptPad file and keeps no people, UIDs or X- properties', () => {
    const text = fixture('nextcloud-people.ics');
    const events = parseIcs(text, { defaultZone: 'Europe/Warsaw' });
    expectValid(events);
    expect(events).toHaveLength(4); // the VTODO is not an event
    // A floating time is read in the importer's zone.
    expect(events[1]).toMatchObject({ start: '2025-03-12T09:00', tz: 'Europe/Warsaw' });
    expect(events[2]).toMatchObject({ end: '2025-03-17T08:45', rrule: 'FREQ=DAILY;COUNT=5' });
    expect(events[2]?.overrides).toEqual({ '2025-03-19T08:00': { location: 'Office, Room 2' } });
    const kept = JSON.stringify(events);
    for (const leak of [
      'Anna',
      'Kovalenko',
      'Ihar',
      'mailto',
      'example.org',
      'X-',
      'cryptpad',
      '3f1c2a9e',
      '52.52',
      'Campaign',
    ])
      expect(kept).not.toContain(leak);
  });
});

describe('times and zones', () => {
  it('maps Windows and prefixed zone names to IANA zones', () => {
    expect(zoneFromName('FLE Standard Time')).toBe('Europe/Kyiv');
    expect(zoneFromName('Belarus Standard Time')).toBe('Europe/Minsk');
    expect(zoneFromName('Central European Standard Time')).toBe('Europe/Warsaw');
    expect(zoneFromName('Russian Standard Time')).toBe('Europe/Moscow');
    expect(zoneFromName('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(zoneFromName('Eastern Standard Time')).toBe('America/New_York');
    expect(zoneFromName('pacific standard time')).toBe('America/Los_Angeles');
    expect(zoneFromName('/mozilla.org/20050126_1/Europe/Berlin')).toBe('Europe/Berlin');
    expect(zoneFromName('Not A Zone')).toBeNull();
  });

  it('needs no VTIMEZONE for a Windows name, and keeps a repeating UTC series in UTC', () => {
    const [windows, utc] = parseIcs(
      calendar(
        VEVENT('DTSTART;TZID=Russian Standard Time:20250310T090000\r\nDURATION:PT1H30M'),
        VEVENT(
          'DTSTART:20250310T090000Z\r\nDTEND:20250310T100000Z\r\nRRULE:FREQ=DAILY;UNTIL=20250315T090000',
        ),
      ),
      { defaultZone: 'Europe/Vilnius' },
    );
    expect(windows).toMatchObject({
      tz: 'Europe/Moscow',
      start: '2025-03-10T09:00',
      end: '2025-03-10T10:30',
    });
    // Its instants hold across DST; a local UNTIL is read on the series' clock and written in UTC.
    expect(utc).toMatchObject({
      tz: 'UTC',
      start: '2025-03-10T09:00',
      rrule: 'FREQ=DAILY;UNTIL=20250315T090000Z',
    });
  });

  it('writes a local or date UNTIL of a zoned series in UTC', () => {
    const [local, date] = parseIcs(
      calendar(
        VEVENT(
          'DTSTART;TZID=Europe/Vilnius:20250701T100000\r\nRRULE:FREQ=WEEKLY;UNTIL=20250729T100000',
        ),
        VEVENT('DTSTART;TZID=Europe/Vilnius:20250701T100000\r\nRRULE:FREQ=WEEKLY;UNTIL=20250729'),
      ),
      { defaultZone: 'Europe/Vilnius' },
    );
    expect(local?.rrule).toBe('FREQ=WEEKLY;UNTIL=20250729T070000Z');
    expect(date?.rrule).toBe('FREQ=WEEKLY;UNTIL=20250729T205959Z');
  });

  it('turns extra dates (RDATE) into one-off events and clips long texts', () => {
    const events = parseIcs(
      calendar(
        VEVENT(
          `DTSTART;TZID=Europe/Vilnius:20250301T100000\r\nDTEND;TZID=Europe/Vilnius:20250301T120000\r\nRDATE;TZID=Europe/Vilnius:20250305T150000,20250307T090000\r\nSUMMARY:${'x'.repeat(400)}`,
        ),
      ),
      { defaultZone: 'Europe/Vilnius' },
    );
    expect(events.map((e) => `${e.start}–${e.end}`)).toEqual([
      '2025-03-01T10:00–2025-03-01T12:00',
      '2025-03-05T15:00–2025-03-05T17:00',
      '2025-03-07T09:00–2025-03-07T11:00',
    ]);
    expect(events[0]?.title).toHaveLength(CALENDAR_LIMITS.titleMaxChars);
    const [bell] = parseIcs(
      calendar(VEVENT('DTSTART:20250301T100000Z\r\nSUMMARY:Ring\u0007 the\\n bell\u001b[31m')),
      { defaultZone: 'UTC' },
    );
    expect(bell?.title).toBe('Ring the bell[31m');
  });

  it('reports progress every 500 events and at the end', () => {
    const calls: [number, number][] = [];
    const events = Array.from({ length: 1200 }, (_, i) => single(i));
    parseIcs(calendar(...events), { onProgress: (d, t) => calls.push([d, t]), defaultZone: 'UTC' });
    expect(calls).toEqual([
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ]);
  });
});

describe('hostile files fail whole', () => {
  it('refuses 50,000 nested components before ical.js sees them, folded or not', () => {
    const deep = `BEGIN:VCALENDAR\r\n${'BEGIN:VX\r\n'.repeat(50_000)}`;
    expect(failure(deep).reason).toBe('too-deep');
    const folded = `BEGIN:VCALENDAR\r\n${'BEGI\r\n N:VX\r\n'.repeat(50_000)}`;
    expect(failure(folded).reason).toBe('too-deep');
  });

  it('refuses a file over the size limit, counting UTF-8 bytes', () => {
    const big = calendar(
      VEVENT(
        `DTSTART:20250301T100000Z\r\nDESCRIPTION:${'ж'.repeat(CALENDAR_LIMITS.icsMaxBytes / 2)}`,
      ),
    );
    expect(big.length).toBeLessThan(CALENDAR_LIMITS.icsMaxBytes);
    expect(failure(big).reason).toBe('too-large');
  });

  it('refuses too many events', () => {
    const many = Array.from({ length: CALENDAR_LIMITS.icsMaxEvents + 1 }, (_, i) => single(i));
    expect(failure(calendar(...many)).reason).toBe('too-many-events');
  });

  it('refuses NUL bytes, replacement characters and lone surrogates (a wrong encoding)', () => {
    const good = calendar(single(1));
    expect(failure(good.replace('Event', 'E\u0000v\u0000')).reason).toBe('bad-encoding');
    expect(failure(good.replace('Event', 'Ev\uFFFDnt')).reason).toBe('bad-encoding');
    expect(failure(good.replace('Event', 'Ev\uD800nt')).reason).toBe('bad-encoding');
  });

  it('refuses what is not a calendar', () => {
    expect(failure('').reason).toBe('not-calendar');
    expect(failure('hello, world').reason).toBe('not-calendar');
    expect(failure('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nEND:VCARD').reason).toBe(
      'not-calendar',
    );
    expect(failure('END:VCALENDAR\r\nBEGIN:VCALENDAR').reason).toBe('malformed');
  });

  it('refuses the whole file for one event with a bad start, and says which', () => {
    const events = Array.from({ length: 100 }, (_, i) => single(i));
    events[50] = VEVENT('DTSTART:20251345T100000Z\r\nSUMMARY:Broken');
    const progress: number[] = [];
    let error: unknown;
    let result: ImportedEvent[] | undefined;
    try {
      result = parseIcs(calendar(...events), {
        onProgress: (d) => progress.push(d),
        defaultZone: 'UTC',
      });
    } catch (e) {
      error = e;
    }
    expect(result).toBeUndefined();
    expect(error).toBeInstanceOf(IcsError);
    expect((error as IcsError).reason).toBe('bad-event');
    expect((error as IcsError).message).toMatch(/^event 51 \(line 304\)/);
    expect((error as IcsError).line).toBe(304);
    expect(progress).toEqual([]);
  });

  it('refuses rules and lines that cannot be understood, naming the event', () => {
    const bad = (lines: string): IcsError => failure(calendar(single(0), VEVENT(lines)));
    expect(bad('DTSTART:20250301T100000Z\r\nRRULE:FREQ=FORTNIGHTLY').message).toMatch(/^event 2 /);
    expect(bad('DTSTART:20250301T100000Z\r\nRRULE:FREQ=MINUTELY').reason).toBe('bad-event');
    expect(bad('DTSTART:20250301T100000Z\r\nRRULE:FREQ=WEEKLY;BYMONTHDAY=3').reason).toBe(
      'bad-event',
    );
    expect(bad('DTSTART:20250301T100000Z\r\nEXRULE:FREQ=WEEKLY').reason).toBe('bad-event');
    // Rules that can never occur (the 15th that is also a first Monday; 30 February), which
    // ical.js would look for until the year 20000, are refused before it does.
    for (const rule of [
      'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15;BYDAY=1MO',
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    ]) {
      expect(bad(`DTSTART:20250301T100000Z\r\nRRULE:${rule}`).message).toMatch(
        /^event 2 .*repeat rule \(RRULE\) is not supported/,
      );
    }
    expect(bad('DTSTART:20250301T100000Z\r\na line with no colon').message).toMatch(/^event 2 /);
    expect(bad('SUMMARY:no start').reason).toBe('bad-event');
    expect(bad('DTSTART:20250301T100000Z\r\nDURATION:P1Q').message).toMatch(/^event 2 /);
  });

  it('does not read a VTIMEZONE that would take long to walk, nor a file of too many', () => {
    const event = VEVENT('DTSTART;TZID=Hostile zone:20250301T100000');
    const zone = (parts: number, rule: string): string => {
      const lines = ['BEGIN:VTIMEZONE', 'TZID:Hostile zone'];
      for (let i = 0; i < parts; i++) {
        const kind = i % 2 ? 'DAYLIGHT' : 'STANDARD';
        lines.push(`BEGIN:${kind}`, 'DTSTART:16010101T020000', `RRULE:${rule}`);
        lines.push('TZOFFSETFROM:+0100', `TZOFFSETTO:+0${i % 2 ? 2 : 1}00`, `END:${kind}`);
      }
      return [...lines, 'END:VTIMEZONE'].join('\r\n');
    };
    // Every day of the year since 1601; or a hundred yearly rules since 1601.
    const daily = zone(
      1,
      'FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYDAY=MO,TU,WE,TH,FR,SA,SU',
    );
    expect(failure(calendar(daily, event)).reason).toBe('unknown-zone');
    expect(failure(calendar(zone(100, 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'), event)).reason).toBe(
      'unknown-zone',
    );
    // Outlook's shape (two yearly rules from 1601) is read.
    const outlook = zone(2, 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(parseIcs(calendar(outlook, event), { defaultZone: 'UTC' })).toHaveLength(1);
    const many = Array.from({ length: CALENDAR_LIMITS.icsMaxZones + 1 }, () => outlook);
    expect(failure(calendar(...many, event)).reason).toBe('too-many-zones');
  });

  it('refuses an unknown zone, even with a VTIMEZONE no zone matches or one built to never end', () => {
    const event = VEVENT('DTSTART;TZID=Mars/Olympus:20250301T100000');
    expect(failure(calendar(event)).reason).toBe('unknown-zone');
    const endless = [
      'BEGIN:VTIMEZONE',
      'TZID:Mars/Olympus',
      'BEGIN:STANDARD',
      'DTSTART:15010101T000000',
      'RRULE:FREQ=MINUTELY',
      'TZOFFSETFROM:+0217',
      'TZOFFSETTO:+0217',
      'END:STANDARD',
      'END:VTIMEZONE',
    ].join('\r\n');
    const started = Date.now();
    expect(failure(calendar(endless, event)).reason).toBe('unknown-zone');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
