// ICS import against files built to stall main's event loop (which also runs the idle auto-lock) or
// to get their own text into an error message. No test here measures time (the machines are
// shared): work that grows faster than the file runs many times past a generous per-test timeout,
// which fails the test once it returns, and where the work can be counted, it is counted.
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import { joinLines } from '../../src-shared/calendar/ics-guard';
import { parseIcs } from '../../src-shared/calendar/ics-import';
import { parseRule } from '../../src-shared/calendar/ics-rule';
import { failure } from '../support/ics-failure';

afterEach(() => {
  vi.restoreAllMocks();
});

const VEVENT = (lines: string): string =>
  `BEGIN:VEVENT\r\nUID:${Math.random()}\r\nDTSTAMP:20250101T000000Z\r\n${lines}\r\nEND:VEVENT`;
const calendar = (...events: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events, 'END:VCALENDAR'].join('\r\n');

/** Many distinct UTC date-times an hour apart, in iCalendar's compact form. */
const hours = (count: number): string =>
  Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString().replace(/[-:]|\.\d+/g, ''),
  ).join(',');

const MB = 1024 * 1024;
// The quadratic reading of 1 MB takes minutes; the linear one a fraction of a second.
const BOUNDED = 20_000;

describe('work bounded by the limits, not by the file', () => {
  it(
    'reads a title behind 1 MB of spaces without a line break, cut to its limit',
    () => {
      const title = 'x'.repeat(CALENDAR_LIMITS.titleMaxChars + 100);
      const [event] = parseIcs(
        calendar(VEVENT(`DTSTART:20250301T100000Z\r\nSUMMARY:${' '.repeat(MB)}${title}`)),
        { defaultZone: 'UTC' },
      );
      expect(event?.title).toBe(title.slice(0, CALENDAR_LIMITS.titleMaxChars));
    },
    BOUNDED,
  );

  it('joins lines exactly as the regex it replaces did', () => {
    // A fixed pseudo-random sequence, so that a failure can be reproduced.
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed % n;
    };
    const alphabet = [' ', '\n', '\t', 'a', 'b', '\u00a0', '\u2028', '\u3000', 'ж'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: next(16) }, () => alphabet[next(alphabet.length)]).join('');
      expect(joinLines(text)).toBe(text.replace(/\s*\n\s*/g, ' '));
    }
  });

  it(
    'refuses 200,000 excluded or extra dates before converting any of them',
    () => {
      const convert = vi.spyOn(DateTime, 'fromObject');
      const series = 'DTSTART;TZID=Europe/Vilnius:20250301T100000\r\nRRULE:FREQ=HOURLY';
      const excluded = failure(calendar(VEVENT(`${series}\r\nEXDATE:${hours(200_000)}`)));
      expect(excluded.reason).toBe('bad-event');
      expect(excluded.message).toBe(
        `event 1 (line 4): it has more than ${CALENDAR_LIMITS.exceptionsPerEvent} exceptions`,
      );
      // Each of them, read, is a conversion from UTC to the series' zone.
      expect(convert.mock.calls.length).toBeLessThan(CALENDAR_LIMITS.exceptionsPerEvent);

      const extra = failure(calendar(VEVENT(`${series}\r\nRDATE:${hours(200_000)}`)));
      expect(extra.message).toBe(
        `event 1 (line 4): it has more than ${CALENDAR_LIMITS.exceptionsPerEvent} extra dates`,
      );
      // Counted over all of the event's EXDATE lines, not line by line.
      const lines = hours(CALENDAR_LIMITS.exceptionsPerEvent + 1)
        .split(',')
        .map((d) => `EXDATE:${d}`);
      expect(failure(calendar(VEVENT([series, ...lines].join('\r\n')))).message).toMatch(
        /more than \d+ exceptions$/,
      );
      expect(convert.mock.calls.length).toBeLessThan(CALENDAR_LIMITS.exceptionsPerEvent);
    },
    BOUNDED,
  );

  it('still reads as many excluded dates as an event may have', () => {
    const dates = hours(CALENDAR_LIMITS.exceptionsPerEvent);
    const [event] = parseIcs(
      calendar(VEVENT(`DTSTART:20250101T000000Z\r\nRRULE:FREQ=HOURLY\r\nEXDATE:${dates}`)),
      { defaultZone: 'UTC' },
    );
    expect(event?.exdates).toHaveLength(CALENDAR_LIMITS.exceptionsPerEvent);
  });
});

describe('text that hides or turns around what it says', () => {
  it('is read without invisible and bidi characters in titles and locations', () => {
    const [event] = parseIcs(
      calendar(
        VEVENT(
          'DTSTART:20260310T100000Z\r\nSUMMARY:Hi\u202Egnp.exe\r\nLOCATION:\u2066Room\u200B 4\u2069',
        ),
      ),
      { defaultZone: 'UTC' },
    );
    expect(event?.title).toBe('Hignp.exe');
    expect(event?.location).toBe('Room 4');
  });
});

describe('error messages never quote the file', () => {
  const CANARY = 'Kanarejka7Q';

  it('names an unknown zone by the event, not by its TZID', () => {
    const error = failure(calendar(VEVENT(`DTSTART;TZID=${CANARY}:20250301T100000`)));
    expect(error.reason).toBe('unknown-zone');
    expect(error.message).toMatch(/^event 1 \(line 4\): its time zone \(TZID\) is not known/);
    expect(error.message).not.toContain(CANARY);
  });

  it('does not pass on what ical.js says of a rule, which quotes its values', () => {
    // ical.js's own messages read like this one (`invalid BYDAY value "…"`).
    vi.spyOn(ICAL.Recur, 'fromString').mockImplementation(() => {
      throw new Error(`invalid BYDAY value "${CANARY}"`);
    });
    const error = failure(calendar(VEVENT('DTSTART:20250301T100000Z\r\nRRULE:FREQ=DAILY')));
    expect(error.reason).toBe('bad-event');
    expect(error.message).toBe('event 1 (line 4): its repeat rule (RRULE) cannot be understood');
  });

  it("keeps the rule reader's own reasons, which name parts but quote nothing", () => {
    // ical.js drops parts it does not know, so this is the reader alone (the export uses it too).
    expect(() => parseRule(`FREQ=DAILY;${CANARY}=1`)).toThrow(/^a part of the rule is not known$/);
    const error = failure(
      calendar(VEVENT('DTSTART:20250301T100000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3;UNTIL=20250401')),
    );
    expect(error.message).toBe(
      'event 1 (line 4): its repeat rule (RRULE) cannot be understood: it has both COUNT and UNTIL',
    );
  });
});
