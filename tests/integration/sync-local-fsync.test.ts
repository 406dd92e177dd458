// An edit is acknowledged only once the vault's WAL has been fsynced: with that fdatasync held
// back, the edit is written and already on its way to the others, but not acknowledged; it is
// once the fsync returns. (A kill -9 cannot show a missing fsync: the OS keeps written frames.)
import fs, { readlinkSync, realpathSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { pairSharing, runCleanups, waitFor } from '../support/sync-clients';

afterEach(async () => {
  vi.restoreAllMocks();
  await runCleanups();
});

type Done = (error: NodeJS.ErrnoException | null) => void;

describe("a local edit and the vault's fsync", () => {
  it('is published while the fsync runs and acknowledged only after it', async () => {
    const { a, b, docId } = await pairSharing();
    const wal = realpathSync(`${a.vault.db.name}-wal`);
    const held: (() => void)[] = [];
    const fdatasync = fs.fdatasync.bind(fs);
    vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: Done) => {
      if (readlinkSync(`/proc/self/fd/${fd}`) !== wal) return fdatasync(fd, done);
      held.push(() => fdatasync(fd, done));
    }) as typeof fs.fdatasync);

    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'held back');
    let acknowledged = false;
    const edit = a.engine
      .applyLocalUpdate(docId, Y.encodeStateAsUpdateV2(doc))
      .then(() => (acknowledged = true));
    await waitFor("the vault's WAL fsync to start", () => held.length > 0);
    await waitFor('B to have the edit', () => b.text() === 'held back');
    expect(acknowledged).toBe(false);
    for (const release of held.splice(0)) release();
    await edit;
    expect(acknowledged).toBe(true);
  });
});
