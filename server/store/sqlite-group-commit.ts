// Group commit: every envelope committed in one event-loop turn goes into one transaction, and one
// WAL fsync (off the event loop, sqlite-wal-sync.ts) makes the batch durable. An envelope counts as
// committed once written, so the group's next publish can be checked against it at once; nothing is
// acknowledged before its batch is durable.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CommitEnvelope, CommittedEnvelope } from './relay-store';

export interface GroupCommit {
  /** Queues `commit` for this turn's transaction; resolves with its seq once that is written. */
  commit(commit: CommitEnvelope): Promise<CommittedEnvelope>;
  /** Commits what is still queued now, rather than after this turn (the store's close). */
  flushQueued(): void;
}

/** Holds commits back while the WAL is being readied for a restart (sqlite-checkpointer.ts). */
export interface CommitGate {
  holding(): boolean;
  afterHold(then: () => void): void;
}

export interface GroupCommitHooks {
  /** Told of each commit written, before its promise settles. */
  committed(commit: CommitEnvelope, seq: number): void;
  /** Told of each commit that failed, before its promise settles. */
  failed(commit: CommitEnvelope): void;
  /** Asked once per written batch for the promise that it is on disk. */
  durable(): Promise<void>;
  gate: CommitGate;
}

/**
 * `commitOne` writes one envelope and returns its seq; each runs as its own savepoint inside the
 * batch (better-sqlite3 nests transactions that way), so one that conflicts is rolled back alone and
 * the rest still commit.
 */
export function groupCommit(
  db: Database.Database,
  commitOne: (commit: CommitEnvelope) => number,
  { committed, failed, durable, gate }: GroupCommitHooks,
): GroupCommit {
  const batchTx = db.transaction((commits: CommitEnvelope[]) =>
    commits.map((commit): { seq: number } | { error: unknown } => {
      try {
        return { seq: commitOne(commit) };
      } catch (error) {
        return { error };
      }
    }),
  );
  const queued: {
    commit: CommitEnvelope;
    resolve(done: CommittedEnvelope): void;
    reject(e: unknown): void;
  }[] = [];
  let flushScheduled = false;
  const flushWhenOpen = (): void => {
    if (gate.holding()) gate.afterHold(flushWhenOpen);
    else flushCommits();
  };
  const flushCommits = (): void => {
    flushScheduled = false;
    const batch = queued.splice(0);
    if (batch.length === 0) return;
    let results: ({ seq: number } | { error: unknown })[];
    try {
      results = batchTx.immediate(batch.map((item) => item.commit));
    } catch (error) {
      for (const item of batch) {
        failed(item.commit);
        item.reject(error);
      }
      return;
    }
    let synced: Promise<void>;
    try {
      synced = durable();
    } catch (error) {
      // Written but not known to be on disk (a failed checkpoint): nobody is told it is durable,
      // and nothing throws out of this callback.
      synced = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    // A batch nobody waits on (every commit failed) must not leave an unhandled rejection.
    synced.catch(() => undefined);
    results.forEach((result, i) => {
      const item = batch[i];
      if (!item) return;
      if ('seq' in result) {
        committed(item.commit, result.seq);
        item.resolve({ seq: result.seq, durable: synced });
      } else {
        failed(item.commit);
        item.reject(result.error);
      }
    });
  };

  return {
    commit(commit) {
      return new Promise<CommittedEnvelope>((resolve, reject) => {
        queued.push({ commit, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          // After the I/O callbacks of this turn: publishes that arrived together commit together.
          setImmediate(flushWhenOpen);
        }
      });
    },
    flushQueued() {
      if (queued.length > 0) flushCommits();
    },
  };
}
