// The relay's SQLite store commits the envelopes of one event-loop turn in one transaction (one
// fsync): each still succeeds or fails on its own, and all are on disk when their promises resolve.
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreConflictError, type CommitEnvelope } from '../../server/store/relay-store';
import { openSqliteStore } from '../../server/store/sqlite-store';

const bytes = (n: number) => new Uint8Array(randomBytes(n));

function firstSnapshot(groupId: Uint8Array, docId: Uint8Array): CommitEnvelope {
  return {
    docId,
    groupId,
    expectedLastSeq: null,
    kind: 'snapshot',
    snapshotId: bytes(16),
    author: bytes(32),
    clock: 0,
    envelope: bytes(100),
    snapshot: { proof: bytes(32), generation: 1, link: bytes(150) },
  };
}

describe('relay sqlite store', () => {
  it('commits what arrives in one turn together; a conflicting one fails alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-store-'));
    const store = openSqliteStore(dataDir);
    const groupId = bytes(16);
    await store.appendGroupEntry({ groupId, index: 0, entry: bytes(200), newMember: bytes(32) });
    const [docA, docB] = [bytes(16), bytes(16)];

    const results = await Promise.allSettled([
      store.commitEnvelope(firstSnapshot(groupId, docA)),
      store.commitEnvelope(firstSnapshot(groupId, docA)),
      store.commitEnvelope(firstSnapshot(groupId, docB)),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(results[1]).toMatchObject({ status: 'rejected' });
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
    expect(results[2]).toEqual({ status: 'fulfilled', value: 1 });
    expect((await store.groupUsage(groupId)).documents).toBe(2);
    await store.close();

    // What resolved is on disk: a fresh store on the same folder finds both documents.
    const reopened = openSqliteStore(dataDir);
    expect((await reopened.getDoc(docA))?.lastSeq).toBe(1);
    expect((await reopened.getDoc(docB))?.lastSeq).toBe(1);
    await reopened.close();
  });
});
