// Snapshots: the genesis snapshot of a new document, a compaction every so many updates, and a
// fresh snapshot under a new epoch's key after a rotation (docs/design.md, "Sync").
import * as Y from 'yjs';
import { toHex } from '../../../src-shared/protocol/bytes';
import type { EnvelopeHeader } from '../../../src-shared/protocol/envelope';
import { fromHex, randomBytes } from '../crypto/sodium';
import { recordMySnapshotAck, type SnapshotRef } from './document-verifier';
import { sealEnvelope, snapshotProof } from './envelope-crypto';
import { saveVerifier } from './outbox';
import { GENESIS } from './snapshot-chain';
import type { RelayConnection } from './relay-connection';
import { RelayRequestError } from './relay-requests';
import { handlePublishError } from './doc-publisher';
import {
  canSend,
  fitsOneFrame,
  type DocOps,
  type DocRuntime,
  type SnapshotOutcome,
} from './doc-runtime';

/**
 * After a key rotation the document is re-snapshotted under the new epoch's key, so a member who
 * joins later reads it from the snapshot and nothing new leans on the old key. Returns whether a
 * snapshot was started.
 */
export function ensureEpochSnapshot(rt: DocRuntime, ops: DocOps): boolean {
  const active = rt.verifier.active;
  const ctx = rt.deps.context();
  if (!active || !ctx.canWrite || active.epoch >= ctx.epoch) return false;
  if (!canSend(rt) || !ctx.documentKey(ctx.epoch)) return false;
  void ops.publishSnapshot(false);
  return true;
}

/** The first snapshot may go out before there is an active one; otherwise the usual checks. */
function genesisConnection(rt: DocRuntime): RelayConnection | null {
  const connection = rt.deps.connection();
  if (!connection || connection.status() !== 'connected' || rt.inFlight || rt.closed) {
    return null;
  }
  return rt.caughtUp && !rt.verifier.active ? connection : null;
}

/**
 * Compacts the document into a new snapshot: fresh Y.Doc state, never a merge of many updates.
 * parentClocks are the clocks I verified; if the relay holds others it refuses and we drop it.
 */
export async function publishSnapshot(
  rt: DocRuntime,
  ops: DocOps,
  genesis: boolean,
): Promise<SnapshotOutcome> {
  const connection = canSend(rt) ?? (genesis ? genesisConnection(rt) : null);
  if (!connection) return rt.inFlight ? 'busy' : 'unsent';
  const { deps } = rt;
  const ctx = deps.context();
  const key = ctx.documentKey(ctx.epoch);
  if (!key || !ctx.canWrite) return 'unsent';
  const parent: SnapshotRef = rt.verifier.active ?? GENESIS;
  const snapshotId = randomBytes(16);
  const parentProof = fromHex(parent.proof);
  const header: EnvelopeHeader = {
    kind: 'snapshot',
    groupId: deps.groupId,
    docId: deps.docId,
    epoch: ctx.epoch,
    snapshotId,
    author: deps.me,
    clock: 0,
    log: ctx.myHead,
    basis: null,
    snapshot: {
      parentId: fromHex(parent.id),
      parentProof,
      generation: parent.generation + 1,
      parentClocks: genesis
        ? []
        : Object.entries(rt.verifier.clocks).map(([author, clock]) => ({
            author: fromHex(author),
            clock,
          })),
    },
  };
  // The genesis snapshot is empty: local edits go out as updates, which the relay orders.
  const plaintext = genesis
    ? Y.encodeStateAsUpdateV2(new Y.Doc())
    : Y.encodeStateAsUpdateV2(rt.ydoc);
  const sealed = sealEnvelope(header, plaintext, key, deps.sign);
  if (!fitsOneFrame(sealed.bytes)) {
    // The document has grown past one frame: it goes on without a new snapshot (its updates
    // still flow), and the user is told. Not flushed from here: that would ask again at once.
    deps.onWarning('snapshot-too-large', `${sealed.bytes.length} bytes`);
    return 'too-large';
  }
  rt.inFlight = { kind: 'snapshot' };
  try {
    const answer = await connection.request({ type: 'publish', envelope: sealed.bytes });
    if (answer.type !== 'ack') throw new Error(`unexpected answer ${answer.type}`);
    ops.publishAccepted();
    const ref: SnapshotRef = {
      id: toHex(snapshotId),
      generation: parent.generation + 1,
      proof: toHex(snapshotProof(parentProof, snapshotId, sealed.ciphertextHash)),
      epoch: ctx.epoch,
      logLength: ctx.myHead.length,
    };
    rt.verifier = recordMySnapshotAck(rt.verifier, ref, answer.seq, sealed.ciphertextHash);
    // Saved with the remote updates it counts, by the remote store, if those are not stored yet.
    if (rt.remote.commit()) saveVerifier(deps.db, deps.docId, rt.verifier);
    rt.inFlight = null;
  } catch (error) {
    rt.inFlight = null;
    if (!(error instanceof RelayRequestError) || error.code !== 'snapshotConflict') {
      await handlePublishError(rt, ops, error);
      return 'unsent';
    }
    void ops.flush();
    return 'conflict';
  }
  void ops.flush();
  return 'acked';
}
