// A relay whose catch-up ends below a seq it already delivered here, or that serves another message
// at the last seq this device saw, has lost messages (restored from a backup) or hides them. The
// user is told, this device re-verifies the relay's history from the start instead of wedging on
// clocks the relay no longer holds, and a writer sends the relay a snapshot of everything it still
// has, so what the relay lost reaches the other members again.
import { otherAtLastSeq, restartAfterRewind } from './verifier-rewind';
import { sendUnsubscribe, type DocOps, type DocRuntime, type SnapshotOutcome } from './doc-runtime';
import { saveVerifier } from './outbox';

/** A second rewind this soon waits for the recovery's pace: a relay cannot make us loop. */
const REWIND_AGAIN_MS = 60_000;

export class RewindRepair {
  private lastRewindAt = -Infinity;
  /** Another message at my last seq: what was seen, acted on at the end of this catch-up. */
  private suspicion: string | null = null;
  /** Started over, and the catch-up from the start is not through yet. */
  private restarting = false;
  private repairing = false;

  constructor(
    private readonly rt: DocRuntime,
    private readonly ops: DocOps,
    /** Subscribes again a little later, a few times a minute at most (doc-recovery.ts). */
    private readonly retrySoon: () => void,
  ) {}

  /** A snapshot of this device's copy is owed to the relay (kept with the verified state). */
  get due(): boolean {
    return this.rt.verifier.repairOwed === true;
  }

  /**
   * While starting over, the old subscription's live updates may still come (the relay reads my
   * request to start over after them): they name the snapshot I no longer hold, which is no alarm.
   */
  get mutesUnknownSnapshot(): boolean {
    return this.restarting;
  }

  /**
   * A catch-up whose snapshots do not extend my chain (`rolled-back`, `forked-document`,
   * `omits-my-updates` before its CAUGHT_UP): an honest relay's catch-up starts after my last seq
   * and serves every snapshot since mine, so this is a rewritten history too — most often a relay
   * restored from a backup whose members' repair snapshots moved its active one past my last seq.
   */
  suspect(detail: string): void {
    this.suspicion ??= detail;
  }

  /** Whether a DELIVER or link at `seq` is to be ignored: the relay's history is found rewritten. */
  ignores(seq: number, mark: () => Uint8Array): boolean {
    if (this.suspicion) return true;
    if (!otherAtLastSeq(this.rt.verifier, seq, mark)) return false;
    // The rest of this catch-up was queued before my request to start over can be read: ignored.
    this.suspicion = `the relay's message ${seq} is not the one this device had`;
    return true;
  }

  /**
   * A CAUGHT_UP as it arrives: an honest relay's last seq never falls (its catch-up reads the store
   * after everything I saw). True if it did: the state starts over instead of going live.
   */
  arrived(seq: number): boolean {
    const last = this.rt.verifier.lastSeq;
    if (this.suspicion !== null || seq >= last) return false;
    this.rewound(`the relay's last message is ${seq}; this device had ${last}`);
    return true;
  }

  /** The catch-up is through: true if it was found rewritten (then the state starts over). */
  caughtUp(): boolean {
    if (this.suspicion === null) {
      this.restarting = false;
      return false;
    }
    this.rewound(this.suspicion);
    return true;
  }

  /** Before a new catch-up: one that ended before its CAUGHT_UP could act on a suspicion. */
  beforeSubscribe(): void {
    if (this.suspicion !== null) this.restart(this.suspicion);
  }

  /**
   * Everything verified against the lost history goes (its clocks and snapshot would refuse the
   * relay's honest new messages, and the relay would refuse my next clock): the next catch-up runs
   * from the relay's first message, every check as for a new member, and nothing applied from a
   * position before the one verified here by an author who lost the right to write since (the
   * verifier's floor). Nothing of the document goes: main's replica and the vault keep it, and the
   * outbox keeps what was not acknowledged.
   */
  private restart(detail: string): void {
    const { rt } = this;
    rt.deps.onWarning('relay-rewound', detail);
    rt.verifier = restartAfterRewind(rt.verifier);
    // Its fate was judged against the lost history: whatever it was, the outbox sends it again.
    rt.lastSent = null;
    this.suspicion = null;
    this.restarting = true;
  }

  /** restart(), then the catch-up from the start (at the recovery's pace if it happens again). */
  private rewound(detail: string): void {
    this.restart(detail);
    const now = Date.now();
    const again = now - this.lastRewindAt < REWIND_AGAIN_MS;
    this.lastRewindAt = now;
    if (again) {
      this.retrySoon();
      return;
    }
    sendUnsubscribe(this.rt);
    void this.ops.subscribe();
  }

  /**
   * After the catch-up from the start: a snapshot of this copy, which holds what the relay lost
   * (Yjs keeps every member's edits here). Another member's repair may get there first: then the
   * relay refuses mine as naming an older parent, and I send mine again on top of theirs. Owed
   * until acknowledged, in the stored state too: an app that stops first repairs at its next start.
   */
  async repair(): Promise<void> {
    if (this.repairing) return;
    this.repairing = true;
    try {
      await this.tryRepair();
    } finally {
      this.repairing = false;
    }
  }

  private async tryRepair(): Promise<void> {
    const { rt, ops } = this;
    // A viewer cannot write: its copy stays here, and a writer's repair brings the rest.
    if (!rt.deps.context().canWrite) {
      this.settle();
      void ops.flush();
      return;
    }
    // The relay lost the document itself: it starts again from an empty first snapshot.
    let outcome: SnapshotOutcome = rt.verifier.active ? 'acked' : await ops.publishSnapshot(true);
    if (outcome === 'acked') outcome = await ops.publishSnapshot(false);
    if (outcome === 'acked') {
      this.settle();
      return;
    }
    // Refused for another's snapshot, or a publish was in flight: soon again. Otherwise (no key
    // for the epoch yet, a document too large for one snapshot, offline) the next catch-up retries,
    // and the updates waiting meanwhile still go.
    if (outcome === 'conflict' || outcome === 'busy') this.retrySoon();
    else void ops.flush();
  }

  /** Nothing owed any more, stored with the state (or with the remote updates it counts). */
  private settle(): void {
    const { rt } = this;
    rt.verifier = { ...rt.verifier, repairOwed: false };
    if (rt.remote.commit()) saveVerifier(rt.deps.db, rt.deps.docId, rt.verifier);
  }

  close(): void {
    this.suspicion = null;
  }
}
