// One open shared document: a main-side Y.Doc (the source of snapshots and of the offline copy), the
// verifier state, and the path of local edits: outbox row first, then batched, sealed against the
// active snapshot with my next clock, published, and dropped from the outbox only on ACK. The steps
// live in doc-*.ts (what the relay delivers: doc-receiver.ts); this class holds their shared state.
import * as Y from 'yjs';
import { toHex } from '../../../src-shared/protocol/bytes';
import type { Envelope, SnapshotLink } from '../../../src-shared/protocol/envelope';
import { startCatchUp, type VerifierState } from './document-verifier';
import { appendLocalUpdates, loadDoc } from './outbox';
import { durable } from '../vault/vault-durability';
import { RelayRequestError } from './relay-requests';
import { LocalCommits } from './doc-local-commits';
import { MainReplica } from './doc-main-replica';
import { flush } from './doc-publisher';
import { Recovery, RefusalPace } from './doc-recovery';
import { RemoteStore } from './doc-remote-store';
import { RendererFeed } from './doc-renderer-feed';
import { DocReceiver } from './doc-receiver';
import { RewindRepair } from './doc-rewind';
import { catchUpAfter } from './verifier-rewind';
import {
  sendUnsubscribe,
  type DocOps,
  type DocRuntime,
  type DocumentSyncDeps,
} from './doc-runtime';
import { ensureEpochSnapshot, publishSnapshot } from './doc-snapshotter';

export type { DocumentSyncDeps } from './doc-runtime';

export class DocumentSync {
  private readonly replica: MainReplica;
  private readonly rt: DocRuntime;
  private readonly local: LocalCommits;
  private readonly recovery: Recovery;
  private readonly refusals: RefusalPace;
  private readonly feed: RendererFeed;
  private readonly rewind: RewindRepair;
  private readonly receiver: DocReceiver;
  private readonly ops: DocOps = {
    flush: () => this.flush(),
    publishSoon: () => this.local.publishSoon(),
    publishSnapshot: (genesis) => publishSnapshot(this.rt, this.ops, genesis),
    ensureEpochSnapshot: () => this.ensureEpochSnapshot(),
    subscribe: () => this.subscribe(),
    resubscribeAfterRefusal: () => this.refusals.refused(),
    publishAccepted: () => this.refusals.accepted(),
  };

  constructor(private readonly deps: DocumentSyncDeps) {
    const stored = loadDoc(deps.db, deps.docId);
    if (!stored) throw new Error('document is not in the vault');
    this.replica = new MainReplica(stored.updates, (error) => {
      deps.onWarning('bad-update', `the stored document could not be read: ${String(error)}`);
      deps.onUnreadable?.();
    });
    const remote = new RemoteStore({
      db: deps.db,
      docId: deps.docId,
      storedRows: stored.updates.length - 1,
      verifier: () => this.rt.verifier,
      state: () => Y.encodeStateAsUpdateV2(this.ydoc),
      onWarning: deps.onWarning,
    });
    this.feed = new RendererFeed(
      () => this.ydoc,
      (update) => deps.onRemoteUpdate(update),
    );
    const replica = this.replica;
    this.rt = {
      deps,
      get ydoc() {
        return replica.get();
      },
      remote,
      verifier: stored.verifier,
      caughtUp: false,
      inFlight: null,
      lastSent: null,
      uncuttableRow: null,
      closed: false,
    };
    this.local = new LocalCommits({
      persist: (merged) => {
        // Built first: an edit is stored only on top of a document main can hold.
        this.replica.get();
        appendLocalUpdates(deps.db, deps.docId, [merged], Date.now());
      },
      durable: () => durable(deps.db),
      applied: (merged) => Y.applyUpdateV2(this.ydoc, merged, 'local'),
      stored: () => {
        deps.onPendingChanged();
        this.rt.remote.localRowStored();
      },
      batchMs: deps.batchMs,
      onBatchDue: () => void this.flush(),
    });
    const resubscribe = (): void => {
      sendUnsubscribe(this.rt);
      void this.subscribe();
    };
    this.recovery = new Recovery(resubscribe);
    this.refusals = new RefusalPace(resubscribe);
    this.rewind = new RewindRepair(this.rt, this.ops, () => this.recovery.soon());
    this.receiver = new DocReceiver({
      rt: this.rt,
      replica: this.replica,
      feed: this.feed,
      recovery: this.recovery,
      rewind: this.rewind,
    });
  }

  /** Main's replica, built from the vault on first use (doc-main-replica.ts). */
  get ydoc(): Y.Doc {
    return this.replica.get();
  }

  /** Whether main's replica is (or can now be) built: false for a vault copy Yjs refuses. */
  readable(): boolean {
    return this.replica.ready();
  }

  /** Runs `then` once main's replica is built, before anything else changes it. */
  whenBuilt(then: (ydoc: Y.Doc) => void): void {
    this.replica.whenBuilt(then);
  }

  get docIdHex(): string {
    return toHex(this.deps.docId);
  }

  state(): Uint8Array {
    // Edits of this turn belong in the state a view opens with.
    this.local.commit();
    return Y.encodeStateAsUpdateV2(this.ydoc);
  }

