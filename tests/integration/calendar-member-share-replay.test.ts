// A withdrawn member share written back by another member (a modified app copies the sealed entry
// it saw): under a new id, under the same id, or into another space that member shares with the
// recipient. The recipient's app keeps none of them, now or at its next unlock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCalendarSession } from '../../src-main/core/calendar/calendar-session';
import { EVENT_SHARES_MAP } from '../../src-main/core/calendar/calendar-sharing';
import {
  deviceOf,
  eventInput,
  withCalendar,
  type CalendarClient,
} from '../support/calendar-clients';
import { entriesAt } from '../support/member-share-scene';
import {
  addAndAccept,
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const TITLE = 'Border crossing plan';

/** A member's modified app writing straight into a space's document. */
async function writeEntry(c: Client, spaceId: string, id: string, value: unknown): Promise<void> {
  const access = c.engine.docAccess();
  const group = access.group(spaceId);
  if (!group) throw new Error('not a member');
  await access.write(group, (doc) => doc.getMap<unknown>(EVENT_SHARES_MAP).set(id, value));
}

const vaultText = (c: CalendarClient): string =>
  c.vault.db
    .prepare<[], { payload: string }>('SELECT payload FROM calendar_shared')
    .all()
    .map((row) => row.payload)
    .join();

describe('a withdrawn member share written back by another member', () => {
  it('is not kept again, in any space, now or at the next unlock', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const ana = withCalendar(await client(relay.url));
    const dasha = withCalendar(await client(relay.url));
    const boris = withCalendar(await client(relay.url));
    for (const c of [ana, dasha, boris]) await waitFor('connection', connected(c));
    const through = (await ana.engine.createSpace('Ana, Boris and Dasha')).id;
    await addAndAccept(ana, dasha, through, 'editor');
    await addAndAccept(ana, boris, through, 'editor');
    // Another space the three share, which Boris administers.
    const other = (await boris.engine.createSpace('Boris’s circle')).id;
    await addAndAccept(boris, dasha, other, 'editor');
    await addAndAccept(boris, ana, other, 'editor');

    const own = (await ana.engine.createSpace('Ana’s own')).id;
    const { eventId } = await ana.cal.calendar.save({
      spaceId: own,
      event: eventInput({ title: TITLE }),
    });
    await ana.cal.sharing.shareWith({
      spaceId: own,
      eventId,
      toSpaceId: through,
      deviceKey: deviceOf(dasha),
    });
    await waitFor('Dasha receives it', () => dasha.cal.sharing.shared().length === 1);
    await waitFor('Boris’s app sees the entry', () => entriesAt(boris, through)?.size === 1);
    const [[id, sealed]] = [...(entriesAt(boris, through) ?? [])] as [[string, unknown]];

    const [share] = ana.cal.sharing.memberShares({ spaceId: own, eventId });
    await ana.cal.sharing.stopMemberShare(share?.id ?? '');
    await waitFor('Dasha’s copy goes', () => dasha.cal.sharing.shared().length === 0);
    expect(vaultText(dasha)).not.toContain(TITLE);

    // Boris writes the sealed entry back: under its id and a new one, here and in his space.
    const newId = 'b'.repeat(32);
    await writeEntry(boris, through, id, sealed);
    await writeEntry(boris, through, newId, sealed);
    await writeEntry(boris, other, id, sealed);
    await writeEntry(boris, other, newId, sealed);
    await waitFor(
      'Dasha’s documents hold all four copies',
      () => entriesAt(dasha, through)?.size === 2 && entriesAt(dasha, other)?.size === 2,
    );

    expect(dasha.cal.sharing.shared()).toEqual([]);
    await dasha.cal.sharing.sweepLinks();
    // The next unlock: a new session, nothing of the last one's in memory.
    const again = createCalendarSession(dasha.vault.db, dasha.engine, () => undefined);
    cleanups.push(() => again.stop());
    expect(again.sharing.shared()).toEqual([]);
    expect(vaultText(dasha)).not.toContain(TITLE);

    // Ana shares it again, through Boris's space this time: a new entry, kept as any share is.
    await ana.cal.sharing.shareWith({
      spaceId: own,
      eventId,
      toSpaceId: other,
      deviceKey: deviceOf(dasha),
    });
    await waitFor('Dasha receives the new share', () => again.sharing.shared().length === 1);
    expect(again.sharing.shared()[0]?.details.title).toBe(TITLE);
  });
});
