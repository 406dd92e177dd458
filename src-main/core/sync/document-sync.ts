// One open shared document: a main-side Y.Doc (the source of snapshots and of the offline copy), the
// verifier state, and the path of local edits: outbox row first, then batched, sealed against the
// active snapshot with my next clock, published, and dropped from the outbox only on ACK.
import * as Y from 'yjs';
import { toHex } from '../../../src-shared/protocol/bytes';
import { ZERO_HASH, ZERO_ID, type EnvelopeHeader } from '../../../src-shared/protocol/envelope';
import { fromHex, randomBytes } from '../crypto/sodium';
import type { Db } from '../vault/migrations';
import {
  nextClock,
  recordMySnapshotAck,
  recordMyUpdateAck,
  startCatchUp,
  updatesOnActive,
  verifyDeliver,
  verifyLink,
  type RejectionReason,
  type SnapshotRef,
  type VerifierState,
  type VerifyContext,
} from './document-verifier';
import { sealEnvelope, snapshotProof, type Sign } from './envelope-crypto';
import {
  acknowledge,
  appendLocalUpdates,
  compact,
  loadDoc,
  outboxCount,
  outboxRows,
  recordRemote,
  saveVerifier,
  updatesSinceCompaction,
} from './outbox';
import { RelayRequestError, type RelayConnection } from './relay-connection';

/** Outbox rows merged into one update at most; Y.mergeUpdatesV2 stays cheap on small batches. */
const MAX_BATCH_ROWS = 64;
/** A remote update that could not be stored is tried again after this long. */
const STORE_RETRY_MS = 1000;
/** After a gap: wait for the rest of the burst, then subscribe again; at most 3 times a minute. */
const RECOVERY_DELAY_MS = 250;
const RECOVERY_WINDOW_MS = 60_000;
const RECOVERIES_PER_WINDOW = 3;
/** Local updates kept as rows before the stored state is rewritten as one. */
const COMPACT_LOCAL_AFTER = 500;

export interface DocumentSyncDeps {
  db: Db;
  me: Uint8Array;
  groupId: Uint8Array;
  docId: Uint8Array;
  /** The verified membership and keys, read fresh each time (the log can grow). */
  context(): VerifyContext & { epoch: number; canWrite: boolean };
  sign: Sign;
  connection(): RelayConnection | null;
  onRemoteUpdate(update: Uint8Array): void;
  onWarning(reason: RejectionReason | string, detail: string): void;
  onPendingChanged(): void;
  /** A new catch-up starts: frames held back from the last one are dropped (they come again). */
  onResubscribe?(): void;
  /** The relay refused our epoch as old: refresh the group's log and keys, then flush again. */
  onStaleEpoch(): void;
  batchMs: number;
  snapshotEvery: number;
}

type InFlight =
  | { kind: 'update'; clock: number; snapshotId: string; lastOutboxId: number }
  | { kind: 'snapshot' };

export class DocumentSync {
  readonly ydoc = new Y.Doc({ gc: true });
  private verifier: VerifierState;
  private caughtUp = false;
  private inFlight: InFlight | null = null;
  /** The last update I published, kept after a lost connection: its echo proves it was stored. */
  private lastSent: { clock: number; snapshotId: string; lastOutboxId: number } | null = null;
  private batchTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Local edits of this event-loop turn, committed together (one fsync, not one per keystroke). */
  private uncommitted: Uint8Array[] = [];
  private commitWaiters: { resolve(): void; reject(error: unknown): void }[] = [];
  private commitScheduled = false;
  /** Verified remote updates of this turn, stored together with the verifier state. */
  private remoteUncommitted: Uint8Array[] = [];
  private remoteDirty = false;
  private remoteScheduled = false;
  private closedDb = false;
  private recoveryTimer: NodeJS.Timeout | null = null;
  private recoveries: number[] = [];

  constructor(private readonly deps: DocumentSyncDeps) {
    const stored = loadDoc(deps.db, deps.docId);
    if (!stored) throw new Error('document is not in the vault');
    this.verifier = stored.verifier;
    // Applied one by one, not merged: Y.mergeUpdates over many updates is superlinear.
    for (const update of stored.updates) Y.applyUpdateV2(this.ydoc, update, 'vault');
  }

  get docIdHex(): string {
    return toHex(this.deps.docId);
  }

  state(): Uint8Array {
    // Edits of this turn belong in the state a view opens with.
    this.commitLocal();
    return Y.encodeStateAsUpdateV2(this.ydoc);
  }

  verifierState(): VerifierState {
    return this.verifier;
  }

