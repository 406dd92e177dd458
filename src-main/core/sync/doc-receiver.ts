// What the relay delivers for one open document, judged by the verifier and then applied to main's
// replica, handed to the renderer and recorded for the vault; or refused, and then warned about,
// muted (a frame seen before), or taken as a sign that the relay's history was rewritten.
import * as Y from 'yjs';
import { bytesEqual, toHex } from '../../../src-shared/protocol/bytes';
import type { Envelope, EnvelopeHeader, SnapshotLink } from '../../../src-shared/protocol/envelope';
import { verifyDeliver, verifyLink, type Verdict } from './document-verifier';
import type { Recovery } from './doc-recovery';
import type { RendererFeed } from './doc-renderer-feed';
import type { RewindRepair } from './doc-rewind';
import { acknowledgeRows, type DocRuntime } from './doc-runtime';
import type { MainReplica } from './doc-main-replica';
import { ciphertextHash } from './envelope-crypto';
import type { Failure } from './envelope-checks';

/** What a frame already judged fails as when it comes again (docs/protocol-client-checks.md). */
const ALREADY_SEEN: ReadonlySet<string> = new Set(['replayed', 'rolled-back', 'unknown-snapshot']);

export interface ReceiverParts {
  rt: DocRuntime;
  replica: MainReplica;
  feed: RendererFeed;
  recovery: Recovery;
  rewind: RewindRepair;
}

export class DocReceiver {
  constructor(private readonly parts: ReceiverParts) {}

  deliver(seq: number, envelope: Envelope, authorSigned: boolean): void {
    const { rt, rewind } = this.parts;
    if (rewind.ignores(seq, () => ciphertextHash(envelope.ciphertext))) return;
    const seen = this.alreadyPast(seq);
    const ctx = rt.deps.context();
    this.accept(verifyDeliver(rt.verifier, ctx, seq, envelope, authorSigned), seen);
  }

  link(seq: number, link: SnapshotLink): void {
    const { rt, rewind } = this.parts;
    if (rewind.ignores(seq, () => link.ciphertextHash)) return;
    const seen = this.alreadyPast(seq);
    this.accept(verifyLink(rt.verifier, rt.deps.context(), link), seen);
  }

  /**
   * A seq at or below the one the next catch-up starts after: most often an earlier subscription's
   * frame that crossed a resubscribe (the new catch-up sends it again). Still judged and applied
   * if it passes (a relay may deliver a late seq), but failing as already seen is no alarm.
   */
  private alreadyPast(seq: number): boolean {
    return seq <= this.parts.rt.verifier.lastSeq;
  }

  private refused(failure: Failure, seen: boolean): void {
    const { rt, rewind, recovery } = this.parts;
    if (seen && ALREADY_SEEN.has(failure.reason)) return;
    if (rewind.quiets(failure)) return;
    // Nothing applied, nothing stored, state unchanged: the user is warned instead.
    rt.deps.onWarning(failure.reason, failure.detail, failure.author, failure.claimedLength);
    if (failure.reason === 'gap' || failure.reason === 'unknown-snapshot') recovery.soon();
  }

  private accept(verdict: Verdict, seen: boolean): void {
    if (!verdict.ok) {
      this.refused(verdict, seen);
      return;
    }
    const { rt, replica, feed } = this.parts;
    // A document main cannot build takes nothing more: the verifier does not move past it.
    if (!replica.ready()) return;
    rt.verifier = verdict.state;
    let apply = verdict.apply;
    if (verdict.bad) rt.deps.onWarning(verdict.bad.reason, verdict.bad.detail, verdict.bad.author);
    if (apply) feed.willApply();
    if (apply && !this.applyRemote(apply, verdict.header)) apply = null;
    // The renderer gets the turn's updates as one at the turn's end (doc-renderer-feed), as a rule
    // before they are stored (when the turn's first message had an update to apply): what it shows
    // need not wait for the vault's write, and either order loses nothing (a remote update not yet
    // stored comes again from the relay). My own too: one comes back as an update only when this
    // device's copy of it was lost (an ACK or, after a power cut, the written rows themselves), and
    // then the view may not hold it.
    if (apply) feed.applied(apply);
    // Stored with the others of this turn, in one transaction at its end (doc-remote-store).
    rt.remote.record(apply);
    const header = verdict.header;
    const mine = header !== null && bytesEqual(header.author, rt.deps.me);
    if (mine && verdict.kind === 'update' && header) this.ownUpdateStored(header);
  }

  /**
   * Applies a verified update. Yjs can still throw on bytes it decoded (a member's modified app can
   * craft them): then nothing reaches the renderer or the vault, and the user hears who sent it.
   */
  private applyRemote(update: Uint8Array, header: EnvelopeHeader | null): boolean {
    const { rt, replica } = this.parts;
    try {
      Y.applyUpdateV2(replica.get(), update, 'remote');
      return true;
    } catch (error) {
      rt.deps.onWarning('bad-update', String(error), header?.author);
      return false;
    }
  }

  /** My update came back in a catch-up although its ACK was lost: its outbox rows are done. */
  private ownUpdateStored(header: EnvelopeHeader): void {
    const { rt } = this.parts;
    const sent = rt.lastSent;
    if (sent && sent.clock === header.clock && sent.snapshotId === toHex(header.snapshotId)) {
      acknowledgeRows(rt, sent.lastOutboxId);
      rt.lastSent = null;
      rt.deps.onPendingChanged();
    }
  }
}
