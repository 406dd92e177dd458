// Publishes the outbox: merged rows sealed against the active snapshot with my next clock, one
// publish in flight, rows dropped only on ACK; and what each refusal from the relay means for us.
import * as Y from 'yjs';
import { LIMITS } from '../../../src-shared/limits';
import type { EnvelopeHeader } from '../../../src-shared/protocol/envelope';
import { fromHex } from '../crypto/sodium';
import { nextClock, recordMyUpdateAck, updatesOnActive } from './document-verifier';
import { sealEnvelope } from './envelope-crypto';
import { outboxCount, outboxRows, replaceOutboxRow } from './outbox';
import { RelayRequestError } from './relay-requests';
import { splitUpdate } from './update-split';
import {
  acknowledgeRows,
  canSend,
  fitsOneFrame,
  type DocOps,
  type DocRuntime,
} from './doc-runtime';

/** Outbox rows merged into one update at most; Y.mergeUpdatesV2 stays cheap on small batches. */
const MAX_BATCH_ROWS = 64;
/** And their bytes: a batch of large edits (pasted offline) must still fit one relay frame. */
const MAX_BATCH_BYTES = 256 * 1024;

/** The oldest rows that make one update: at least one, then while they stay within the bytes. */
function batchOf<T extends { update: Uint8Array }>(rows: T[]): T[] {
  const batch: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (batch.length > 0 && bytes + row.update.length > MAX_BATCH_BYTES) break;
    batch.push(row);
    bytes += row.update.length;
  }
  return batch;
}

export async function flush(rt: DocRuntime, ops: DocOps): Promise<void> {
  const connection = canSend(rt);
  const active = rt.verifier.active;
  if (!connection || !active) return;
  const { deps } = rt;
  const ctx = deps.context();
  // Not a writer, or someone has seen membership changes I have not: wait (the outbox keeps it).
  if (!ctx.canWrite) return;
  const clock = nextClock(rt.verifier, deps.me);
  // A publish under this clock whose fate is unknown (no ACK, and the catch-up has not shown it
  // yet: it may still be committing on the relay) goes again with its own rows only. Were newer
  // rows added, the stored one would acknowledge them too once the catch-up brings it back.
  const unsettled = rt.lastSent;
  const candidates = outboxRows(deps.db, deps.docId, MAX_BATCH_ROWS).filter(
    (row) =>
      !unsettled ||
      unsettled.clock !== clock ||
      unsettled.snapshotId !== active.id ||
      row.id <= unsettled.lastOutboxId,
  );
  const rows = batchOf(candidates);
  // More waits behind this batch: it goes out at once after the ACK, not after the batch window.
  const backlog = rows.length < candidates.length || candidates.length === MAX_BATCH_ROWS;
  const last = rows[rows.length - 1];
  if (!last) return;
  const update = rows.length === 1 ? last.update : Y.mergeUpdatesV2(rows.map((r) => r.update));
  const key = ctx.documentKey(ctx.epoch);
  if (!key) return;
  const header: EnvelopeHeader = {
    kind: 'update',
    groupId: deps.groupId,
    docId: deps.docId,
    epoch: ctx.epoch,
    snapshotId: fromHex(active.id),
    author: deps.me,
    clock,
    log: ctx.myHead,
    basis: { generation: active.generation, proof: fromHex(active.proof) },
    snapshot: null,
  };
  const sealed = sealEnvelope(header, update, key, deps.sign);
  if (!fitsOneFrame(sealed.bytes)) {
    // One edit larger than a frame (a long paste, a whole imported bundle): cut into pieces that
    // each fit, which go out like any other rows; one no cut can split is kept, and said.
    if (rows.length === 1 && cutInPieces(rt, last)) void ops.flush();
    else deps.onWarning('update-too-large', `${sealed.bytes.length} bytes`);
    return;
  }
  const sent = { clock, snapshotId: active.id, lastOutboxId: last.id };
  rt.inFlight = { kind: 'update', ...sent };
  rt.lastSent = sent;
  try {
    const answer = await connection.request({ type: 'publish', envelope: sealed.bytes });
    if (answer.type !== 'ack') throw new Error(`unexpected answer ${answer.type}`);
    ops.publishAccepted();
    // A snapshot delivered before this ACK (a relay need not keep their order) came after the
    // update at the relay, so it holds it: the clock counted on the old snapshot is not the new
    // one's (counting it there would refuse every later honest snapshot and clock). The rows are
    // acknowledged either way.
    if (rt.verifier.active?.id === sent.snapshotId) {
      rt.verifier = recordMyUpdateAck(
        rt.verifier,
        deps.me,
        clock,
        answer.seq,
        sealed.ciphertextHash,
      );
    }
    acknowledgeRows(rt, last.id);
    rt.lastSent = null;
    rt.inFlight = null;
    deps.onPendingChanged();
    if (ops.ensureEpochSnapshot()) return;
    const waiting = outboxCount(deps.db, deps.docId);
    if (waiting === 0) {
      if (updatesOnActive(rt.verifier) >= deps.snapshotEvery) await ops.publishSnapshot(false);
      return;
    }
    // A backlog (edits made offline) goes out batch after batch, its last part too. Edits typed
    // during the round trip wait for the batch window like any others, so fast typing makes one
    // update per window, not one per round trip (each costs a seal, and a signature check and a
    // stored row at every member).
    if (backlog) void ops.flush();
    else ops.publishSoon();
  } catch (error) {
    rt.inFlight = null;
    await handlePublishError(rt, ops, error);
  }
}

