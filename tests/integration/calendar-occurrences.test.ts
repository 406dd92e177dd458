// One occurrence of a series, changed as the views change it: what it has of its own survives a
// move of it, a split of the series keeps its reminder, and a change to an occurrence that is no
// longer there says so instead of reporting a save that stored nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setReminder } from '../../src-main/core/calendar/reminder-store';
import { inputOfView, movedInput } from '../../src-renderer/calendar/move-input';
import { eventInput, withCalendar } from '../support/calendar-clients';
import { client, connected, relayOn, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

const MARCH = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 4, 1) };
const HOUR = 3_600_000;
const ZONE = 'Europe/Vilnius';

/** Ana alone with a space and a weekly series of four on Mondays at 10:00. */
async function weekly() {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
  const ana = withCalendar(await client(relay.url));
  await waitFor('connection', connected(ana));
  const space = await ana.engine.createSpace('Coalition');
  const series = eventInput({
    title: 'Planning',
    description: 'The usual agenda',
    rrule: 'FREQ=WEEKLY;COUNT=4',
  });
  const { eventId } = await ana.cal.calendar.save({ spaceId: space.id, event: series });
  const items = () => ana.cal.calendar.range({ ...MARCH, spaceId: space.id }).items;
  return { ana, relay, spaceId: space.id, eventId, series, items };
}

describe('one occurrence of a series', () => {
  it('keeps its own description when it is moved', async () => {
    const { ana, spaceId, eventId, series, items } = await weekly();
    const key = '2026-03-30T10:00';
    await ana.cal.calendar.save({
      spaceId,
      eventId,
      event: { ...series, start: key, end: '2026-03-30T11:00', description: 'Its own agenda' },
      occurrence: { key, scope: 'this' },
    });
    expect(ana.cal.calendar.get(spaceId, eventId, key).occurrenceDetails?.description).toBe(
      'Its own agenda',
    );

    // Dragged an hour later, as the week view saves it.
    const item = items().find((i) => i.key === key);
    if (!item) throw new Error('no such occurrence');
    const view = ana.cal.calendar.get(spaceId, eventId, key);
    const before = inputOfView(view);
    if (!before) throw new Error('the event has no details');
    const span = { startMs: item.startMs + HOUR, endMs: item.endMs + HOUR };
    await ana.cal.calendar.save({
      spaceId,
      eventId,
      event: movedInput(before, item, span, ZONE, 'this', view.occurrenceDetails),
      occurrence: { key, scope: 'this' },
    });

    const after = ana.cal.calendar.get(spaceId, eventId, key);
    expect(after.occurrenceDetails?.description).toBe('Its own agenda');
    expect(after.details?.description).toBe('The usual agenda');
    expect(items().find((i) => i.key === key)?.startMs).toBe(item.startMs + HOUR);
  });

  it('split off with the following ones, keeps the reminder the series had', async () => {
    const { ana, spaceId, eventId, series } = await weekly();
    setReminder(ana.vault.db, spaceId, eventId, 30);
    const key = '2026-04-06T10:00';
    const { eventId: rest } = await ana.cal.calendar.save({
      spaceId,
      eventId,
      event: { ...series, start: key, end: '2026-04-06T11:00', title: 'Planning, new room' },
      occurrence: { key, scope: 'following' },
    });
    expect(rest).not.toBe(eventId);
    expect(ana.cal.calendar.get(spaceId, rest).reminderMinutes).toBe(30);
    expect(ana.cal.calendar.get(spaceId, eventId).reminderMinutes).toBe(30);
  });

  it('split off with the following ones, is stored as one change: no half of it alone', async () => {
    const { ana, relay, spaceId, eventId, series, items } = await weekly();
    // Offline, so that the outbox keeps what the split stored.
    await relay.close();
    await waitFor('offline', () => !connected(ana)());
    const outbox = () =>
      (ana.vault.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
    const before = outbox();
    const key = '2026-04-06T10:00';
    await ana.cal.calendar.save({
      spaceId,
      eventId,
      event: { ...series, start: key, end: '2026-04-06T11:00', title: 'Planning, new room' },
      occurrence: { key, scope: 'following' },
    });
    expect(outbox()).toBe(before + 1);
    expect(items().map((i) => i.title)).toEqual([
      'Planning',
      'Planning',
      'Planning, new room',
      'Planning, new room',
    ]);
  });

  it('that is no longer in the series is not saved or deleted as if it were', async () => {
    const { ana, spaceId, eventId, series, items } = await weekly();
    const gone = '2026-04-13T10:00';
    // Another device cut the series short while this one had its last occurrence open.
    await ana.cal.calendar.save({
      spaceId,
      eventId,
      event: { ...series, rrule: 'FREQ=WEEKLY;COUNT=2' },
    });
    const stale = { spaceId, eventId, occurrence: { key: gone, scope: 'this' as const } };
    await expect(
      ana.cal.calendar.save({
        ...stale,
        event: { ...series, start: gone, end: '2026-04-13T11:00', title: 'Moved' },
      }),
    ).rejects.toMatchObject({ code: 'occurrence-changed' });
    await expect(ana.cal.calendar.remove(stale)).rejects.toMatchObject({
      code: 'occurrence-changed',
    });
    expect(items().map((i) => i.title)).toEqual(['Planning', 'Planning']);
  });
});
