// Briefings for one running sync engine (docs/briefings.md): send (sealed per recipient device),
// fetch and check what arrives, read and acknowledge with receipts to the author, delete for
// everyone, and wipe at expiry — at once while unlocked, on the next unlock for a device that was not.
import { createHash } from 'node:crypto';
import type { CopyPayload } from '../../../src-shared/briefings/briefing-model';
import { canWrite } from '../../../src-shared/protocol/membership-state';
import { fromHex, toHex } from '../../../src-shared/protocol/bytes';
import { randomBytes } from '../crypto/sodium';
import { SuviazError } from '../errors';
import type { StoredGroup } from '../groups/group-store';
import type { DocAccess } from '../sync/engine-doc-access';
import { asApiError } from '../sync/engine-api-errors';
import { isPassingFailure, RelayRequestError } from '../sync/relay-connection';
import type { Db } from '../vault/migrations';
import { connected, fetchMail, putMail } from './briefing-mail';
import { makeCanaryCopies, traceLeak, type CanaryCopies, type CanaryMap } from './leak-trace';
import * as owners from './blob-owners';
import * as store from './briefing-store';

export interface BriefingEvents {
  changed(): void;
  /** `newest`: the title of the newest briefing received. */
  received(count: number, newest: string): void;
  /** A briefing was wiped: its attachments' files go too. */
  wiped(blobIds: string[]): void;
}

export interface SendArgs {
  /** Chosen by the caller when attachments are uploaded under it first; else made here. */
  id?: string;
  spaceId: string;
  title: string;
  body: CopyPayload['body'];
  audience: string[] | null;
  expiresInHours: number | null;
  attachments: CopyPayload['attachments'];
  receipts: boolean;
  /** Leak tracing: each recipient's copy of the body differs invisibly (leak-trace.ts). */
  canary: boolean;
  /** Runs after the checks and before any copy goes out: the attachments' upload. */
  beforeCopies?: (group: StoredGroup, id: string, expiresAt: number | null) => Promise<void>;
}

const HOUR_MS = 3_600_000;

/** What makes a send the same briefing again: everything it sends, not its id or clock. */
function sendFingerprint(args: SendArgs, audience: string[]): string {
  const { spaceId, title, body, expiresInHours, attachments, receipts, canary } = args;
  const what = { spaceId, title, body, audience, expiresInHours, attachments, receipts, canary };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}
/** The wipe timer never sleeps longer than this, so a clock change is noticed within it. */
const MAX_TIMER_MS = 60_000;

/**
 * The relay answered that it did not store a copy (a quota, a rule): nothing of it is there. A
 * passing failure (no answer, a restart) or one of the relay's own may have come after storing it.
 */
function refusedOutright(error: unknown): boolean {
  return (
    error instanceof RelayRequestError && !isPassingFailure(error) && error.code !== 'internal'
  );
}

/** After a sweep that could not wipe (a full disk), the next try waits this long. */
const SWEEP_RETRY_MS = 30_000;

