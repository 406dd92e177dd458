// A relay whose catch-up ends below a seq it already delivered here, or that serves another message
// at the last seq this device saw, has lost messages (restored from a backup) or hides them. The
// user is told, this device re-verifies the relay's history from the start instead of wedging on
// clocks the relay no longer holds, and a writer sends the relay a snapshot of everything it still
// has, so what the relay lost reaches the other members again.
import { otherAtLastSeq, restartAfterRewind } from './verifier-rewind';
import { sendUnsubscribe, type DocOps, type DocRuntime, type SnapshotOutcome } from './doc-runtime';
import { saveVerifier } from './outbox';

/** A second rewind this soon starts over only when the minute is up: a relay cannot make us loop. */
const REWIND_AGAIN_MS = 60_000;
/** A repair that could not go (no key for the epoch yet, offline) is tried again this much later. */
const REPAIR_AGAIN_MS = 60_000;
/** What a catch-up's frame fails as when the relay's history does not extend mine. */
const OTHER_HISTORY: ReadonlySet<string> = new Set([
  'rolled-back',
  'forked-document',
  'omits-my-updates',
]);

export class RewindRepair {
  private lastRewindAt = -Infinity;
  /** Another message at my last seq: what was seen, acted on at the end of this catch-up. */
  private suspicion: string | null = null;
  /** Started over, and the catch-up from the start is not through yet. */
  private restarting = false;
  private repairing = false;
  /** Subscribes sent whose CAUGHT_UP has not come (each answered one brings exactly one). */
  private pending = 0;
  /** The relay's last seq at the latest CAUGHT_UP: 0 when it holds nothing of the document. */
  private relayLastSeq = -1;
  /** The catch-up from the start, when a minute since the last is up. */
  private rewindTimer: NodeJS.Timeout | null = null;
  /** A repair that could not go, tried again. */
  private repairTimer: NodeJS.Timeout | null = null;
  private closed = false;

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

  subscribing(): void {
    this.pending++;
  }

  /** A subscribe that was refused, or a connection that ended: no CAUGHT_UP comes for it. */
  subscribeEnded(all = false): void {
    this.pending = all ? 0 : Math.max(0, this.pending - 1);
  }

  /**
   * A refusal that is no alarm here, or a sign of a rewritten history (then `suspect`ed):
   * - while starting over, the old subscription's live frames may still come (the relay reads my
   *   request to start over after them): they name a snapshot or chain I no longer hold;
   * - while a newer subscribe is outstanding, this catch-up's snapshots meet a chain the newer one
   *   cleared: they come again in it;
   * - otherwise a catch-up whose snapshots do not extend my chain (`rolled-back`, `forked-document`,
   *   `omits-my-updates` before its CAUGHT_UP): an honest relay's catch-up starts after my last
   *   seq and serves every snapshot since mine, so this is a rewritten history too — most often a
   *   relay restored from a backup whose members' repair snapshots moved its active one past mine.
   */
  quiets(failure: { reason: string; detail: string }): boolean {
    const history = OTHER_HISTORY.has(failure.reason);
    // A replaced catch-up: its snapshots meet the cleared chain, and its updates then build on a
    // snapshot not taken here (or skip clocks): all of it comes again in the newer one.
    if (!this.rt.caughtUp && this.pending > 1) {
      if (history || failure.reason === 'unknown-snapshot' || failure.reason === 'gap') return true;
    }
    if (this.restarting && (history || failure.reason === 'unknown-snapshot')) return true;
    if (!history || this.rt.caughtUp) return false;
    if (this.pending <= 1) this.suspicion ??= `in a catch-up, ${failure.reason}: ${failure.detail}`;
    return true;
  }

  /** Whether a DELIVER or link at `seq` is to be ignored: the relay's history is found rewritten. */
  ignores(seq: number, mark: () => Uint8Array): boolean {
    if (this.suspicion) return true;
    if (!otherAtLastSeq(this.rt.verifier, seq, mark)) return false;
    const detail = `the relay's message ${seq} is not the one this device had`;
    // Live: nothing else of this catch-up is coming, so start over now.
    if (this.rt.caughtUp) this.rewound(detail);
    // In a catch-up, the rest of it was queued before my request to start over can be read.
    else this.suspicion = detail;
    return true;
  }

  /**
   * A CAUGHT_UP as it arrives: an honest relay's last seq never falls (its catch-up reads the store
   * after everything I saw). True if this one ends here: the state starts over instead of going
   * live, or it ends a catch-up that a newer subscribe has replaced.
   */
  arrived(seq: number): boolean {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending > 0) {
      this.suspicion = null;
      return true;
    }
    this.relayLastSeq = seq;
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

  /** restart(), then the catch-up from the start: at once, or when a minute since the last is up. */
  private rewound(detail: string): void {
    this.restart(detail);
    const wait = this.lastRewindAt + REWIND_AGAIN_MS - Date.now();
    if (wait <= 0) {
      this.resubscribe();
      return;
    }
    if (this.rewindTimer || this.closed) return;
    this.rewindTimer = setTimeout(() => {
      this.rewindTimer = null;
      if (!this.closed) this.resubscribe();
    }, wait);
    this.rewindTimer.unref();
  }

  private resubscribe(): void {
    this.lastRewindAt = Date.now();
    // The catch-up repairs when it is through, if the repair is still owed.
    if (this.repairTimer) clearTimeout(this.repairTimer);
    this.repairTimer = null;
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
    const outcome = await this.publishRepair();
    if (outcome === 'acked' || outcome === 'too-large') {
      // Too large for one snapshot: the document goes on without (the user was told), as always.
      this.settle();
      return;
    }
    // Refused for another's snapshot, or a publish was in flight: soon again. Otherwise (no key
    // for the epoch yet, offline) in a minute; the updates waiting meanwhile still go.
    if (outcome === 'conflict' || outcome === 'busy') {
      this.retrySoon();
      return;
    }
    void ops.flush();
    if (this.repairTimer || this.closed) return;
    this.repairTimer = setTimeout(() => {
      this.repairTimer = null;
      if (!this.closed && this.due && rt.caughtUp) void this.repair();
    }, REPAIR_AGAIN_MS);
    this.repairTimer.unref();
  }

  private async publishRepair(): Promise<SnapshotOutcome> {
    const { rt, ops } = this;
    if (!rt.verifier.active) {
      // Only a relay that holds nothing of the document gets a first snapshot: otherwise its active
      // one could not be read here (no key for its epoch), and a repair cannot build on it.
      if (this.relayLastSeq !== 0) return 'unsent';
      const first = await ops.publishSnapshot(true);
      if (first !== 'acked') return first;
    }
    return ops.publishSnapshot(false);
  }

  /** Nothing owed any more, stored with the state (or with the remote updates it counts). */
  private settle(): void {
    const { rt } = this;
    rt.verifier = { ...rt.verifier, repairOwed: false };
    if (rt.remote.commit()) saveVerifier(rt.deps.db, rt.deps.docId, rt.verifier);
  }

  close(): void {
    this.closed = true;
    this.suspicion = null;
    if (this.rewindTimer) clearTimeout(this.rewindTimer);
    if (this.repairTimer) clearTimeout(this.repairTimer);
  }
}
