// A weekly series shared whole, through a real relay, after one meeting was moved, another renamed
// and another deleted: its recipient, by link or as a member of another space, sees each meeting
// when and as the sharer does (not a moved one at its old time), in what it opens and keeps.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventInput, SharedEventView } from '../../src-shared/calendar/calendar-api';
import { sharedOccurrences } from '../../src-shared/calendar/shared-occurrences';
import {
  deviceOf,
  eventInput,
  withCalendar,
  type CalendarClient,
} from '../support/calendar-clients';
import {
  addAndAccept,
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
} from '../support/sync-clients';

afterEach(runCleanups);

const TZ = 'Europe/Vilnius';
const at = (local: string): number => DateTime.fromISO(local, { zone: TZ }).toMillis();

/**
 * A wall-clock time `weeks` and `days` after the Monday two weeks from now: a series shares only
 * its upcoming changes, so its meetings must be ahead of whenever the test runs.
 */
const FIRST_MONDAY = DateTime.now().setZone(TZ).startOf('week').plus({ weeks: 2 });
const wallTime = (weeks: number, days: number, time: string): string =>
  `${FIRST_MONDAY.plus({ weeks, days }).toFormat('yyyy-MM-dd')}T${time}`;

/** Mondays 10:00–11:00 from that Monday, six of them. */
const SERIES: EventInput = eventInput({
  title: 'Coalition meeting',
  location: 'Office',
  start: wallTime(0, 0, '10:00'),
  end: wallTime(0, 0, '11:00'),
  rrule: 'FREQ=WEEKLY;COUNT=6',
});
/** The 2nd moved to its Wednesday 15:00; the 3rd renamed and relocated; the 4th deleted. */
const MOVED_FROM = wallTime(1, 0, '10:00');
const MOVED = { start: wallTime(1, 2, '15:00'), end: wallTime(1, 2, '16:00') };
const RENAMED_SLOT = wallTime(2, 0, '10:00');
const RENAMED_END = wallTime(2, 0, '11:00');
const RENAMED = { title: 'Coalition meeting: budget', location: 'Library' };
const DELETED = wallTime(3, 0, '10:00');
/** The weeks of the series, as the recipient's view is asked for them. */
const WEEKS = { from: at(wallTime(0, 0, '00:00')), to: at(wallTime(6, 0, '00:00')) };

async function setting() {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
  const ana = withCalendar(await client(relay.url));
  const dasha = withCalendar(await client(relay.url));
  for (const c of [ana, dasha]) await waitFor('connection', connected(c));
  const space = await ana.engine.createSpace('Coalition');
  const spaceId = space.id;
  const { eventId } = await ana.cal.calendar.save({ spaceId, event: SERIES });
  await ana.cal.calendar.save({
    spaceId,
    eventId,
    event: { ...SERIES, ...MOVED },
    occurrence: { key: MOVED_FROM, scope: 'this' },
  });
  await ana.cal.calendar.save({
    spaceId,
    eventId,
    event: { ...SERIES, ...RENAMED, start: RENAMED_SLOT, end: RENAMED_END },
    occurrence: { key: RENAMED_SLOT, scope: 'this' },
  });
  await ana.cal.removeEvent({ spaceId, eventId, occurrence: { key: DELETED, scope: 'this' } });
  return { ana, dasha, spaceId, eventId };
}

/** What the sharer's own calendar shows over those weeks. */
function sharerSees(ana: CalendarClient, spaceId: string) {
  return ana.cal.calendar.range({ ...WEEKS, spaceId }).items.map((i) => ({
    startMs: i.startMs,
    endMs: i.endMs,
    title: i.title,
    location: i.location,
  }));
}

/** What the recipient's "Shared with me" shows of the shared series over those weeks. */
const recipientSees = (shared: SharedEventView) =>
  sharedOccurrences(shared, WEEKS.from, WEEKS.to, TZ).map((o) => ({
    startMs: o.startMs,
    endMs: o.endMs,
    title: o.title,
    location: o.location,
  }));

function expectAsTheSharerSees(shared: SharedEventView, sharer: ReturnType<typeof sharerSees>) {
  const shown = recipientSees(shared);
  const starts = shown.map((o) => o.startMs);
  // The moved meeting at its new time, and not at its old one.
  expect(shown).toContainEqual({
    startMs: at(MOVED.start),
    endMs: at(MOVED.end),
    title: SERIES.title,
    location: SERIES.location,
  });
  expect(starts).not.toContain(at(MOVED_FROM));
  // The renamed one with its own title and place; the deleted one absent.
  expect(shown).toContainEqual({
    startMs: at(RENAMED_SLOT),
    endMs: at(RENAMED_END),
    ...RENAMED,
  });
  expect(starts).not.toContain(at(DELETED));
  expect(shown).toHaveLength(5);
  // Meeting for meeting what Ana's calendar shows.
  expect(shown).toEqual(sharer);
}

describe('a weekly series shared whole, with a moved, a renamed and a deleted meeting', () => {
  it('by link shows its holder each meeting as the sharer sees it, also once kept', async () => {
    const { ana, dasha, spaceId, eventId } = await setting();
    const sharer = sharerSees(ana, spaceId);
    const { link } = await ana.cal.sharing.shareLink({ spaceId, eventId, days: 3 });
    expectAsTheSharerSees(await dasha.cal.sharing.openShared(link), sharer);
    const kept = dasha.cal.sharing.shared();
    expect(kept).toHaveLength(1);
    expectAsTheSharerSees(kept[0] as SharedEventView, sharer);
  });

  it('with a member of another space shows them each meeting as the sharer sees it', async () => {
    const { ana, dasha, spaceId, eventId } = await setting();
    const through = await ana.engine.createSpace('Ana and Dasha');
    await addAndAccept(ana, dasha, through.id, 'editor');
    await ana.cal.sharing.shareWith({
      spaceId,
      eventId,
      toSpaceId: through.id,
      deviceKey: deviceOf(dasha),
    });
    await waitFor('Dasha receives it', () => dasha.cal.sharing.shared().length === 1);
    expectAsTheSharerSees(
      dasha.cal.sharing.shared()[0] as SharedEventView,
      sharerSees(ana, spaceId),
    );
  });
});
