// The state one open document's sync units share (plain data, mutated only by them) and the small
// checks they all make. DocumentSync owns one and hands it to the publisher, snapshotter and others.
import { LIMITS } from '../../../src-shared/limits';
import type { LogHead } from '../../../src-shared/protocol/envelope';
import type * as Y from 'yjs';
import type { Db } from '../vault/migrations';
import type { RejectionReason, VerifierState, VerifyContext } from './document-verifier';
import type { Sign } from './envelope-crypto';
import type { RelayConnection } from './relay-connection';
import type { RemoteStore } from './doc-remote-store';
import { acknowledge } from './outbox';

export interface DocumentSyncDeps {
  db: Db;
  me: Uint8Array;
  groupId: Uint8Array;
  docId: Uint8Array;
  /** The verified membership and keys, read fresh each time (the log can grow). */
  context(): VerifyContext & { epoch: number; canWrite: boolean; myHead: LogHead };
  sign: Sign;
  connection(): RelayConnection | null;
  onRemoteUpdate(update: Uint8Array): void;
  /** `author`: the member whose message caused it, where one did. */
  onWarning(
    reason: RejectionReason | string,
    detail: string,
    author?: Uint8Array,
    claimedLength?: number,
  ): void;
  onPendingChanged(): void;
  /** A new catch-up starts: frames held back from the last one are dropped (they come again). */
  onResubscribe?(): void;
  /** The vault's copy of the document cannot be read (a row Yjs refuses): it should be closed. */
  onUnreadable?(): void;
  /** The relay refused our epoch as old: refresh the group's log and keys, then flush again. */
  onStaleEpoch(): void;
  batchMs: number;
  snapshotEvery: number;
}

/**
 * What became of a snapshot: acknowledged; refused for another member's that got there first;
 * not sent because a publish was in flight; larger than a frame; or not sent for another reason.
 */
export type SnapshotOutcome = 'acked' | 'conflict' | 'busy' | 'too-large' | 'unsent';

/** What I published and await the ACK of; one at a time, so clocks and snapshots stay in order. */
export type InFlight =
  | { kind: 'update'; clock: number; snapshotId: string; lastOutboxId: number }
  | { kind: 'snapshot' };

export type SentUpdate = { clock: number; snapshotId: string; lastOutboxId: number };

export interface DocRuntime {
  readonly deps: DocumentSyncDeps;
  readonly ydoc: Y.Doc;
  readonly remote: RemoteStore;
  verifier: VerifierState;
  caughtUp: boolean;
  inFlight: InFlight | null;
  /** The last update I published, kept after a lost connection: its echo proves it was stored. */
  lastSent: SentUpdate | null;
  /**
   * The outbox row found too large for a frame that no cut can split (one value larger than any
   * frame): cutting costs about one load of the document per piece, so it is not tried again at
   * every flush.
   */
  uncuttableRow: number | null;
  closed: boolean;
}

/** The steps the units call on each other, bound by DocumentSync (they recurse: flush ↔ snapshot). */
export interface DocOps {
  flush(): Promise<void>;
  /** A flush at the pace of local commits: at once after a quiet spell, else when the window ends. */
  publishSoon(): void;
  publishSnapshot(genesis: boolean): Promise<SnapshotOutcome>;
  ensureEpochSnapshot(): boolean;
  subscribe(): Promise<void>;
  /** A publish was refused as stale (or not answered): catch up again, slower if it keeps on. */
  resubscribeAfterRefusal(): void;
  /** The relay took a publish (an ACK). */
  publishAccepted(): void;
}

/**
 * Whether a sealed envelope fits one relay frame (with room for the frame's own few bytes). One that
 * does not is never sent: the relay would refuse it, or close the connection, and every document on
 * that connection would wait behind it.
 */
export function fitsOneFrame(envelope: Uint8Array): boolean {
  return envelope.length <= LIMITS.relay.maxFrameBytes - FRAME_OVERHEAD_BYTES;
}
const FRAME_OVERHEAD_BYTES = 64;

/** The connection to publish on now, or null: connected, caught up, nothing in flight, a snapshot. */
export function canSend(rt: DocRuntime): RelayConnection | null {
  const connection = rt.deps.connection();
  if (!connection || connection.status() !== 'connected') return null;
  if (rt.closed || !rt.caughtUp || rt.inFlight || !rt.verifier.active) return null;
  return connection;
}

/**
 * The relay stored my outbox rows up to `lastId`: they go, with the verifier state that counts
 * them, unless remote updates it also counts are not stored yet (then it is saved with those).
 */
export function acknowledgeRows(rt: DocRuntime, lastId: number): void {
  const stored = rt.remote.commit();
  acknowledge(rt.deps.db, rt.deps.docId, lastId, stored ? rt.verifier : null);
}

export function sendUnsubscribe(rt: DocRuntime): void {
  rt.deps.connection()?.send({
    type: 'unsubscribe',
    groupId: rt.deps.groupId,
    docId: rt.deps.docId,
  });
}