  /** Resolves once the edit is committed to the vault with the others of this turn; sent later. */
  applyLocalUpdate(update: Uint8Array): Promise<void> {
    this.uncommitted.push(update);
    const committed = new Promise<void>((resolve, reject) =>
      this.commitWaiters.push({ resolve, reject }),
    );
    if (!this.commitScheduled) {
      this.commitScheduled = true;
      setImmediate(() => this.commitLocal());
    }
    return committed;
  }

  uncommittedCount(): number {
    return this.uncommitted.length;
  }

  /** Writes every local edit made since the last commit in one durable transaction. */
  private commitLocal(): void {
    this.commitScheduled = false;
    const updates = this.uncommitted;
    const waiters = this.commitWaiters;
    this.uncommitted = [];
    this.commitWaiters = [];
    if (updates.length === 0) return;
    // One merged update per turn: one row to store, one Yjs transaction on the main-side document
    // (a turn holds at most what the renderer sent meanwhile, so the merge stays small).
    const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdatesV2(updates);
    try {
      appendLocalUpdates(this.deps.db, this.deps.docId, [merged], Date.now());
    } catch (error) {
      // Not acknowledged: the renderer keeps these edits and sends them again.
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    Y.applyUpdateV2(this.ydoc, merged, 'local');
    for (const waiter of waiters) waiter.resolve();
    this.deps.onPendingChanged();
    this.compactLocallyIfNeeded();
    if (!this.batchTimer && !this.closed) {
      this.batchTimer = setTimeout(() => {
        this.batchTimer = null;
        void this.flush();
      }, this.deps.batchMs);
    }
  }

  /** (Re)subscribes from the last verified seq: called on every connect and on open. */
  async subscribe(): Promise<void> {
    const connection = this.deps.connection();
    if (!connection || connection.status() !== 'connected' || this.closed) return;
    this.caughtUp = false;
    this.verifier = startCatchUp(this.verifier);
    // Whatever the engine held back for this document will come again in this catch-up.
    this.deps.onResubscribe?.();
    try {
      await connection.request({
        type: 'subscribe',
        groupId: this.deps.groupId,
        docId: this.deps.docId,
        afterSeq: this.verifier.lastSeq,
      });
    } catch (error) {
      if (!(error instanceof RelayRequestError) || error.code !== 'offline') {
        this.deps.onWarning('subscribe-refused', String(error));
      }
    }
  }

  unsubscribe(): void {
    // Edits and remote updates of this very turn are committed before the vault can close.
    this.commitLocal();
    this.commitRemote();
    this.closedDb = true;
    this.closed = true;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer);
    this.deps.connection()?.send({
      type: 'unsubscribe',
      groupId: this.deps.groupId,
      docId: this.deps.docId,
    });
    this.ydoc.destroy();
  }

  onDisconnected(): void {
    this.caughtUp = false;
  }

  onDeliver(seq: number, envelope: Uint8Array): void {
    const verdict = verifyDeliver(this.verifier, this.deps.context(), seq, envelope);
    this.accept(verdict);
  }

  onLink(seq: number, link: Uint8Array): void {
    this.accept(verifyLink(this.verifier, this.deps.context(), seq, link));
  }

  onCaughtUp(): void {
    this.caughtUp = true;
    const ctx = this.deps.context();
    if (!this.verifier.active && ctx.canWrite) void this.publishSnapshot(true);
    else if (!this.ensureEpochSnapshot()) void this.flush();
  }

  /**
   * After a key rotation the document is re-snapshotted under the new epoch's key (DESIGN.md §5), so
   * a member who joins later reads it from the snapshot and nothing new leans on the old key.
   * Returns whether a snapshot was started.
   */
  ensureEpochSnapshot(): boolean {
    const active = this.verifier.active;
    const ctx = this.deps.context();
    if (!active || !ctx.canWrite || (active.epoch ?? 0) >= ctx.epoch) return false;
    if (!this.canSend() || !ctx.documentKey(ctx.epoch)) return false;
    void this.publishSnapshot(false);
    return true;
  }

  private accept(verdict: ReturnType<typeof verifyDeliver>): void {
    if (!verdict.ok) {
      // Nothing applied, nothing stored, state unchanged: the user is warned instead.
      this.deps.onWarning(verdict.reason, verdict.detail);
      if (verdict.reason === 'gap' || verdict.reason === 'unknown-snapshot') this.recoverSoon();
      return;
    }
    this.verifier = verdict.state;
    if (verdict.apply) Y.applyUpdateV2(this.ydoc, verdict.apply, 'remote');
    this.recordRemoteThisTurn(verdict.apply);
    const header = verdict.header;
    const mine = header !== null && toHex(header.author) === toHex(this.deps.me);
    if (mine && verdict.kind === 'update' && header) this.ownUpdateStored(header);
    if (verdict.apply && !mine) this.deps.onRemoteUpdate(verdict.apply);
    this.compactLocallyIfNeeded();
  }

