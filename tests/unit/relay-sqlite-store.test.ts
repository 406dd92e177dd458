// The relay's SQLite store commits the envelopes of one event-loop turn in one transaction (one
// fsync): each still succeeds or fails on its own, and all are on disk when their promises resolve.
// Shares count in their group's bytes and are zeroed when deleted; a protocol v3 data directory
// opens under v4 and is re-marked, one of protocol v2 or of an unknown protocol is still refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreConflictError, type CommitEnvelope } from '../../server/store/relay-store';
import { SCHEMA_VERSION } from '../../server/store/sqlite-migrations';
import { openSqliteStore, RELAY_DB_FILE } from '../../server/store/sqlite-store';
import { PROTOCOL_VERSION } from '../../src-shared/protocol/wire-constants';

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

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-store-'));
  dirs.push(dir);
  return dir;
};

describe('relay sqlite store', () => {
  it('commits what arrives in one turn together; a conflicting one fails alone', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore(dataDir);
    const groupId = bytes(16);
    await store.appendGroupEntry({ groupId, index: 0, entry: bytes(200), newMember: bytes(32) });
    const [docA, docB] = [bytes(16), bytes(16)];

    const results = await Promise.allSettled([
      store.commitEnvelope(firstSnapshot(groupId, docA)),
      store.commitEnvelope(firstSnapshot(groupId, docA)),
      store.commitEnvelope(firstSnapshot(groupId, docB)),
    ]);
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { seq: 1 } });
    expect(results[1]).toMatchObject({ status: 'rejected' });
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
    expect(results[2]).toMatchObject({ status: 'fulfilled', value: { seq: 1 } });
    for (const result of results) if (result.status === 'fulfilled') await result.value.durable;
    expect((await store.groupUsage(groupId)).documents).toBe(2);
    await store.close();

    // What resolved is on disk: a fresh store on the same folder finds both documents.
    const reopened = openSqliteStore(dataDir);
    expect((await reopened.getDoc(docA))?.lastSeq).toBe(1);
    expect((await reopened.getDoc(docB))?.lastSeq).toBe(1);
    await reopened.close();
  });
});

/** The WAL header's checkpoint sequence number: SQLite adds one each time it starts the WAL again. */
function walRestarts(dir: string): number {
  const header = readFileSync(join(dir, `${RELAY_DB_FILE}-wal`)).subarray(0, 16);
  return header.length < 16 ? 0 : Buffer.from(header).readUInt32BE(12);
}

describe('relay sqlite store: the WAL', () => {
  it('starts again under writes that never pause, and keeps every commit', async () => {
    const dir = tempDir();
    const logged: string[] = [];
    // Checkpoints run on a worker beside the commits; the WAL must still start again from its
    // beginning (commits pause briefly for it when needed) rather than grow with every page written.
    const store = openSqliteStore(dir, { walRestartPages: 64, log: (l) => logged.push(l) });
    const groupId = bytes(16);
    await store.appendGroupEntry({ groupId, index: 0, entry: bytes(200), newMember: bytes(32) });
    const docs = Array.from({ length: 8 }, () => bytes(16));
    const first = docs.map((docId) => firstSnapshot(groupId, docId));
    for (const commit of first) await (await store.commitEnvelope(commit)).durable;
    const restartsBefore = walRestarts(dir);
    const author = bytes(32);
    const seqs = docs.map(() => 1);
    const round = (half: number) =>
      Promise.all(
        docs.slice(half * 4, half * 4 + 4).map((docId, i) => {
          const at = half * 4 + i;
          const seq = seqs[at] ?? 1;
          seqs[at] = seq + 1;
          return store.commitEnvelope({
            docId,
            groupId,
            expectedLastSeq: seq,
            kind: 'update',
            snapshotId: first[at]?.snapshotId ?? bytes(16),
            author,
            clock: seq,
            envelope: bytes(2000),
            snapshot: null,
          });
        }),
      );
    // Two halves of the documents take turns, one always queued while the other is written, so
    // there is a commit in every event-loop turn, as on a busy relay.
    let rounds = 0;
    let inFlight = round(0);
    while (walRestarts(dir) < restartsBefore + 3) {
      if (rounds === 20_000) throw new Error('the WAL never started again');
      rounds++;
      const next = round(rounds % 2);
      await inFlight;
      inFlight = next;
    }
    await Promise.all((await inFlight).map((w) => w.durable));
    expect(logged).toEqual([]);
    await store.close();
    const reopened = openSqliteStore(dir);
    for (const [i, docId] of docs.entries()) {
      const lastSeq = seqs[i] ?? 1;
      expect((await reopened.getDoc(docId))?.lastSeq).toBe(lastSeq);
      expect(
        (await reopened.updates(docId, 0, lastSeq, 100_000, Number.MAX_SAFE_INTEGER)).length,
      ).toBe(lastSeq - 1);
    }
    await reopened.close();
  });
});