  /**
   * What a view opening the document starts from, as updates to apply in order: the vault's rows as
   * they are while main's replica is not built (it is built in the next turn), else main's state.
   */
  openingState(maxRows: number): Uint8Array[] {
    const rows = this.local.count() === 0 ? this.replica.pendingRows() : null;
    if (rows && rows.length <= maxRows) {
      this.replica.buildSoon();
      return [...rows];
    }
    return [this.state()];
  }

  verifierState(): VerifierState {
    return this.rt.verifier;
  }

  /** Resolves once the edit is in the vault with the others of this turn, on disk; sent meanwhile. */
  applyLocalUpdate(update: Uint8Array): Promise<void> {
    return this.local.add(update);
  }

  /**
   * Content a member carried here on a file (src-main/core/sneakernet/), for a device that may not
   * write: applied and stored like a verified remote update, not sent, the verifier state unmoved
   * (it follows the relay's order, which this content never went through). False: not stored (a
   * full disk), kept in memory and tried again.
   */
  applyCarried(update: Uint8Array): boolean {
    Y.applyUpdateV2(this.ydoc, update, 'remote');
    this.rt.remote.record(update);
    // Now, not at the turn's end: nothing else has this content if the app stops before then.
    return this.storeNow();
  }

  /** Stores remote content still waiting for the turn's end; false: some could not be (a full disk). */
  storeNow(): boolean {
    return this.rt.remote.commit();
  }

  uncommittedCount(): number {
    return this.local.count();
  }

  /** (Re)subscribes from the last verified seq: called on every connect and on open. */
  async subscribe(): Promise<void> {
    const connection = this.deps.connection();
    if (!connection || connection.status() !== 'connected' || this.rt.closed) return;
    this.rt.caughtUp = false;
    // A catch-up found rewritten that ended before its CAUGHT_UP could act on it.
    this.rewind.beforeSubscribe();
    this.rt.verifier = startCatchUp(this.rt.verifier);
    // Whatever the engine held back for this document will come again in this catch-up.
    this.deps.onResubscribe?.();
    this.rewind.subscribing();
    try {
      await connection.request({
        type: 'subscribe',
        groupId: this.deps.groupId,
        docId: this.deps.docId,
        afterSeq: catchUpAfter(this.rt.verifier),
      });
    } catch (error) {
      // Also when only unanswered in time: its answer may still come (then its CAUGHT_UP follows
      // uncounted, and at worst a catch-up it replaced starts over for nothing), but if that answer
      // is a refusal, a count kept up would take the next catch-up's CAUGHT_UP for a replaced one
      // and leave the document uncaught-up until the connection ends. Noisy beats stuck.
      this.rewind.subscribeEnded();
      if (!(error instanceof RelayRequestError) || error.code !== 'offline') {
        this.deps.onWarning('subscribe-refused', String(error));
      }
    }
  }

  unsubscribe(): void {
    // Edits and remote updates of this very turn are committed before the vault can close.
    this.local.commit();
    this.rt.remote.commit();
    this.rt.remote.close();
    // The renderer keeps showing what it had: with this turn's remote updates.
    this.feed.flush();
    this.rt.closed = true;
    this.local.close();
    this.recovery.close();
    this.refusals.close();
    this.rewind.close();
    sendUnsubscribe(this.rt);
    this.replica.destroy();
  }

  onDisconnected(): void {
    this.rt.caughtUp = false;
    this.rewind.subscribeEnded(true);
  }

  /**
   * A DELIVER frame, decoded once by the router; `authorSigned`: the verify worker already found
   * its author's signature valid (libsodium's same check on another thread).
   */
  onDeliver(seq: number, envelope: Envelope, authorSigned = false): void {
    this.receiver.deliver(seq, envelope, authorSigned);
  }

  /** A link's seq is not recorded (docs/protocol-client-checks.md): the next catch-up sees it again. */
  onLink(seq: number, link: SnapshotLink): void {
    this.receiver.link(seq, link);
  }

  /** A CAUGHT_UP as it arrives (frames held ahead of it may wait): true if it ends here. */
  onCaughtUpArrived(seq: number): boolean {
    return this.rewind.arrived(seq);
  }

  /** The relay sent everything up to `seq`, its last message of the document; all of it is through. */
  onCaughtUp(): void {
    if (this.rewind.caughtUp()) return;
    this.rt.caughtUp = true;
    if (this.rewind.due) {
      void this.rewind.repair();
      return;
    }
    const ctx = this.deps.context();
    if (!this.rt.verifier.active && ctx.canWrite) void this.ops.publishSnapshot(true);
    else if (!this.ensureEpochSnapshot()) void this.flush();
  }

  /** A snapshot under the current epoch's key is due after a rotation; true if one was started. */
  ensureEpochSnapshot(): boolean {
    return ensureEpochSnapshot(this.rt, this.ops);
  }

  flush(): Promise<void> {
    return flush(this.rt, this.ops);
  }

  /**
   * A snapshot now, naming the current log: after a writer was made a viewer it still holds the
   * epoch key, and updates naming its old log position stay acceptable until a snapshot names a
   * later one (the "only forward" check).
   */
  snapshotNow(): void {
    void this.ops.publishSnapshot(false);
  }
}