/** A single item larger than this goes in a piece of its own, which must still fit a frame. */
const ONE_ITEM_MAX_BYTES = LIMITS.relay.maxFrameBytes - 16 * 1024;

/** Replaces an outbox row too large for a frame by pieces that fit; false if it cannot be cut. */
function cutInPieces(rt: DocRuntime, row: { id: number; update: Uint8Array }): boolean {
  if (rt.uncuttableRow === row.id) return false;
  let pieces: Uint8Array[] | null;
  try {
    pieces = splitUpdate(
      Y.encodeStateAsUpdateV2(rt.ydoc),
      row.update,
      MAX_BATCH_BYTES,
      ONE_ITEM_MAX_BYTES,
    );
  } catch {
    // Main's replica could not be built (onUnreadable hears of that): nothing to cut from.
    return false;
  }
  if (!pieces || pieces.length === 0) {
    rt.uncuttableRow = row.id;
    return false;
  }
  try {
    replaceOutboxRow(rt.deps.db, rt.deps.docId, row.id, pieces);
  } catch {
    // The vault refused the write (a full disk): the row stays whole, cut at the next flush.
    return false;
  }
  rt.deps.onPendingChanged();
  return true;
}

export async function handlePublishError(
  rt: DocRuntime,
  ops: DocOps,
  error: unknown,
): Promise<void> {
  const { deps } = rt;
  if (!(error instanceof RelayRequestError)) {
    deps.onWarning('publish-failed', String(error));
    return;
  }
  // Retried after the reconnection (a relay shutting down closes the connection next).
  if (error.code === 'offline' || error.code === 'shuttingDown') return;
  // Unanswered: the relay may have stored it and only the ACK be lost. Sealing the outbox again
  // now would reuse its clock for more rows; the catch-up says which (ownUpdateStored) first.
  if (
    error.code === 'timeout' ||
    error.code === 'staleSnapshot' ||
    error.code === 'clockMismatch'
  ) {
    // Someone moved the document on (or may have): catch up, then re-seal the outbox against the
    // new state.
    ops.resubscribeAfterRefusal();
    return;
  }
  // An update the relay says names another proof of the active snapshot: my view forked from it.
  if (error.code === 'snapshotConflict') {
    deps.onWarning('relay-refused-snapshotConflict', error.message);
    return;
  }
  if (error.code === 'wrongEpoch') {
    // The group moved to a new key before we heard of it: learn it, then send again.
    deps.onStaleEpoch();
    return;
  }
  deps.onWarning(`relay-refused-${error.code}`, error.message);
}