describe('relay sqlite store: shares', () => {
  it('counts a share in its group bytes until it is deleted, by its author only', async () => {
    const store = openSqliteStore(tempDir());
    const groupId = bytes(16);
    await store.appendGroupEntry({ groupId, index: 0, entry: bytes(200), newMember: bytes(32) });
    const share = {
      shareId: bytes(16),
      groupId,
      author: bytes(32),
      expiresAt: 7_200_000,
      ciphertext: bytes(1000),
    };
    await store.putShare(share);
    await expect(store.putShare({ ...share, ciphertext: bytes(10) })).rejects.toBeInstanceOf(
      StoreConflictError,
    );
    expect(await store.getShare(share.shareId)).toEqual(share);
    expect(await store.countShares(groupId)).toBe(1);
    expect((await store.groupUsage(groupId)).bytes).toBe(1000);

    expect(await store.deleteShare(share.shareId, bytes(32))).toBe(false);
    expect(await store.deleteShare(share.shareId, share.author)).toBe(true);
    expect(await store.getShare(share.shareId)).toBeNull();
    expect((await store.groupUsage(groupId)).bytes).toBe(0);

    // The sweep takes what has expired by the given clock, and only that.
    await store.putShare({ ...share, shareId: bytes(16), expiresAt: 3_600_000 });
    await store.putShare({ ...share, shareId: bytes(16), expiresAt: 10_800_000 });
    expect(await store.deleteExpiredShares(3_600_000)).toBe(1);
    expect(await store.countShares(groupId)).toBe(1);
    expect((await store.groupUsage(groupId)).bytes).toBe(1000);
    await store.close();
  });

  it('zeroes deleted shares in the database file', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const groupId = bytes(16);
    await store.appendGroupEntry({ groupId, index: 0, entry: bytes(200), newMember: bytes(32) });
    // A recognisable ciphertext, to look for in the file's bytes.
    const marker = new Uint8Array(Buffer.from('suviaz-share-canary-'.repeat(200)));
    const author = bytes(32);
    await store.putShare({ shareId: bytes(16), groupId, author, expiresAt: 1, ciphertext: marker });
    expect(await store.deleteExpiredShares(1)).toBe(1);
    await store.close(); // Closing checkpoints the WAL into the file.
    expect(readFileSync(join(dir, RELAY_DB_FILE)).includes('suviaz-share-canary-')).toBe(false);
  });
});

describe('relay sqlite store: protocol of the data', () => {
  const protocolMark = (dir: string): unknown => {
    const db = new Database(join(dir, RELAY_DB_FILE), { readonly: true });
    try {
      return {
        protocol: (
          db.prepare("SELECT value FROM relay_meta WHERE key = 'protocol'").get() as {
            value: number;
          }
        ).value,
        schema: db.pragma('user_version', { simple: true }),
      };
    } finally {
      db.close();
    }
  };

  /** A data directory as a protocol v3 relay left it (schema 3), holding a group and a document. */
  async function v3DataDir(): Promise<{ dir: string; groupId: Uint8Array; docId: Uint8Array }> {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const groupId = bytes(16);
    const docId = bytes(16);
    await store.appendGroupEntry({ groupId, index: 0, entry: bytes(200), newMember: bytes(32) });
    await store.commitEnvelope(firstSnapshot(groupId, docId));
    await store.close();
    const db = new Database(join(dir, RELAY_DB_FILE));
    db.exec(
      'DROP TABLE mail; DROP TABLE chunks; DROP TABLE shares; ' +
        "UPDATE relay_meta SET value = 3 WHERE key = 'protocol';",
    );
    db.pragma('user_version = 3');
    db.close();
    return { dir, groupId, docId };
  }

  it('opens a protocol v3 directory with its data and marks it v5', async () => {
    expect(PROTOCOL_VERSION).toBe(5);
    const { dir, groupId, docId } = await v3DataDir();
    expect(protocolMark(dir)).toEqual({ protocol: 3, schema: 3 });
    const store = openSqliteStore(dir);
    expect((await store.getDoc(docId))?.lastSeq).toBe(1);
    expect(await store.groupEntries(groupId, 0, 10)).toHaveLength(1);
    expect(await store.countShares(groupId)).toBe(0);
    await store.close();
    expect(protocolMark(dir)).toEqual({ protocol: 5, schema: SCHEMA_VERSION });
    await openSqliteStore(dir).close();
  });

  it('opens a protocol v4 directory with its data and marks it v5', async () => {
    const { dir, groupId } = await v3DataDir();
    // What a v4 relay left: schema 4, marked v4, with the shares table and no briefings.
    const v4 = openSqliteStore(dir);
    await v4.close();
    const db = new Database(join(dir, RELAY_DB_FILE));
    db.exec(
      "DROP TABLE mail; DROP TABLE chunks; UPDATE relay_meta SET value = 4 WHERE key = 'protocol';",
    );
    db.pragma('user_version = 4');
    db.close();
    const store = openSqliteStore(dir);
    expect(await store.groupEntries(groupId, 0, 10)).toHaveLength(1);
    expect(await store.mailFor(groupId, bytes(32), 0, 10)).toEqual([]);
    await store.close();
    expect(protocolMark(dir)).toEqual({ protocol: 5, schema: SCHEMA_VERSION });
  });

  it('refuses a directory left marked v3 at schema 4, or marked v2 or v6', async () => {
    for (const [protocol, schema] of [
      [3, 4],
      [2, 4],
      [6, 4],
    ] as const) {
      const dir = tempDir();
      await openSqliteStore(dir).close();
      const db = new Database(join(dir, RELAY_DB_FILE));
      db.prepare("UPDATE relay_meta SET value = ? WHERE key = 'protocol'").run(protocol);
      db.pragma(`user_version = ${schema}`);
      db.close();
      expect(() => openSqliteStore(dir)).toThrow(`holds protocol v${protocol} data`);
    }
  });
});
