// Deleting an event whose member share cannot be withdrawn (the sharer was made a viewer in the
// space it went through): the answer of calendar.delete, through the validated call the editor
// uses, names that space and counts the share, with no device key; a sharer who can still write
// there withdraws it and is told of none.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventDeleteResult } from '../../src-shared/calendar/calendar-api';
import { dispatch, type HandlerTable } from '../../src-main/core/api/dispatch';
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

/** Dasha shares her event with Ana through a space Ana administers; Ana may make her a viewer. */
async function shared(dashaRole: 'viewer' | 'editor') {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
  const ana = withCalendar(await client(relay.url));
  const dasha = withCalendar(await client(relay.url));
  for (const c of [ana, dasha]) await waitFor('connection', connected(c));
  const through = await ana.engine.createSpace('Ana and Dasha');
  await addAndAccept(ana, dasha, through.id, 'editor');
  const spaceId = (await dasha.engine.createSpace('Dasha’s own')).id;
  const { eventId } = await dasha.cal.calendar.save({
    spaceId,
    event: eventInput({ title: 'Rehearsal' }),
  });
  await dasha.cal.sharing.shareWith({
    spaceId,
    eventId,
    toSpaceId: through.id,
    deviceKey: deviceOf(ana),
  });
  await waitFor('Ana receives it', () => ana.cal.sharing.shared().length === 1);
  if (dashaRole === 'viewer') {
    await ana.engine.setRole(through.id, deviceOf(dasha), 'viewer');
    await waitFor(
      'Dasha is a viewer',
      () =>
        dasha.engine
          .listSpaces()
          .find((s) => s.id === through.id)
          ?.members.find((m) => m.isMe)?.role === 'viewer',
    );
  }
  return { ana, dasha, spaceId, eventId };
}

/** Deletes as the editor does: through the validated call, answered as the contract says. */
async function deleteAt(c: CalendarClient, spaceId: string, eventId: string) {
  const wired: Partial<HandlerTable> = { 'calendar.delete': (args) => c.cal.removeEvent(args) };
  const context = { isUnlocked: () => true, logError: () => undefined };
  const outcome = await dispatch(wired as HandlerTable, context, 'calendar.delete', {
    spaceId,
    eventId,
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return EventDeleteResult.parse(outcome.value);
}

describe('deleting an event shared with a member', () => {
  it('answers the share that cannot be withdrawn, by the name of the space it went through', async () => {
    const { ana, dasha, spaceId, eventId } = await shared('viewer');
    const answer = await deleteAt(dasha, spaceId, eventId);
    expect(answer).toEqual({ notWithdrawn: [{ throughName: 'Ana and Dasha', count: 1 }] });
    expect(JSON.stringify(answer)).not.toContain(deviceOf(ana));
    expect(ana.cal.sharing.shared()).toHaveLength(1);
  });

  it('answers none when the share is withdrawn', async () => {
    const { ana, dasha, spaceId, eventId } = await shared('editor');
    expect(await deleteAt(dasha, spaceId, eventId)).toEqual({ notWithdrawn: [] });
    await waitFor('Ana’s copy goes', () => ana.cal.sharing.shared().length === 0);
  });
});
