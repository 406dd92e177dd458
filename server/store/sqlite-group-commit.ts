// Group commit: every envelope committed in one event-loop turn goes into one transaction, so one
// fsync covers them all, and nothing is acknowledged before the whole batch is durable.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CommitEnvelope } from './relay-store';

export interface GroupCommit {
  /** Queues `commit` for this turn's transaction; resolves with its seq once that is durable. */
  commit(commit: CommitEnvelope): Promise<number>;
  /** Commits what is still queued now, rather than after this turn (the store's close). */
  flushQueued(): void;
}

/**
 * `commitOne` writes one envelope and returns its seq; each runs as its own savepoint inside the
 * batch (better-sqlite3 nests transactions that way), so one that conflicts is rolled back alone and
 * the rest still commit. `committed` and `failed` are told of each, before its promise settles.
 */
export function groupCommit(
  db: Database.Database,
  commitOne: (commit: CommitEnvelope) => number,
  committed: (commit: CommitEnvelope, seq: number) => void,
  failed: (commit: CommitEnvelope) => void,
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
  const queued: { commit: CommitEnvelope; resolve(seq: number): void; reject(e: unknown): void }[] =
    [];
  let flushScheduled = false;
  const flushCommits = (): void => {
    flushScheduled = false;
    const batch = queued.splice(0);
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
    results.forEach((result, i) => {
      const item = batch[i];
      if (!item) return;
      if ('seq' in result) {
        committed(item.commit, result.seq);
        item.resolve(result.seq);
      } else {
        failed(item.commit);
        item.reject(result.error);
      }
    });
  };

  return {
    commit(commit) {
      return new Promise<number>((resolve, reject) => {
        queued.push({ commit, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          // After the I/O callbacks of this turn: publishes that arrived together commit together.
          setImmediate(flushCommits);
        }
      });
    },
    flushQueued() {
      if (queued.length > 0) flushCommits();
    },
  };
}
