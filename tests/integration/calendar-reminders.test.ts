// Reminders are computed on the device from its own choice: due once, at the chosen time before
// each occurrence, and content-free unless the user asked for titles.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dueReminders } from '../../src-main/core/calendar/reminders';
import { setReminder } from '../../src-main/core/calendar/reminder-store';
import { updateSettings } from '../../src-main/core/settings/settings';
import { eventInput, withCalendar } from '../support/calendar-clients';
import { client, connected, relayOn, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

const MINUTE = 60_000;

describe('calendar reminders', () => {
  it('are due once per occurrence at the chosen time, and name nothing by default', async () => {
    const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await relayOn(relayDir);
    const ana = withCalendar(await client(relay.url));
    await waitFor('connection', connected(ana));
    const space = await ana.engine.createSpace('Reminders');
    const { eventId } = await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({
        title: 'Embassy meeting',
        start: '2026-03-23T10:00',
        end: '2026-03-23T11:00',
        rrule: 'FREQ=DAILY;COUNT=2',
      }),
    });
    setReminder(ana.vault.db, space.id, eventId, 15);
    const deps = { db: ana.vault.db, calendar: ana.cal.calendar, emit: () => undefined };
    const start = Date.UTC(2026, 2, 23, 8, 0); // 10:00 in Vilnius (UTC+2 in March before the change)
    const fired = new Set<string>();
    // Nothing before 09:45 local.
    expect(dueReminders(deps, start - 40 * MINUTE, start - 16 * MINUTE, fired)).toEqual([]);
    const due = dueReminders(deps, start - 16 * MINUTE, start - 14 * MINUTE, fired);
    expect(due).toEqual([{ spaceId: space.id, eventId, startMs: start, title: null }]);
    // Once only, even if the window is looked at again.
    expect(dueReminders(deps, start - 16 * MINUTE, start - 10 * MINUTE, fired)).toEqual([]);
    // The next day's occurrence has its own reminder; with titles turned on it names the event.
    updateSettings(ana.vault.db, { remindersShowTitle: true });
    const next = dueReminders(deps, start + 1420 * MINUTE, start + 1430 * MINUTE, fired);
    expect(next.map((n) => n.title)).toEqual(['Embassy meeting']);
  });
});
