// Briefings for one running sync engine (docs/briefings.md): send (sealed per recipient device),
// fetch and check what arrives, read and acknowledge with receipts to the author, delete for
// everyone, and wipe at expiry — at once while unlocked, on the next unlock for a device that was not.
import type { CopyPayload } from '../../../src-shared/briefings/briefing-model';
import { canWrite } from '../../../src-shared/protocol/membership-state';
import { fromHex, toHex } from '../../../src-shared/protocol/bytes';
import { SuviazError } from '../errors';
import type { StoredGroup } from '../groups/group-store';
import type { DocAccess } from '../sync/engine-doc-access';
import { asApiError } from '../sync/engine-api-errors';
import type { Db } from '../vault/migrations';
import { memberSpace, type BriefingContext, type BriefingEvents } from './briefing-context';
import { connected, fetchMail, putMail } from './briefing-mail';
import { sendPendingReceipts, sendReceipt } from './briefing-receipts';
import { briefingSender, type SendArgs } from './briefing-send';
import { expiryTimer, wipe } from './briefing-wipe';
import { traceLeak, type CanaryMap } from './leak-trace';
import * as owners from './blob-owners';
import * as store from './briefing-store';

export function briefingService(deps: {
  db: Db;
  access: DocAccess;
  events: BriefingEvents;
  now?: () => number;
}) {
  const { db, access, events } = deps;
  const now = deps.now ?? Date.now;
  const ctx: BriefingContext = { db, access, events, now };
  const expiry = expiryTimer(ctx);
  const { sweep } = expiry;
  const send = briefingSender(ctx, expiry.schedule);

  /** Is the sender allowed to brief me here, and am I in its audience? */
  function acceptable(group: StoredGroup, copy: CopyPayload): boolean {
    return canWrite(group.state, fromHex(copy.from)) && copy.audience.includes(access.meHex);
  }

  /** The space's new items; returns the titles of the briefings newly kept, oldest first. */
  async function syncSpace(group: StoredGroup): Promise<string[]> {
    const spaceId = toHex(group.groupId);
    let after = store.cursorOf(db, spaceId);
    const received: string[] = [];
    for (;;) {
      const page = await fetchMail(access, group, after);
      for (const item of page.items) {
        after = Math.max(after, item.seq);
        if ('problem' in item) {
          store.keepRefusal(db, {
            spaceId,
            briefingId: item.briefingId,
            reason: item.problem,
            at: now(),
          });
          continue;
        }
        const { payload } = item;
        if (payload.kind === 'copy') {
          if (!acceptable(group, payload)) {
            store.keepRefusal(db, {
              spaceId,
              briefingId: payload.id,
              reason: 'not-member',
              at: now(),
            });
          } else if (
            (store.getBriefing(db, payload.id)?.author ?? payload.from) !== payload.from ||
            owners.blobTaken(
              db,
              payload.from,
              payload.attachments.map((a) => a.blobId),
            )
          ) {
            // Another author's briefing holds this id, or another briefing one of its files' ids:
            // one of the two was made to collide. The first stays; the second is not dropped in
            // silence.
            store.keepRefusal(db, {
              spaceId,
              briefingId: payload.id,
              reason: 'id-taken',
              at: now(),
            });
          } else if (payload.expiresAt !== null && payload.expiresAt <= now()) {
            // Expired on the way: never stored.
          } else if (
            !store.wasRecalled(db, payload.id, payload.from) &&
            store.keepBriefing(db, payload, false, null)
          ) {
            received.push(payload.title);
          }
        } else if (payload.kind === 'receipt') {
          const mine = store.getBriefing(db, payload.id);
          if (mine?.mine && mine.payload.audience.includes(payload.from)) {
            store.keepReceipt(db, payload.id, {
              device: payload.from,
              readAt: payload.readAt,
              ackedAt: payload.ackedAt,
            });
          }
        } else {
          const held = store.getBriefing(db, payload.id);
          // Only its author can recall a briefing (the recall is signed by the copy's sender); one
          // not held yet is remembered as that author's, so only their copy is kept away.
          if (!held || held.author === payload.from) {
            wipe(ctx, payload.id, held?.expiresAt ?? null, payload.from);
          }
        }
      }
      store.setCursor(db, spaceId, after);
      if (!page.more || page.items.length === 0) break;
    }
    return received;
  }

  async function syncAll(only: string | null): Promise<void> {
    const received: string[] = [];
    for (const group of access.groups()) {
      if (group.status !== 'active' || group.wiped) continue;
      if (only && toHex(group.groupId) !== only) continue;
      try {
        received.push(...(await syncSpace(group)));
      } catch {
        // Offline or refused: the next connect or notice fetches again from the same cursor.
      }
    }
    await sendPendingReceipts(ctx);
    sweep();
    events.changed();
    const newest = received.at(-1);
    if (newest !== undefined) events.received(received.length, newest);
  }

  async function recall(id: string): Promise<void> {
    const held = store.getBriefing(db, id);
    if (!held) return;
    if (!held.mine)
      throw new SuviazError('not-admin', 'Only its author can delete a briefing for everyone.');
    const group = memberSpace(access, held.spaceId);
    connected(access);
    // Recalls first: once the copies are gone, a recipient who fetches later must still learn of it.
    for (const to of held.payload.audience) {
      if (!group.state.members.has(to)) continue;
      await putMail(
        access,
        group,
        { v: 1, kind: 'recall', id, space: held.spaceId, from: access.meHex, to, at: now() },
        held.expiresAt,
      );
    }
    await connected(access).request({
      type: 'mailRecall',
      groupId: group.groupId,
      briefingId: fromHex(id),
    });
    wipe(ctx, id, held.expiresAt, held.author);
    events.changed();
  }

  sweep();

  return {
    send: (args: SendArgs) => asApiError(() => send(args)),
    syncAll,
    recall: (id: string) => asApiError(() => recall(id)),
    read(id: string): store.StoredBriefing {
      const held = store.getBriefing(db, id);
      if (!held || (held.expiresAt !== null && held.expiresAt <= now())) {
        if (held) sweep();
        throw new SuviazError('briefing-expired', 'This briefing has expired or was deleted.');
      }
      if (held.readAt === null) {
        store.markRead(db, id, now());
        void sendReceipt(ctx, id)
          .then(() => events.changed())
          .catch((error: unknown) => {
            // Kept as pending in the vault when it could be: sent at the next connection.
            console.error('briefings: a read receipt could not be sent', error);
          });
      }
      return store.getBriefing(db, id) ?? held;
    },
    async acknowledge(id: string): Promise<void> {
      const held = store.getBriefing(db, id);
      if (!held)
        throw new SuviazError('briefing-expired', 'This briefing has expired or was deleted.');
      store.markAcked(db, id, now());
      await sendReceipt(ctx, id);
      events.changed();
    },
    /** Whose copy a pasted text is: the recipient, or null when it cannot tell. */
    traceLeak(id: string, text: string): { device: string | null; evidence: number } {
      const held = store.getBriefing(db, id);
      if (!held?.mine || !held.canaryMap) {
        throw new SuviazError('not-found', 'This briefing was not sent with leak tracing.');
      }
      const result = traceLeak(text, JSON.parse(held.canaryMap) as CanaryMap);
      return result.verdict === 'recipient'
        ? { device: result.recipientId, evidence: result.agreeingBits }
        : { device: null, evidence: result.evidenceBits };
    },
    sweep,
    stop: expiry.stop,
  };
}

export type BriefingService = ReturnType<typeof briefingService>;
