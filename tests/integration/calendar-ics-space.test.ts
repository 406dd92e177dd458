// .ics files into and out of a space through the calendar API: a real exporter's file keeps every
// occurrence, a hostile one stores nothing, and the exported file names no one and carries no id.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceOf, eventInput, withCalendar } from '../support/calendar-clients';
import { client, connected, relayOn, runCleanups, waitFor } from '../support/sync-clients';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

afterEach(runCleanups);

const YEAR_2025 = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };
const fixture = (name: string) => readFileSync(`tests/fixtures/ics/${name}`, 'utf8');

/** Occurrences ical.js itself finds in the range (the oracle the import is held to). */
function icalOccurrences(text: string, from: number, to: number): number {
  const calendar = new ICAL.Component(ICAL.parse(text));
  let count = 0;
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    if (vevent.hasProperty('recurrence-id')) continue;
    const event = new ICAL.Event(vevent);
    const it = event.iterator();
    for (let next = it.next(); next; next = it.next()) {
      const at = next.toJSDate().getTime();
      if (at >= to) break;
      if (at >= from) count++;
    }
  }
  return count;
}

async function spaceOfOne() {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
  const ana = withCalendar(await client(relay.url));
  await waitFor('connection', connected(ana));
  const space = await ana.engine.createSpace('Exile coordination');
  return { ana, space };
}

describe('ICS in a space', () => {
  it('a Google Calendar export keeps every occurrence, and progress is reported', async () => {
    const { ana, space } = await spaceOfOne();
    const text = fixture('google-vilnius.ics');
    const { imported } = await ana.cal.ics.importIcs({
      spaceId: space.id,
      text,
      orgId: null,
      visibility: 'coalition',
    });
    expect(imported).toBeGreaterThan(0);
    const items = ana.cal.calendar.range({ ...YEAR_2025, spaceId: space.id }).items;
    expect(items.length).toBe(icalOccurrences(text, YEAR_2025.from, YEAR_2025.to));
    const progress = ana.events.filter((e) => e.name === 'calendar.importProgress');
    expect(progress.at(-1)?.payload).toEqual({ done: imported, total: imported });
  });

  it('a hostile file is refused with a clear error and stores nothing', async () => {
    const { ana, space } = await spaceOfOne();
    const good = fixture('google-vilnius.ics');
    // A good file with one broken event in the middle: all or nothing.
    const broken = good.replace('DTSTART;TZID=Europe/Vilnius:20250106T100000', 'DTSTART:yesterday');
    const nested = `BEGIN:VCALENDAR\r\n${'BEGIN:X\r\n'.repeat(50_000)}END:VCALENDAR\r\n`;
    for (const text of [broken, nested, 'not a calendar at all', `${good}\u0000`]) {
      await expect(
        ana.cal.ics.importIcs({ spaceId: space.id, text, orgId: null, visibility: 'coalition' }),
      ).rejects.toMatchObject({ code: 'ics-invalid' });
    }
    expect(ana.cal.calendar.range({ ...YEAR_2025, spaceId: space.id }).items).toEqual([]);
  });

  it('a file that would take the space past its events limit is refused whole', async () => {
    const { ana, space } = await spaceOfOne();
    const oneOffs = (count: number, year: number): string =>
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Test//EN',
        ...Array.from({ length: count }, (_, i) => {
          const at = new Date(Date.UTC(year, 0, 1) + i * 60_000);
          const stamp = at.toISOString().replace(/[-:]|\.\d+/g, '');
          return `BEGIN:VEVENT\r\nUID:${year}-${i}\r\nDTSTAMP:${stamp}\r\nDTSTART:${stamp}\r\nSUMMARY:Shift ${i}\r\nEND:VEVENT`;
        }),
        'END:VCALENDAR',
      ].join('\r\n');
    const into = (text: string) =>
      ana.cal.ics.importIcs({ spaceId: space.id, text, orgId: null, visibility: 'coalition' });
    // Each file within the import's own limit; together past the space's.
    expect(await into(oneOffs(20_000, 2024))).toEqual({ imported: 20_000 });
    expect(await into(oneOffs(20_000, 2025))).toEqual({ imported: 20_000 });
    await expect(into(oneOffs(10_001, 2026))).rejects.toMatchObject({
      code: 'invalid-args',
      message: expect.stringContaining('can hold at most 50000'),
    });
    const held = (year: number) =>
      ana.cal.calendar.range({
        from: Date.UTC(year, 0, 1),
        to: Date.UTC(year + 1, 0, 1) - 1,
        spaceId: space.id,
      }).items.length;
    expect([held(2024), held(2025), held(2026)]).toEqual([20_000, 20_000, 0]);
  }, 120_000);

  it('the exported file names no one and carries no id, key or app marker', async () => {
    const { ana, space } = await spaceOfOne();
    ana.name = 'Alesia Marchuk';
    const { eventId } = await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({
        title: 'Picket',
        rrule: 'FREQ=WEEKLY;COUNT=3',
        start: '2026-03-23T10:15',
        end: '2026-03-23T11:40',
      }),
    });
    const { ics } = ana.cal.ics.exportIcs({ spaceId: space.id, blur: 'hour' });
    for (const secret of [
      eventId,
      space.id,
      space.docId,
      deviceOf(ana),
      'Alesia',
      'Exile coordination',
    ]) {
      expect(ics).not.toContain(secret);
    }
    expect(ics.toLowerCase()).not.toContain('suviaz');
    expect(ics).not.toMatch(/^(X-|ORGANIZER|ATTENDEE)/m);
    expect(ics).toContain('SUMMARY:Picket');
    // Blurred to the hour: 10:15–11:40 becomes 10:00–12:00.
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Vilnius:20260323T100000/);
    expect(ics).toMatch(/DTEND;TZID=Europe\/Vilnius:20260323T120000/);
    const again = ana.cal.ics.exportIcs({ spaceId: space.id, blur: 'none' }).ics;
    const uid = (text: string) => /^UID:(.*)$/m.exec(text)?.[1];
    expect(uid(again)).not.toBe(uid(ics));
  });
});
