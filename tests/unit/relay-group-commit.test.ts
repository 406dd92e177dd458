// The relay's group commit when making a batch durable fails at once (a checkpoint's I/O error):
// the commits are written but nobody is told they are durable, and nothing throws out of the
// event-loop callback that runs the batch.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../server/store/sqlite-group-commit';
import type { CommitEnvelope } from '../../server/store/relay-store';

describe('relay group commit', () => {
  it('rejects the durability of a batch whose sync could not start, throwing nothing', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY)');
    const commits = groupCommit(
      db,
      () => Number(db.prepare('INSERT INTO t DEFAULT VALUES').run().lastInsertRowid),
      {
        committed: () => undefined,
        failed: () => undefined,
        durable: () => {
          throw new Error('disk I/O error');
        },
        gate: { holding: () => false, afterHold: (then) => then() },
      },
    );
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const committed = await commits.commit({} as CommitEnvelope);
      expect(committed.seq).toBe(1);
      await expect(committed.durable).rejects.toThrow('disk I/O error');
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      db.close();
    }
  });
});
