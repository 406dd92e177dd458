// SUBSCRIBE (with catch-up), UNSUBSCRIBE, PUBLISH and EPHEMERAL: the document side of the relay.
import { bytesEqual, toHex } from '../../src-shared/protocol/bytes';
import { encodeRelayFrame, type ClientFrame } from '../../src-shared/protocol/frames';
import { canWrite, isMember } from '../../src-shared/protocol/membership-state';
import { LIMITS } from '../../src-shared/limits';
import { docTopic } from '../fanout/fanout';
import { Refusal, refuse } from '../refusal';
import type { RelayContext, Session } from '../relay-context';
import {
  StoreConflictError,
  StoreQuotaError,
  type CommitEnvelope,
  type StoredMessage,
} from '../store/relay-store';
import { checkEnvelope, type CheckedEnvelope } from './envelope-auth';
import {
  existingGroup,
  requireKnownHead,
  requireMember,
  requireWriterAtHead,
  withGroupLock,
} from './group-access';
import { activeLogLength } from './active-snapshot';
import { planPublish } from './publish-rules';

type Frame<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;

/** A catch-up reads the store a page at a time: so many updates, or so many of their bytes. */
const CATCH_UP_PAGE = 256;
export const CATCH_UP_PAGE_BYTES = 4 * 1024 * 1024;
/** Refusals a retried, already stored envelope gets from the rules: then look for the original. */
const RETRY_CODES = new Set(['clockMismatch', 'staleSnapshot', 'snapshotConflict']);
/**
 * A commit that lost a race with another relay process is re-validated this many times, after a
 * random pause of up to `attempt` ms: two processes busy with one document take turns, not lockstep.
 */
const COMMIT_ATTEMPTS = 20;
const conflictPause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * attempt));

export async function subscribe(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'subscribe'>,
): Promise<void> {
  const { groupId, docId, afterSeq, requestId } = frame;
  await withGroupLock(ctx, groupId, async () => {
    requireMember(await existingGroup(ctx, groupId), session.device);
  });
  const subs = session.subscriptions;
  if (!subs.has(docId) && subs.size >= ctx.limits.maxSubscriptions) {
    refuse('rateLimited', 'too many subscriptions on one connection');
  }
  // Register first, read the store second: whatever commits in between is buffered, not lost.
  // The connection may have closed while the membership was checked: then there is no one to send to.
  if (!subs.begin(groupId, docId)) return;
  let answered = false;
  try {
    // Other relay processes' messages too: their subscription must be in place before the read.
    await ctx.fanout.settled?.();
    const doc = await ctx.store.getDoc(docId);
    if (doc && !bytesEqual(doc.groupId, groupId)) {
      refuse('wrongGroup', 'the document belongs to another group');
    }
    session.send({ type: 'ok', requestId });
    answered = true;
    const lastSeq = doc?.lastSeq ?? 0;
    if (doc) {
      // A page at a time, each waiting for the socket to drain: a writer may have made any number
      // of snapshots, and every catch-up from an early seq (a new member's) reads their links.
      for (let after = afterSeq; session.isOpen();) {
        const links = await ctx.store.snapshotLinks(docId, after, lastSeq, CATCH_UP_PAGE);
        for (const link of links) {
          if (link.seq !== doc.activeSeq) {
            session.send({ type: 'snapshotLink', seq: link.seq, link: link.link });
          }
        }
        await session.drained();
        const last = links[links.length - 1];
        if (!last || links.length < CATCH_UP_PAGE) break;
        after = last.seq;
      }
      if (doc.activeSeq > afterSeq) {
        const active = await ctx.store.getMessage(docId, doc.activeSeq);
        if (!active) throw new Error('active snapshot missing from the store');
        session.send({ type: 'deliver', seq: active.seq, envelope: active.envelope });
      }
      let from = Math.max(afterSeq, doc.activeSeq);
      for (;;) {
        const page: StoredMessage[] = await ctx.store.updates(
          docId,
          from,
          lastSeq,
          CATCH_UP_PAGE,
          CATCH_UP_PAGE_BYTES,
        );
        for (const update of page) {
          session.send({ type: 'deliver', seq: update.seq, envelope: update.envelope });
          // Updates can be up to a frame's size: a page of large ones must not fill the socket's
          // queue past the limit at which a slow client is dropped.
          await session.drained();
        }
        const last = page[page.length - 1];
        if (!last || last.seq >= lastSeq || !session.isOpen()) break;
        from = last.seq;
      }
    }
    session.send({ type: 'caughtUp', groupId, docId, seq: lastSeq });
    subs.goLive(docId, lastSeq);
  } catch (error) {
    subs.end(docId);
    // After its OK the request has no answer left to carry the failure (a store read failing
    // mid catch-up): the client would wait for a CAUGHT_UP that never comes. Reconnecting, it
    // subscribes again from what it has.
    if (answered) session.resync();
    throw error;
  }
}

export function unsubscribe(session: Session, frame: Frame<'unsubscribe'>): void {
  session.subscriptions.end(frame.docId, frame.groupId);
}

/** An identical envelope already stored (a retry after a lost ACK): its seq, else null. */
async function storedDuplicate(
  ctx: RelayContext,
  { envelope }: CheckedEnvelope,
  bytes: Uint8Array,
): Promise<number | null> {
  const h = envelope.header;
  const stored =
    h.kind === 'snapshot'
      ? await ctx.store.findSnapshot(h.docId, h.snapshotId)
      : await ctx.store.findUpdate(h.docId, h.snapshotId, h.author, h.clock);
  if (!stored) return null;
  if (bytesEqual(stored.envelope, bytes)) return stored.seq;
  return h.kind === 'snapshot'
    ? refuse('snapshotConflict', 'this snapshot id is already used in the document')
    : refuse('clockMismatch', 'this clock is already used on the snapshot');
}