  /**
   * Remote updates are stored once per event-loop turn, not once per message: a catch-up delivers
   * thousands in a few turns. They are on the relay already, so a crash before the commit only
   * means fetching them again; the verifier state is saved with them, never ahead of them.
   */
  private recordRemoteThisTurn(update: Uint8Array | null): void {
    if (update) this.remoteUncommitted.push(update);
    this.remoteDirty = true;
    if (!this.remoteScheduled) {
      this.remoteScheduled = true;
      setImmediate(() => this.commitRemote());
    }
  }

  /** Called before anything else saves the verifier state, so it never runs ahead of the updates. */
  private commitRemote(): void {
    this.remoteScheduled = false;
    if (!this.remoteDirty || this.closedDb) return;
    const updates = this.remoteUncommitted;
    this.remoteUncommitted = [];
    this.remoteDirty = false;
    try {
      recordRemote(this.deps.db, this.deps.docId, updates, this.verifier);
    } catch (error) {
      // Not stored (a full disk): keep them, in order, and try again shortly, so the verifier
      // state is never saved without the updates it counts. A wiped space closes this document.
      this.remoteUncommitted = [...updates, ...this.remoteUncommitted];
      this.remoteDirty = true;
      this.deps.onWarning('store-failed', String(error));
      if (!this.remoteScheduled && !this.closed) {
        this.remoteScheduled = true;
        setTimeout(() => this.commitRemote(), STORE_RETRY_MS).unref();
      }
    }
  }

  /**
   * Something is missing before what arrived (a dropped update, a snapshot I have not seen): ask the
   * relay again from the last verified seq, as a reconnect would. A few times a minute at most, so a
   * relay that keeps dropping cannot make us loop; the warning has told the user either way.
   */
  private recoverSoon(): void {
    if (this.recoveryTimer || this.closed) return;
    const now = Date.now();
    this.recoveries = this.recoveries.filter((at) => now - at < RECOVERY_WINDOW_MS);
    if (this.recoveries.length >= RECOVERIES_PER_WINDOW) return;
    this.recoveries.push(now);
    this.recoveryTimer = setTimeout(() => {
      this.recoveryTimer = null;
      if (this.closed) return;
      this.deps.connection()?.send({
        type: 'unsubscribe',
        groupId: this.deps.groupId,
        docId: this.deps.docId,
      });
      void this.subscribe();
    }, RECOVERY_DELAY_MS);
  }

  /** My update came back in a catch-up although its ACK was lost: its outbox rows are done. */
  private ownUpdateStored(header: EnvelopeHeader): void {
    const sent = this.lastSent;
    if (sent && sent.clock === header.clock && sent.snapshotId === toHex(header.snapshotId)) {
      this.commitRemote();
      acknowledge(this.deps.db, this.deps.docId, sent.lastOutboxId, this.verifier);
      this.lastSent = null;
      this.deps.onPendingChanged();
    }
  }

  private canSend(): RelayConnection | null {
    const connection = this.deps.connection();
    if (!connection || connection.status() !== 'connected') return null;
    if (this.closed || !this.caughtUp || this.inFlight || !this.verifier.active) return null;
    return connection;
  }

  async flush(): Promise<void> {
    const connection = this.canSend();
    const active = this.verifier.active;
    if (!connection || !active) return;
    const ctx = this.deps.context();
    if (!ctx.canWrite) return;
    const rows = outboxRows(this.deps.db, this.deps.docId, MAX_BATCH_ROWS);
    const last = rows[rows.length - 1];
    if (!last) return;
    const update = rows.length === 1 ? last.update : Y.mergeUpdatesV2(rows.map((r) => r.update));
    const clock = nextClock(this.verifier, this.deps.me);
    const key = ctx.documentKey(ctx.epoch);
    if (!key) return;
    const header: EnvelopeHeader = {
      kind: 'update',
      groupId: this.deps.groupId,
      docId: this.deps.docId,
      epoch: ctx.epoch,
      snapshotId: fromHex(active.id),
      author: this.deps.me,
      clock,
      snapshot: null,
    };
    const sealed = sealEnvelope(header, update, key, this.deps.sign);
    const sent = { clock, snapshotId: active.id, lastOutboxId: last.id };
    this.inFlight = { kind: 'update', ...sent };
    this.lastSent = sent;
    try {
      const answer = await connection.request({ type: 'publish', envelope: sealed.bytes });
      if (answer.type !== 'ack') throw new Error(`unexpected answer ${answer.type}`);
      // Still the same snapshot (a snapshot delivered meanwhile would have made the relay refuse).
      this.verifier = recordMyUpdateAck(this.verifier, this.deps.me, clock, answer.seq);
      this.commitRemote();
      acknowledge(this.deps.db, this.deps.docId, last.id, this.verifier);
      this.lastSent = null;
      this.inFlight = null;
      this.deps.onPendingChanged();
      if (this.ensureEpochSnapshot()) return;
      if (updatesOnActive(this.verifier) >= this.deps.snapshotEvery) {
        if (outboxCount(this.deps.db, this.deps.docId) === 0) {
          await this.publishSnapshot(false);
          return;
        }
      }
      void this.flush();
    } catch (error) {
      this.inFlight = null;
      await this.handlePublishError(error);
    }
  }

