// Deleting an event whose member share cannot be withdrawn (the sharer was made a viewer in the
// space it went through): the answer of calendar.delete, through the validated call the editor
// uses, names that space and counts the share, with no device key; a sharer who can still write
// there withdraws it and is told of none.
import { afterEach, describe, expect, it } from 'vitest';
import { EventDeleteResult } from '../../src-shared/calendar/calendar-api';
import { deviceOf, type CalendarClient } from '../support/calendar-clients';
import { callAs, dashaSharesWithAna } from '../support/member-share-scene';
import { runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

/** Dasha shares her event with Ana through a space Ana administers; Ana may make her a viewer. */
async function shared(dashaRole: 'viewer' | 'editor') {
  const scene = await dashaSharesWithAna();
  if (dashaRole === 'viewer') await scene.demoteDasha();
  return scene;
}

/** Deletes as the editor does: through the validated call, answered as the contract says. */
async function deleteAt(c: CalendarClient, spaceId: string, eventId: string) {
  const answer = await callAs((args) => c.cal.removeEvent(args), 'calendar.delete', {
    spaceId,
    eventId,
  });
  return EventDeleteResult.parse(answer);
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
