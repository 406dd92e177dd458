// A relay whose catch-up ends below a seq it already delivered here, or that serves another message
// at the last seq this device saw, has lost messages (restored from a backup) or hides them. The
// user is told, this device re-verifies the relay's history from the start instead of wedging on
// clocks the relay no longer holds, and a writer sends the relay a snapshot of everything it still
// has, so what the relay lost reaches the other members again.
import { otherAtLastSeq, restartAfterRewind } from './verifier-rewind';
import { sendUnsubscribe, type DocOps, type DocRuntime } from './doc-runtime';

/** A second rewind this soon waits for the recovery's pace: a relay cannot make us loop. */
const REWIND_AGAIN_MS = 60_000;

export class RewindRepair {
  /** A snapshot of this device's copy is owed to the relay. */
  private owed = false;
  private lastRewindAt = -Infinity;
  /** Another message at my last seq: what was seen, acted on at the end of this catch-up. */
  private suspicion: string | null = null;

  constructor(
    private readonly rt: DocRuntime,
    private readonly ops: DocOps,
    /** Subscribes again a little later, a few times a minute at most (doc-recovery.ts). */
    private readonly retrySoon: () => void,
  ) {}

  get due(): boolean {
    return this.owed;
  }

  /**
   * The relay served another message at my last seq. The rest of this catch-up (its frames were
   * queued before my request to start over could be read) is ignored; its CAUGHT_UP starts over.
   */
  suspect(detail: string): void {
    this.suspicion ??= detail;
  }

  /** What suspect() was told, until the state starts over; frames meanwhile are ignored. */
  get suspected(): string | null {
    return this.suspicion;
  }

  /** Whether a DELIVER or link at `seq` is to be ignored: the relay's history is found rewritten. */
  ignores(seq: number, mark: () => Uint8Array): boolean {
    if (this.suspicion) return true;
    if (!otherAtLastSeq(this.rt.verifier, seq, mark)) return false;
    this.suspect(`the relay's message ${seq} is not the one this device had`);
    return true;
  }

  /**
   * CAUGHT_UP: true if it ends a catch-up found rewritten, or one whose last seq is below mine (an
   * honest relay's never falls: its catch-up reads the store after everything I saw); then the
   * state starts over instead of going live.
   */
  caughtUp(seq: number): boolean {
    const last = this.rt.verifier.lastSeq;
    const detail =
      this.suspicion ??
      (seq < last ? `the relay's last message is ${seq}; this device had ${last}` : null);
    if (detail === null) return false;
    this.rewound(detail);
    return true;
  }

  /**
   * Everything verified against the lost history goes (its clocks and snapshot would refuse the
   * relay's honest new messages, and the relay would refuse my next clock): the next catch-up runs
   * from the relay's first message, every check as for a new member, and none naming a position
   * from before the one verified here by an author who lost the right to write since (the
   * verifier's floor). Nothing of the document goes:
   * main's replica and the vault keep it, and the outbox keeps what was not acknowledged.
   */
  restart(detail: string): void {
    const { rt } = this;
    rt.deps.onWarning('relay-rewound', detail);
    rt.verifier = restartAfterRewind(rt.verifier);
    // Its fate was judged against the lost history: whatever it was, the outbox sends it again.
    rt.lastSent = null;
    this.owed = true;
    this.suspicion = null;
  }

  /** restart(), then the catch-up from the start (at the recovery's pace if it happens again). */
  rewound(detail: string): void {
    this.restart(detail);
    const { rt } = this;
    const now = Date.now();
    const again = now - this.lastRewindAt < REWIND_AGAIN_MS;
    this.lastRewindAt = now;
    if (again) {
      this.retrySoon();
      return;
    }
    sendUnsubscribe(rt);
    void this.ops.subscribe();
  }

  /**
   * After the catch-up from the start: a snapshot of this copy, which holds what the relay lost
   * (Yjs keeps every member's edits here). Another member's repair may get there first: then the
   * relay refuses mine as naming an older parent, and I send mine again on top of theirs.
   */
  async repair(): Promise<void> {
    this.owed = false;
    const ctx = this.rt.deps.context();
    // A viewer cannot write: its copy stays here, and a writer's repair brings the rest.
    if (!ctx.canWrite) {
      void this.ops.flush();
      return;
    }
    // The relay lost the document itself: it starts again from an empty first snapshot.
    const hasActive = this.rt.verifier.active !== null || (await this.ops.publishSnapshot(true));
    if (hasActive && (await this.ops.publishSnapshot(false))) return;
    this.owed = true;
    this.retrySoon();
  }

  close(): void {
    this.owed = false;
    this.suspicion = null;
  }
}
