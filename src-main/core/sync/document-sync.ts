// One open shared document: a main-side Y.Doc (the source of snapshots and of the offline copy), the
// verifier state, and the path of local edits: outbox row first, then batched, sealed against the
// active snapshot with my next clock, published, and dropped from the outbox only on ACK. The steps
// live in doc-*.ts; this class holds their shared state and applies what the verifier accepts.
import * as Y from 'yjs';
import { bytesEqual, toHex } from '../../../src-shared/protocol/bytes';
import type { Envelope, EnvelopeHeader, SnapshotLink } from '../../../src-shared/protocol/envelope';
import { startCatchUp, verifyDeliver, verifyLink, type VerifierState } from './document-verifier';
import { appendLocalUpdates, loadDoc } from './outbox';
import { durable } from '../vault/vault-durability';
import { RelayRequestError } from './relay-requests';
import { LocalCommits } from './doc-local-commits';
import { MainReplica } from './doc-main-replica';
import { flush } from './doc-publisher';
import { Recovery, RefusalPace } from './doc-recovery';
import { RemoteStore } from './doc-remote-store';
import { RendererFeed } from './doc-renderer-feed';
import { RewindRepair } from './doc-rewind';
import { ciphertextHash } from './envelope-crypto';
import { catchUpAfter } from './verifier-rewind';
import {
  acknowledgeRows,
  sendUnsubscribe,
  type DocOps,
  type DocRuntime,
  type DocumentSyncDeps,
} from './doc-runtime';
import { ensureEpochSnapshot, publishSnapshot } from './doc-snapshotter';

export type { DocumentSyncDeps } from './doc-runtime';

/** What a frame already judged fails as when it comes again (docs/protocol-client-checks.md). */
const ALREADY_SEEN: ReadonlySet<string> = new Set(['replayed', 'rolled-back', 'unknown-snapshot']);
/** What a catch-up's frame fails as when the relay's history does not extend mine (doc-rewind.ts). */
const OTHER_HISTORY: ReadonlySet<string> = new Set([
  'rolled-back',
  'forked-document',
  'omits-my-updates',
]);

export class DocumentSync {
  private readonly replica: MainReplica;
  private readonly rt: DocRuntime;
  private readonly local: LocalCommits;
  private readonly recovery: Recovery;
  private readonly refusals: RefusalPace;
  private readonly feed: RendererFeed;
  private readonly rewind: RewindRepair;
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
    try {
      await connection.request({
        type: 'subscribe',
        groupId: this.deps.groupId,
        docId: this.deps.docId,
        afterSeq: catchUpAfter(this.rt.verifier),
      });
    } catch (error) {
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
  }

  /**
   * A DELIVER frame, decoded once by the router; `authorSigned`: the verify worker already found
   * its author's signature valid (libsodium's same check on another thread).
   */
  onDeliver(seq: number, envelope: Envelope, authorSigned = false): void {
    if (this.rewind.ignores(seq, () => ciphertextHash(envelope.ciphertext))) return;
    const seen = this.alreadyPast(seq);
    const ctx = this.deps.context();
    this.accept(verifyDeliver(this.rt.verifier, ctx, seq, envelope, authorSigned), seen);
  }

  /** A link's seq is not recorded (docs/protocol-client-checks.md): the next catch-up sees it again. */
  onLink(seq: number, link: SnapshotLink): void {
    if (this.rewind.ignores(seq, () => link.ciphertextHash)) return;
    const seen = this.alreadyPast(seq);
    this.accept(verifyLink(this.rt.verifier, this.deps.context(), link), seen);
  }

  /**
   * A seq at or below the one the next catch-up starts after: most often an earlier subscription's
   * frame that crossed a resubscribe (the new catch-up sends it again). Still judged and applied
   * if it passes (a relay may deliver a late seq), but failing as already seen is no alarm.
   */
  private alreadyPast(seq: number): boolean {
    return seq <= this.rt.verifier.lastSeq;
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

  /**
   * Applies a verified update. Yjs can still throw on bytes it decoded (a member's modified app can
   * craft them): then nothing reaches the renderer or the vault, and the user hears who sent it.
   */
  private applyRemote(update: Uint8Array, header: EnvelopeHeader | null): boolean {
    try {
      Y.applyUpdateV2(this.ydoc, update, 'remote');
      return true;
    } catch (error) {
      this.deps.onWarning('bad-update', String(error), header?.author);
      return false;
    }
  }

  private accept(verdict: ReturnType<typeof verifyDeliver>, seen = false): void {
    if (!verdict.ok && seen && ALREADY_SEEN.has(verdict.reason)) return;
    if (!verdict.ok && verdict.reason === 'unknown-snapshot' && this.rewind.mutesUnknownSnapshot) {
      return;
    }
    if (!verdict.ok && !this.rt.caughtUp && OTHER_HISTORY.has(verdict.reason)) {
      this.rewind.suspect(`in a catch-up, ${verdict.reason}: ${verdict.detail}`);
      return;
    }
    if (!verdict.ok) {
      // Nothing applied, nothing stored, state unchanged: the user is warned instead.
      this.deps.onWarning(verdict.reason, verdict.detail, verdict.author, verdict.claimedLength);
      if (verdict.reason === 'gap' || verdict.reason === 'unknown-snapshot') this.recovery.soon();
      return;
    }
    // A document main cannot build takes nothing more: the verifier does not move past it.
    if (!this.replica.ready()) return;
    this.rt.verifier = verdict.state;
    let apply = verdict.apply;
    if (verdict.bad)
      this.deps.onWarning(verdict.bad.reason, verdict.bad.detail, verdict.bad.author);
    if (apply) this.feed.willApply();
    if (apply && !this.applyRemote(apply, verdict.header)) apply = null;
    // The renderer gets the turn's updates as one at the turn's end (doc-renderer-feed), as a rule
    // before they are stored (when the turn's first message had an update to apply): what it shows
    // need not wait for the vault's write, and either order loses nothing (a remote update not yet
    // stored comes again from the relay). My own too: one comes back as an update only when this
    // device's copy of it was lost (an ACK or, after a power cut, the written rows themselves), and
    // then the view may not hold it.
    if (apply) this.feed.applied(apply);
    // Stored with the others of this turn, in one transaction at its end (doc-remote-store).
    this.rt.remote.record(apply);
    const header = verdict.header;
    const mine = header !== null && bytesEqual(header.author, this.deps.me);
    if (mine && verdict.kind === 'update' && header) this.ownUpdateStored(header);
  }

  /** My update came back in a catch-up although its ACK was lost: its outbox rows are done. */
  private ownUpdateStored(header: EnvelopeHeader): void {
    const sent = this.rt.lastSent;
    if (sent && sent.clock === header.clock && sent.snapshotId === toHex(header.snapshotId)) {
      acknowledgeRows(this.rt, sent.lastOutboxId);
      this.rt.lastSent = null;
      this.deps.onPendingChanged();
    }
  }
}
