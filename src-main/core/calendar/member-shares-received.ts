// The recipient's side of a member share (docs/calendar.md, "Stopping a share with a member"):
// entries sealed to this device in its spaces' documents, kept read-only when signed for the very
// entry and space they were found in, and deleted once their sharer withdraws them.
import { z } from 'zod';
import { toHex } from '../../../src-shared/protocol/bytes';
import type { StoredGroup } from '../groups/group-store';
import type { DocAccess } from '../sync/engine-doc-access';
import type { Db } from '../vault/migrations';
import { openShare, type SharePayload } from './event-share';
import { EVENT_SHARES_MAP } from './member-shares';
import { forgetWithdrawnShare, keepShared, settledShareIds, sharedVia } from './shared-store';

const SealedEntry = z.object({ to: z.string().regex(/^[0-9a-f]{64}$/), sealed: z.base64() });
const ENTRY_ID = /^[0-9a-f]{32}$/;

/** Spaces whose documents this device reads now (a sub-space's entries are its parent's). */
const readableSpaces = (access: DocAccess): StoredGroup[] =>
  access.groups().filter((space) => !space.parentId && space.status === 'active');

/**
 * Whether a share opened from entry `id` of `space` may be kept: sealed to me, by a member of that
 * space (now or before), and signed for that entry of that space, so that a copy another member
 * wrote elsewhere, or back after its withdrawal under a new id, is refused.
 */
export function belongsHere(
  payload: SharePayload,
  at: { id: string; space: StoredGroup },
  me: string,
): boolean {
  const { members, departed } = at.space.state;
  return (
    payload.to === me &&
    (members.has(payload.from) || departed.has(payload.from)) &&
    payload.via?.entry === at.id &&
    payload.via.space === toHex(at.space.groupId)
  );
}

export function receivedMemberShares(db: Db, access: DocAccess) {
  /** Ids kept or withdrawn (from the vault, once per session): not opened again. */
  let settled: Set<string> | null = null;
  /** Entries refused this session, by space and id: a refusal in one space blocks no other's. */
  const refused = new Set<string>();

  function judge(space: StoredGroup, id: string, value: unknown, done: Set<string>): void {
    const entry = SealedEntry.safeParse(value);
    if (!entry.success || entry.data.to !== access.meHex || !ENTRY_ID.test(id)) return;
    const where = `${toHex(space.groupId)}:${id}`;
    if (done.has(id) || refused.has(where)) return;
    let payload: SharePayload | null = null;
    try {
      payload = openShare(
        access.openSealed(new Uint8Array(Buffer.from(entry.data.sealed, 'base64'))),
      );
    } catch {
      // Not sealed to this device's key: refused like a bad signature.
    }
    if (payload && belongsHere(payload, { id, space }, access.meHex)) {
      keepShared(db, id, payload, toHex(space.groupId));
      done.add(id);
    } else {
      refused.add(where);
    }
  }

  return {
    /** Sealed shares addressed to me in my spaces' documents, checked and kept. */
    collect(): void {
      settled ??= settledShareIds(db);
      const done = settled;
      for (const space of readableSpaces(access)) {
        access
          .ydoc(space)
          ?.getMap<unknown>(EVENT_SHARES_MAP)
          .forEach((value, id) => judge(space, id, value, done));
      }
    },

    /**
     * Copies whose entry is no longer in the space they came through are deleted. A synced
     * document only grows but for deletions a member wrote, so an entry this device once read
     * there and no longer finds was deleted; a document this device cannot read now (not active,
     * wiped, unreadable) says nothing, and the copy stays.
     */
    forgetWithdrawn(): void {
      for (const { id, viaSpace } of sharedVia(db)) {
        const space = access.group(viaSpace);
        if (!space || space.parentId || space.status !== 'active') continue;
        const doc = access.ydoc(space);
        if (doc && !doc.getMap<unknown>(EVENT_SHARES_MAP).has(id)) forgetWithdrawnShare(db, id);
      }
    },
  };
}