export async function publish(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'publish'>,
): Promise<void> {
  const checked = checkEnvelope(frame.envelope, session.device, ['update', 'snapshot']);
  const h = checked.envelope.header;
  const started = performance.now();
  // The lock covers checking and writing; the wait for the disk comes after it, so the group's next
  // publish is checked against this one while its fsync is still running.
  const committed = await withGroupLock(ctx, h.groupId, async () => {
    for (let attempt = 1; ; attempt++) {
      // In the loop: a commit that lost to another relay process re-reads the group as well.
      const group = await existingGroup(ctx, h.groupId);
      requireMember(group, session.device);
      if (!canWrite(group, session.device)) refuse('forbidden', 'viewers cannot write');
      if (h.epoch !== group.epoch) refuse('wrongEpoch', `the group is at epoch ${group.epoch}`);
      await requireKnownHead(ctx, group, h);
      requireWriterAtHead(group, session.device, h);

      const doc = await ctx.store.getDoc(h.docId);
      if (doc && !bytesEqual(doc.groupId, h.groupId)) {
        refuse('wrongGroup', 'the document belongs to another group');
      }
      let commit: CommitEnvelope;
      try {
        commit = planPublish(checked, frame.envelope, doc, await activeLogLength(ctx, doc));
      } catch (error) {
        // Only an envelope the document has moved past can be a retry of one already stored (a
        // client that lost its ACK): look for it then, not on every publish.
        const duplicate =
          doc && error instanceof Refusal && RETRY_CODES.has(error.code)
            ? await storedDuplicate(ctx, checked, frame.envelope)
            : null;
        if (duplicate === null) throw error;
        session.send({ type: 'ack', requestId: frame.requestId, seq: duplicate });
        return null;
      }
      // A snapshot id is new in its document (protocol §5): an id used before passes the rules
      // above (its parent is the active snapshot) and only the store's unique key would catch it.
      if (doc && h.kind === 'snapshot' && (await ctx.store.findSnapshot(h.docId, h.snapshotId))) {
        refuse('snapshotConflict', 'this snapshot id is already used in the document');
      }
      const usage = await ctx.store.groupUsage(h.groupId);
      if (!doc && usage.documents >= ctx.limits.documentsPerGroup) {
        refuse('quotaDocuments', `the group has ${usage.documents} documents, the limit`);
      }
      if (usage.bytes + frame.envelope.length > ctx.limits.bytesPerGroup) {
        refuse('quotaBytes', 'the group has used its storage');
      }
      // Checked again inside the commit, where other relay processes write to the same store.
      commit.guard = {
        logLength: group.length,
        maxDocuments: ctx.limits.documentsPerGroup,
        maxBytes: ctx.limits.bytesPerGroup,
      };
      try {
        return await ctx.store.commitEnvelope(commit);
      } catch (error) {
        if (error instanceof StoreQuotaError) {
          refuse(
            error.quota === 'documents' ? 'quotaDocuments' : 'quotaBytes',
            'the group has reached its quota',
          );
        }
        // Another writer moved the document on between our read and our commit: check again.
        if (error instanceof StoreConflictError && attempt < COMMIT_ATTEMPTS) {
          await conflictPause(attempt);
          continue;
        }
        throw error;
      }
    }
  });
  if (!committed) return;
  const { seq, durable } = committed;
  await durable;
  ctx.metrics.observeStore(performance.now() - started);
  // Durable: only now may anyone else receive it, and the author hear that it is safe. The ACK
  // goes out after the first few local deliveries (callListeners), and whatever the fan-out does:
  // the message is stored, and an author told otherwise would send it again.
  let acked = false;
  const ack = (): void => {
    if (acked) return;
    acked = true;
    session.send({ type: 'ack', requestId: frame.requestId, seq });
  };
  try {
    const deliver = encodeRelayFrame({ type: 'deliver', seq, envelope: frame.envelope });
    ctx.fanout.publish(
      docTopic(toHex(h.groupId), toHex(h.docId)),
      { frame: deliver, origin: session.id, seq },
      ack,
    );
  } finally {
    ack();
  }
}

export async function ephemeral(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'ephemeral'>,
): Promise<void> {
  if (frame.envelope.length > LIMITS.relay.maxEphemeralBytes) {
    refuse('frameTooLarge', `an ephemeral is at most ${LIMITS.relay.maxEphemeralBytes} bytes`);
  }
  const { envelope } = checkEnvelope(frame.envelope, session.device, ['ephemeral']);
  const h = envelope.header;
  await withGroupLock(ctx, h.groupId, async () => {
    const group = await existingGroup(ctx, h.groupId);
    if (!isMember(group, session.device)) refuse('notMember', 'this device is not a member');
    await requireKnownHead(ctx, group, h);
  });
  const doc = await ctx.store.getDoc(h.docId);
  if (!doc || !bytesEqual(doc.groupId, h.groupId)) {
    refuse('wrongGroup', 'no such document in this group');
  }
  // Relayed, never stored.
  const out = encodeRelayFrame({ type: 'ephemeral', envelope: frame.envelope });
  ctx.fanout.publish(docTopic(toHex(h.groupId), toHex(h.docId)), {
    frame: out,
    origin: session.id,
  });
}
