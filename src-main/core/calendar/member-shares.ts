// Withdrawing an event shared with a member of another space (docs/calendar.md, "Stopping a
// share"): the sharer deletes its entry from that space's document; the recipient's app deletes
// its copy once its own synced copy of that document no longer holds the entry. A withdrawal that
// cannot be written (no write access there any more) stays recorded and listed as not withdrawn.
import type { EventDeleteResult, MemberShareView } from '../../../src-shared/calendar/calendar-api';
import { SuviazError } from '../errors';
import type { StoredGroup } from '../groups/group-store';
import type { DocAccess } from '../sync/engine-doc-access';
import type { Db } from '../vault/migrations';
import { eventGone, type ReadSpace } from './event-gone';
import {
  allLiveMemberShares,
  forgetMemberShare,
  keepMemberShare,
  memberShare,
  memberSharesOf,
  memberStopsWanted,
  wantMemberSharesStopped,
  wantMemberShareStopped,
  type MemberShare,
} from './member-shares-store';

/** Events sealed to one device, in a space's document: by share id, `to` and the sealed bytes. */
export const EVENT_SHARES_MAP = 'eventShares';

export function memberShares(db: Db, access: DocAccess) {
  const online = (): boolean => access.connection()?.status() === 'connected';

  /** The space the share went through, if this device may write there now; nothing is written. */
  function writableThrough(share: MemberShare): StoredGroup | null {
    const through = access.group(share.throughSpace);
    return through && access.canWrite(through) ? through : null;
  }

  /** Deletes the entry from the space it went through (into its outbox: offline, sent later). */
  async function withdraw(share: MemberShare): Promise<void> {
    const through = writableThrough(share);
    if (!through) {
      throw new SuviazError(
        'not-member',
        'This device can no longer write in the space this event was shared through, so it cannot withdraw it.',
      );
    }
    await access.write(through, (doc) => doc.getMap<unknown>(EVENT_SHARES_MAP).delete(share.id));
    forgetMemberShare(db, share.id);
  }

  /** Writes every withdrawal still wanted; one that cannot be written now stays marked. */
  async function withdrawWanted(): Promise<void> {
    for (const share of memberStopsWanted(db)) {
      // No write access there (removed, made a viewer, left; or a membership being renewed): not
      // tried, as it could only fail, minute after minute. The list shows it as not withdrawn, and
      // the first sweep after this device can write there again writes it.
      if (!writableThrough(share)) continue;
      try {
        await withdraw(share);
      } catch {
        // The write failed otherwise (a vault closing meanwhile): tried again at the next sweep.
      }
    }
  }

  return {
    /**
     * Records a share before its entry is written: an entry this device does not know of could
     * never be withdrawn, while a record of an entry never written withdraws nothing.
     */
    async shared(share: MemberShare, write: () => Promise<void>): Promise<void> {
      keepMemberShare(db, share);
      try {
        await write();
      } catch (error) {
        forgetMemberShare(db, share.id);
        throw error;
      }
    },

    /**
     * The event's member shares not withdrawn yet, with names only (never a device key), for
     * "Stop sharing"; those whose withdrawal was asked but cannot be written are marked so.
     */
    list(spaceId: string, eventId: string): MemberShareView[] {
      return memberSharesOf(db, spaceId, eventId).map((share) => ({
        id: share.id,
        occurrence: share.occurrence,
        madeAt: share.madeAt,
        toName: access.nameOf(share.toDevice),
        throughName: access.group(share.throughSpace)?.name ?? null,
        cannotWithdraw: share.stopWanted && !writableThrough(share),
      }));
    },

    /** `waiting`: this device is offline, so the withdrawal waits in that space's outbox. */
    async stop(id: string): Promise<{ waiting: boolean }> {
      const share = memberShare(db, id);
      if (!share) throw new SuviazError('not-found', 'This device shared no such event.');
      // Asked for before it is tried: one that cannot be written now is then listed as not
      // withdrawn and written once this device can write there again, as a deletion's is.
      wantMemberShareStopped(db, id);
      await withdraw(share);
      return { waiting: !online() };
    },

    /**
     * Marks the shares of what was deleted (all, or the occurrences `which` picks), writes them, and
     * answers those that could not be written (no write access there now), counted per space name.
     */
    async eventDeleted(
      spaceId: string,
      eventId: string,
      which: (occurrence: string | null) => boolean = () => true,
    ): Promise<EventDeleteResult['notWithdrawn']> {
      wantMemberSharesStopped(db, spaceId, eventId, which);
      await withdrawWanted();
      const counts = new Map<string, number>();
      for (const share of memberSharesOf(db, spaceId, eventId)) {
        if (!share.stopWanted || !which(share.occurrence) || writableThrough(share)) continue;
        counts.set(share.throughSpace, (counts.get(share.throughSpace) ?? 0) + 1);
      }
      return [...counts].map(([through, count]) => ({
        throughName: access.group(through)?.name ?? null,
        count,
      }));
    },

    /** The minute sweep: shares of events deleted elsewhere are withdrawn too, and retries. */
    async sweep(read: ReadSpace): Promise<void> {
      for (const share of allLiveMemberShares(db)) {
        if (eventGone(share, read)) wantMemberShareStopped(db, share.id);
      }
      await withdrawWanted();
    },
  };
}