export function briefingService(deps: {
  db: Db;
  access: DocAccess;
  events: BriefingEvents;
  now?: () => number;
}) {
  const { db, access, events } = deps;
  const now = deps.now ?? Date.now;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** Wipes a briefing of `author` (held or not yet), remembering it as recalled. */
  function wipe(id: string, until: number | null, author: string): void {
    const held = store.getBriefing(db, id);
    store.wipeBriefing(db, id, until, held?.author ?? author);
    // Only chunks no other briefing of the same author still holds (a resumed send may share them).
    const gone = owners.unheldBlobs(db, held?.payload.attachments.map((a) => a.blobId) ?? []);
    if (gone.length > 0) events.wiped(gone);
  }

  function space(spaceId: string): StoredGroup {
    const group = access.group(spaceId);
    if (!group || group.status !== 'active' || group.wiped) {
      throw new SuviazError('not-member', 'This device is not a member of that space.');
    }
    return group;
  }

  function audienceOf(group: StoredGroup, chosen: string[] | null): string[] {
    const members = [...group.state.members.keys()].filter((device) => device !== access.meHex);
    if (chosen === null) return members;
    for (const device of chosen) {
      if (!group.state.members.has(device) || device === access.meHex) {
        throw new SuviazError('not-member', 'Someone chosen is not a member of this space.');
      }
    }
    return [...new Set(chosen)];
  }

  /** Sends cut short by a failure, by what they send (sendFingerprint): a retry resumes them. */
  const unfinished = new Map<
    string,
    {
      id: string;
      createdAt: number;
      marked: CanaryCopies<CopyPayload['body']> | null;
      sentTo: Set<string>;
      /** A copy went to the relay and came back without a clear refusal: it may hold it. */
      offered: boolean;
    }
  >();

  async function send(args: SendArgs): Promise<{ id: string }> {
    const group = space(args.spaceId);
    if (!access.canWrite(group)) {
      throw new SuviazError('not-member', 'Viewers cannot send briefings in this space.');
    }
    const audience = audienceOf(group, args.audience);
    if (audience.length === 0) {
      throw new SuviazError('not-member', 'Nobody else is in this space to receive it yet.');
    }
    connected(access);
    // The same briefing sent again after a failure goes on where it stopped, under the same id:
    // every copy is then recalled by one recall, and nobody gets it twice.
    const fingerprint = sendFingerprint(args, audience);
    const resumed = unfinished.get(fingerprint);
    const createdAt = resumed?.createdAt ?? now();
    const base: Omit<CopyPayload, 'to' | 'body'> = {
      v: 1,
      kind: 'copy',
      id: resumed?.id ?? args.id ?? toHex(randomBytes(16)),
      space: args.spaceId,
      from: access.meHex,
      createdAt,
      expiresAt: args.expiresInHours === null ? null : createdAt + args.expiresInHours * HOUR_MS,
      audience,
      wholeSpace: args.audience === null,
      title: args.title,
      attachments: args.attachments,
      receipts: args.receipts,
    };
    // Marked before anything goes out: a text too short to trace is refused, not sent unmarked.
    const marked = resumed?.marked ?? (args.canary ? makeCanaryCopies(args.body, audience) : null);
    const bodies = new Map(marked?.copies.map((copy) => [copy.recipientId, copy.body]));
    const progress = resumed ?? {
      id: base.id,
      createdAt,
      marked,
      sentTo: new Set<string>(),
      offered: false,
    };
    unfinished.set(fingerprint, progress);
    const keepMine = (): void => {
      const map = marked ? JSON.stringify(marked.map) : null;
      store.keepBriefing(db, { ...base, to: access.meHex, body: args.body }, true, map);
    };
    // The files are mine from before the first copy goes out: a recipient's modified app naming
    // them in a copy of its own meanwhile is refused, not made their holder.
    owners.claimBlobs(
      db,
      base.id,
      access.meHex,
      base.attachments.map((a) => a.blobId),
    );
    try {
      await args.beforeCopies?.(group, base.id, base.expiresAt);
      // In my list before the first copy goes out: the app stopping between copies must not leave
      // recipients with a briefing I can neither see nor recall.
      keepMine();
      for (const to of audience) {
        if (progress.sentTo.has(to)) continue;
        const body = bodies.get(to) ?? args.body;
        try {
          await putMail(access, group, { ...base, to, body }, base.expiresAt);
        } catch (error) {
          // No answer (a timeout, a dropped link) or a failure of its own: the relay may hold it.
          if (!refusedOutright(error)) progress.offered = true;
          throw error;
        }
        progress.sentTo.add(to);
      }
    } catch (error) {
      // Some may have it (a copy was handed over, answered or not): it stays in my list, and can be
      // recalled, even if it is never sent again. None was: it was not sent, and the draft is still
      // there to send again.
      if (!progress.offered) store.dropUnsent(db, base.id);
      events.changed();
      throw error;
    }
    unfinished.delete(fingerprint);
    keepMine();
    events.changed();
    schedule();
    return { id: base.id };
  }

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
            wipe(payload.id, held?.expiresAt ?? null, payload.from);
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
    await sendPendingReceipts();
    sweep();
    events.changed();
    const newest = received.at(-1);
    if (newest !== undefined) events.received(received.length, newest);
  }

  async function sendReceipt(id: string): Promise<void> {
    const held = store.getBriefing(db, id);
    if (!held || held.mine || !held.payload.receipts || held.readAt === null) return;
    const group = access.group(held.spaceId);
    if (!group) return;
    try {
      await putMail(
        access,
        group,
        {
          v: 1,
          kind: 'receipt',
          id,
          space: held.spaceId,
          from: access.meHex,
          to: held.author,
          readAt: held.readAt,
          ackedAt: held.ackedAt,
        },
        held.expiresAt,
      );
      store.setReceiptPending(db, id, false);
    } catch {
      // Offline, or the relay refused for now: it goes out at the next connection.
      store.setReceiptPending(db, id, true);
    }
  }

  async function sendPendingReceipts(): Promise<void> {
    for (const id of store.pendingReceipts(db)) await sendReceipt(id);
  }

  async function recall(id: string): Promise<void> {
    const held = store.getBriefing(db, id);
    if (!held) return;
    if (!held.mine)
      throw new SuviazError('not-admin', 'Only its author can delete a briefing for everyone.');
    const group = space(held.spaceId);
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
    wipe(id, held.expiresAt, held.author);
    events.changed();
  }

  /** Wipes what has expired and sets the timer for the next. */
  function sweep(): void {
    try {
      const expired = store.expiredBriefings(db, now());
      for (const { id, expiresAt, author } of expired) wipe(id, expiresAt, author);
      if (expired.length > 0) events.changed();
    } catch (error) {
      // A full disk or a closing vault: a timer must not throw. Tried again in a while, not at
      // once: the same wipe would fail again in a loop.
      console.error('briefings: expired briefings could not be wiped', error);
      if (!stopped) {
        if (timer) clearTimeout(timer);
        timer = setTimeout(sweep, SWEEP_RETRY_MS);
        timer.unref();
      }
      return;
    }
    schedule();
  }

  function schedule(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const next = store.nextExpiry(db);
    timer = null;
    if (next === null) return;
    timer = setTimeout(sweep, Math.min(Math.max(next - now(), 0) + 50, MAX_TIMER_MS));
    timer.unref();
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
        void sendReceipt(id)
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
      await sendReceipt(id);
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
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

export type BriefingService = ReturnType<typeof briefingService>;
