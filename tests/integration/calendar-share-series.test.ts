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

/** Mondays 10:00–11:00 from 23 March, six of them. */
const SERIES: EventInput = eventInput({
  title: 'Coalition meeting',
  location: 'Office',
  rrule: 'FREQ=WEEKLY;COUNT=6',
});
/** 30 March moved to Wednesday 1 April 15:00; 6 April renamed and relocated; 13 April deleted. */
const MOVED_FROM = '2026-03-30T10:00';
const MOVED = { start: '2026-04-01T15:00', end: '2026-04-01T16:00' };
const RENAMED_SLOT = '2026-04-06T10:00';
const RENAMED = { title: 'Coalition meeting: budget', location: 'Library' };
const DELETED = '2026-04-13T10:00';
/** The weeks of the series, as the recipient's view is asked for them. */
const WEEKS = { from: at('2026-03-23T00:00'), to: at('2026-05-04T00:00') };

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
    event: { ...SERIES, ...RENAMED, start: RENAMED_SLOT, end: '2026-04-06T11:00' },
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
    endMs: at('2026-04-06T11:00'),
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
