// Scenario calendar-ics: importing a large .ics file (10,000 events by default, a fifth of them
// repeating, in several zones, with exceptions) through parseIcs, against ical.js's bare parse, and
// exporting the same events, against ical.js serialising the parsed file.
import ICAL from 'ical.js';
import { exportIcs } from '../../src-shared/calendar/ics-export';
import { parseIcs, type ImportedEvent } from '../../src-shared/calendar/ics-import';
import type { Size } from '../lib/args';
import type { Row } from '../lib/report';
import { now, percentile } from '../lib/stats';

const EVENTS: Record<Size, number> = { small: 2_000, default: 10_000, full: 20_000 };
const RUNS: Record<Size, number> = { small: 3, default: 5, full: 5 };
const TARGET_MS_PER_10K = 5_000;

// Google-style definitions; the importer maps these names without reading them, ical.js reads them.
const ZONES: Record<string, [string, string, string, string]> = {
  'Europe/Vilnius': ['+0200', '+0300', '19700329T030000', '19701025T040000'],
  'Europe/Warsaw': ['+0100', '+0200', '19700329T020000', '19701025T030000'],
  'Europe/Kyiv': ['+0200', '+0300', '19700329T030000', '19701025T040000'],
  'America/New_York': ['-0500', '-0400', '19700308T020000', '19701101T020000'],
};

function vtimezone(tzid: string): string[] {
  const [standard, daylight, spring, autumn] = ZONES[tzid] ?? ['+0000', '+0000', '', ''];
  const us = tzid.startsWith('America/');
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:DAYLIGHT',
    `TZOFFSETFROM:${standard}`,
    `TZOFFSETTO:${daylight}`,
    `DTSTART:${spring}`,
    `RRULE:FREQ=YEARLY;BYMONTH=${us ? '3;BYDAY=2SU' : '3;BYDAY=-1SU'}`,
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${daylight}`,
    `TZOFFSETTO:${standard}`,
    `DTSTART:${autumn}`,
    `RRULE:FREQ=YEARLY;BYMONTH=${us ? '11;BYDAY=1SU' : '10;BYDAY=-1SU'}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** A file as a busy organisation's calendar export looks: mostly one-offs, every fifth repeating. */
function generate(count: number): string {
  const zones = Object.keys(ZONES);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bench//EN', 'CALSCALE:GREGORIAN'];
  for (const zone of zones) lines.push(...vtimezone(zone));
  let written = 0;
  for (let i = 0; written < count; i++) {
    const zone = zones[i % zones.length] ?? 'UTC';
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 700)));
    const date = `${day.getUTCFullYear()}${p2(day.getUTCMonth() + 1)}${p2(day.getUTCDate())}`;
    const hour = 8 + (i % 10);
    const start = `${date}T${p2(hour)}${p2((i % 4) * 15)}00`;
    const end = `${date}T${p2(hour + 1)}${p2((i % 4) * 15)}00`;
    const uid = `bench-${i}@example.org`;
    const texts = [
      `SUMMARY:Event ${i}: coordination of the campaign`,
      `LOCATION:Room ${i % 40}`,
      `DESCRIPTION:Agenda for meeting ${i}.\\nDecisions\\, tasks and next steps.`,
      'ORGANIZER;CN=Organiser:mailto:organiser@example.org',
      'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    ];
    const common = [`UID:${uid}`, 'DTSTAMP:20250101T000000Z', ...texts];
    if (i % 5 === 0) {
      lines.push(
        'BEGIN:VEVENT',
        ...common,
        `DTSTART;TZID=${zone}:${start}`,
        `DTEND;TZID=${zone}:${end}`,
      );
      lines.push(i % 10 === 0 ? 'RRULE:FREQ=WEEKLY;COUNT=20' : 'RRULE:FREQ=MONTHLY;BYDAY=1TU,3TH');
      if (i % 10 === 0) {
        const skipped = new Date(day.getTime() + 14 * 86_400_000);
        const skip = `${skipped.getUTCFullYear()}${p2(skipped.getUTCMonth() + 1)}${p2(skipped.getUTCDate())}`;
        lines.push(`EXDATE;TZID=${zone}:${skip}T${start.slice(9)}`, 'END:VEVENT');
        written++;
        if (written < count) {
          // The second occurrence, moved by two hours and renamed.
          const next = new Date(day.getTime() + 7 * 86_400_000);
          const nd = `${next.getUTCFullYear()}${p2(next.getUTCMonth() + 1)}${p2(next.getUTCDate())}`;
          lines.push(
            'BEGIN:VEVENT',
            `UID:${uid}`,
            'DTSTAMP:20250101T000000Z',
            `RECURRENCE-ID;TZID=${zone}:${nd}T${start.slice(9)}`,
            `DTSTART;TZID=${zone}:${nd}T${p2(hour + 2)}0000`,
            `DTEND;TZID=${zone}:${nd}T${p2(hour + 3)}0000`,
            `SUMMARY:Event ${i}: moved`,
            'END:VEVENT',
          );
          written++;
        }
        continue;
      }
      lines.push('END:VEVENT');
    } else if (i % 7 === 0) {
      lines.push('BEGIN:VEVENT', ...common, `DTSTART;VALUE=DATE:${date}`, 'END:VEVENT');
    } else if (i % 3 === 0) {
      lines.push('BEGIN:VEVENT', ...common, `DTSTART:${start}Z`, `DTEND:${end}Z`, 'END:VEVENT');
    } else {
      lines.push(
        'BEGIN:VEVENT',
        ...common,
        `DTSTART;TZID=${zone}:${start}`,
        `DTEND;TZID=${zone}:${end}`,
        'END:VEVENT',
      );
    }
    written++;
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** ical.js alone: parse, wrap, and read each event's times and title (what any importer must do). */
function bareIcalJs(text: string): number {
  const calendar = new ICAL.Component(ICAL.parse(text));
  let seen = 0;
  for (const comp of calendar.getAllSubcomponents('vevent')) {
    // No automatic exception lookup: relating every exception to every event is quadratic.
    const event = new ICAL.Event(comp, { exceptions: [] });
    if (event.startDate && event.endDate && event.summary !== undefined) seen++;
  }
  return seen;
}

function median(work: () => void, runs: number): number {
  work(); // warm-up: JIT, zone data
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    work();
    times.push(now() - t);
  }
  return percentile(times, 50);
}