  private async handlePublishError(error: unknown): Promise<void> {
    if (!(error instanceof RelayRequestError)) {
      this.deps.onWarning('publish-failed', String(error));
      return;
    }
    if (error.code === 'offline' || error.code === 'timeout') return; // retried after reconnect
    if (error.code === 'staleSnapshot' || error.code === 'clockMismatch') {
      // Someone moved the document on: catch up, then re-seal the outbox against the new state.
      this.deps.connection()?.send({
        type: 'unsubscribe',
        groupId: this.deps.groupId,
        docId: this.deps.docId,
      });
      await this.subscribe();
      return;
    }
    if (error.code === 'snapshotConflict') return;
    if (error.code === 'wrongEpoch') {
      // The group moved to a new key before we heard of it: learn it, then send again.
      this.deps.onStaleEpoch();
      return;
    }
    this.deps.onWarning(`relay-refused-${error.code}`, error.message);
  }

  /**
   * Compacts the document into a new snapshot: fresh Y.Doc state, never a merge of many updates.
   * parentClocks are the clocks I verified; if the relay holds others it refuses and we drop it.
   */
  private async publishSnapshot(genesis: boolean): Promise<void> {
    const connection = this.canSend() ?? (genesis ? this.genesisConnection() : null);
    if (!connection) return;
    const ctx = this.deps.context();
    const key = ctx.documentKey(ctx.epoch);
    if (!key || !ctx.canWrite) return;
    const parent: SnapshotRef = this.verifier.active ?? {
      id: toHex(ZERO_ID),
      generation: 0,
      proof: toHex(ZERO_HASH),
    };
    const snapshotId = randomBytes(16);
    const parentProof = fromHex(parent.proof);
    const header: EnvelopeHeader = {
      kind: 'snapshot',
      groupId: this.deps.groupId,
      docId: this.deps.docId,
      epoch: ctx.epoch,
      snapshotId,
      author: this.deps.me,
      clock: 0,
      snapshot: {
        parentId: fromHex(parent.id),
        parentProof,
        generation: parent.generation + 1,
        parentClocks: genesis
          ? []
          : Object.entries(this.verifier.clocks).map(([author, clock]) => ({
              author: fromHex(author),
              clock,
            })),
      },
    };
    // The genesis snapshot is empty: local edits go out as updates, which the relay orders.
    const plaintext = genesis
      ? Y.encodeStateAsUpdateV2(new Y.Doc())
      : Y.encodeStateAsUpdateV2(this.ydoc);
    const sealed = sealEnvelope(header, plaintext, key, this.deps.sign);
    this.inFlight = { kind: 'snapshot' };
    try {
      const answer = await connection.request({ type: 'publish', envelope: sealed.bytes });
      if (answer.type !== 'ack') throw new Error(`unexpected answer ${answer.type}`);
      const ref: SnapshotRef = {
        id: toHex(snapshotId),
        generation: parent.generation + 1,
        proof: toHex(snapshotProof(parentProof, snapshotId, sealed.ciphertextHash)),
        epoch: ctx.epoch,
      };
      this.verifier = recordMySnapshotAck(this.verifier, ref, answer.seq);
      this.commitRemote();
      saveVerifier(this.deps.db, this.deps.docId, this.verifier);
      this.inFlight = null;
    } catch (error) {
      this.inFlight = null;
      if (!(error instanceof RelayRequestError) || error.code !== 'snapshotConflict') {
        await this.handlePublishError(error);
        return;
      }
    }
    void this.flush();
  }

  private genesisConnection(): RelayConnection | null {
    const connection = this.deps.connection();
    if (!connection || connection.status() !== 'connected' || this.inFlight || this.closed) {
      return null;
    }
    return this.caughtUp && !this.verifier.active ? connection : null;
  }

  private compactLocallyIfNeeded(): void {
    if (updatesSinceCompaction(this.deps.db, this.deps.docId) > COMPACT_LOCAL_AFTER) {
      this.commitRemote();
      compact(this.deps.db, this.deps.docId, Y.encodeStateAsUpdateV2(this.ydoc));
    }
  }
}
