// Reminders are computed on the device from its own choice: due once, at the chosen time before
// each occurrence, and content-free unless the user asked for titles.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dueReminders, startReminders } from '../../src-main/core/calendar/reminders';
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

  it('after the machine slept, ring only for what was due within the last minutes', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const ana = withCalendar(await client(relay.url));
    await waitFor('connection', connected(ana));
    const space = await ana.engine.createSpace('Reminders');
    const at = (hour: number) => `2026-03-23T${String(hour).padStart(2, '0')}:00`;
    // Meetings at 10:00, 13:00 and 17:00 (Vilnius), each with a reminder 5 minutes before.
    for (const hour of [10, 13, 17]) {
      const { eventId } = await ana.cal.calendar.save({
        spaceId: space.id,
        event: eventInput({ title: `At ${hour}`, start: at(hour), end: at(hour + 1) }),
      });
      setReminder(ana.vault.db, space.id, eventId, 5);
    }
    updateSettings(ana.vault.db, { remindersShowTitle: true });
    const local = (hour: number, minute: number) => Date.UTC(2026, 2, 23, hour - 2, minute);
    let clock = local(8, 0);
    const rung: (string | null)[] = [];
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const reminders = startReminders({
        db: ana.vault.db,
        calendar: ana.cal.calendar,
        emit: (_event, payload) => rung.push((payload as { title: string | null }).title),
        now: () => clock,
      });
      vi.advanceTimersByTime(20_000);
      expect(rung).toEqual([]);
      // The lid closed at 08:00 and opened at 16:58: the 10:00 and 13:00 reminders are long past.
      clock = local(16, 58);
      vi.advanceTimersByTime(20_000);
      expect(rung).toEqual(['At 17']);
      reminders.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