export async function runCalendarIcs(size: Size): Promise<Row[]> {
  const count = EVENTS[size];
  const runs = RUNS[size];
  const text = generate(count);
  process.stderr.write(
    `calendar-ics: ${count} events, ${(text.length / 1024 / 1024).toFixed(1)} MB, ${runs} runs…\n`,
  );
  let progressCalls = 0;
  let imported: ImportedEvent[] = [];
  const importMs = median(() => {
    progressCalls = 0;
    imported = parseIcs(text, { defaultZone: 'Europe/Vilnius', onProgress: () => progressCalls++ });
  }, runs);
  const bareMs = median(() => void bareIcalJs(text), runs);
  const exportMs = median(() => void exportIcs(imported, { blur: 'none' }), runs);
  const jcal: unknown = ICAL.parse(text);
  const stringifyMs = median(() => void ICAL.stringify(jcal as unknown[]), runs);
  const limit = (TARGET_MS_PER_10K * count) / 10_000;
  const base = { scenario: 'calendar-ics', unit: 'ms' } as const;
  return [
    {
      ...base,
      case: `parseIcs, ${count} events (a fifth repeating; ${progressCalls} progress calls) vs bare ical.js parse + ICAL.Event`,
      metric: 'import time (median)',
      suviaz: importMs,
      baseline: bareMs,
      target: `≤ ${limit} ms`,
      met: importMs <= limit,
      note: `${imported.length} events out, ${progressCalls} progress callbacks per import`,
    },
    {
      ...base,
      case: `exportIcs of the ${imported.length} imported events vs ICAL.stringify of the parsed file`,
      metric: 'export time (median)',
      suviaz: exportMs,
      baseline: stringifyMs,
    },
  ];
}
