// A member share whose withdrawal cannot be written: the sharer, made a viewer in the space it went
// through, deletes the event (or the sweep finds it deleted). The share stays listed through the API
// the share dialog uses, marked as not withdrawn, with names only; the minute sweep attempts no write
// while this device cannot write there, and withdraws it once it can again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MemberShareView } from '../../src-shared/calendar/calendar-api';
import { toHex } from '../../src-shared/protocol/bytes';
import { deviceOf, type CalendarClient } from '../support/calendar-clients';
import { callAs, dashaSharesWithAna } from '../support/member-share-scene';
import { runCleanups, waitFor } from '../support/sync-clients';

afterEach(async () => {
  vi.restoreAllMocks();
  await runCleanups();
});

/** Dasha shares her event with Ana through a space Ana administers; Ana then makes her a viewer. */
async function sharedThenViewer() {
  const scene = await dashaSharesWithAna();
  await scene.demoteDasha();
  return scene;
}

/** Dasha's shares of the event as the share dialog gets them: through the validated call. */
async function listedAt(c: CalendarClient, spaceId: string, eventId: string) {
  const answer = await callAs((args) => c.cal.sharing.memberShares(args), 'calendar.memberShares', {
    spaceId,
    eventId,
  });
  return z.array(MemberShareView).parse(answer);
}

describe('a member share that cannot be withdrawn', () => {
  it.each(['deleted here', 'deleted elsewhere, found by the sweep'] as const)(
    'stays listed as not withdrawn when the event is %s, and no write is tried each minute',
    async (how) => {
      const { ana, dasha, spaceId, eventId, throughId, roleOfDasha } = await sharedThenViewer();
      const access = dasha.engine.docAccess();
      const writes = vi.spyOn(access, 'write');
      // Writes into the space the share went through (deleting the event writes into her own).
      const writesThrough = () =>
        writes.mock.calls.filter(([group]) => toHex(group.groupId) === throughId).length;
      if (how === 'deleted here') {
        await dasha.cal.removeEvent({ spaceId, eventId });
      } else {
        await dasha.cal.calendar.remove({ spaceId, eventId });
        await dasha.cal.sharing.sweepLinks();
      }
      const [share, ...more] = await listedAt(dasha, spaceId, eventId);
      expect(more).toEqual([]);
      expect(share).toMatchObject({ throughName: 'Ana and Dasha', cannotWithdraw: true });
      expect(JSON.stringify(share)).not.toContain(deviceOf(ana));
      // Three minute sweeps: a cheap "can I write there?" each, no write.
      const asked = vi.spyOn(access, 'canWrite');
      for (let i = 0; i < 3; i++) await dasha.cal.sharing.sweepLinks();
      expect(asked).toHaveBeenCalled();
      expect(writesThrough()).toBe(0);
      expect(ana.cal.sharing.shared()).toHaveLength(1);

      // Made an editor again: the next sweep writes the withdrawal, and Ana's copy goes.
      await ana.engine.setRole(throughId, deviceOf(dasha), 'editor');
      await waitFor('Dasha is an editor', roleOfDasha('editor'));
      await dasha.cal.sharing.sweepLinks();
      expect(writesThrough()).toBe(1);
      expect(await listedAt(dasha, spaceId, eventId)).toEqual([]);
      await waitFor('Ana’s copy goes', () => ana.cal.sharing.shared().length === 0);
    },
  );
});
