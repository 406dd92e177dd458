// Moving a relay from its SQLite store to PostgreSQL (--import-sqlite): every row of every table
// arrives and reads back the same through the PostgreSQL store; a copy that differs anywhere (here
// a trigger that alters one envelope on its way in) is refused and leaves the database empty; a
// database that already holds data is refused.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgStore } from '../../server/store/pg-store';
import type { CommitEnvelope, RelayStore } from '../../server/store/relay-store';
import { openSqliteStore } from '../../server/store/sqlite-store';
import { postgresAvailable } from '../support/pg-instance';
import { postgresPerFile } from '../support/relay-stores';

const run = promisify(execFile);
const postgres = postgresPerFile();
const bytes = (n: number) => new Uint8Array(randomBytes(n));
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A SQLite store with rows in every table; what was put, to compare with. */
async function filledSqliteStore() {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-import-'));
  dirs.push(dir);
  const store = openSqliteStore(dir);
  const groupId = bytes(16);
  const docId = bytes(16);
  const device = bytes(32);
  const entries = [bytes(200), bytes(180)];
  await store.appendGroupEntry({
    groupId,
    index: 0,
    entry: entries[0] as Uint8Array,
    newMember: device,
  });
  await store.appendGroupEntry({
    groupId,
    index: 1,
    entry: entries[1] as Uint8Array,
    newMember: null,
  });
  const lockbox = bytes(120);
  await store.putLockbox({ groupId, epoch: 0, recipient: device, author: device, lockbox });
  const inviteKey = bytes(32);
  const material = bytes(90);
  await store.putInviteMaterial({ groupId, inviteKey, material });
  const share = {
    shareId: bytes(16),
    groupId,
    author: device,
    expiresAt: Date.now() + 3_600_000,
    ciphertext: bytes(300),
  };
  await store.putShare(share);
  const snapshotId = bytes(16);
  const first: CommitEnvelope = {
    docId,
    groupId,
    expectedLastSeq: null,
    kind: 'snapshot',
    snapshotId,
    author: device,
    clock: 0,
    envelope: bytes(500),
    snapshot: { proof: bytes(32), generation: 1, link: bytes(150) },
  };
  await store.commitEnvelope(first);
  const updates: Uint8Array[] = [];
  for (let clock = 1; clock <= 3; clock++) {
    const envelope = bytes(100 + clock);
    updates.push(envelope);
    await store.commitEnvelope({
      docId,
      groupId,
      expectedLastSeq: clock,
      kind: 'update',
      snapshotId,
      author: device,
      clock,
      envelope,
      snapshot: null,
    });
  }
  // Briefings (protocol v5): two sealed items and a chunk of an attachment.
  const briefingId = bytes(16);
  const blobId = bytes(16);
  for (const kind of [1, 2]) {
    await store.putMail({
      groupId,
      briefingId,
      kind,
      sender: device,
      recipient: device,
      expiresAt: 0,
      ciphertext: bytes(70 + kind),
    });
  }
  await store.putChunk({
    groupId,
    briefingId,
    blobId,
    index: 0,
    owner: device,
    expiresAt: 0,
    bytes: bytes(1000),
  });
  const usage = await store.groupUsage(groupId);
  await store.close();
  return {
    briefingId,
    blobId,
    dir,
    groupId,
    docId,
    device,
    entries,
    lockbox,
    inviteKey,
    material,
    share,
    first,
    updates,
    usage,
  };
}

/** A new briefing item in the filled store's group, to its own device. */
const newMail = (filled: { groupId: Uint8Array; device: Uint8Array }) => ({
  groupId: filled.groupId,
  briefingId: bytes(16),
  kind: 1,
  sender: filled.device,
  recipient: filled.device,
  expiresAt: 0,
  ciphertext: bytes(50),
});

async function importInto(dir: string, url: string) {
  return run(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--import-sqlite', dir, '--store', url],
    { cwd: process.cwd() },
  );
}

/** What the store holds that the filled one put, read through its methods. */
async function readAll(store: RelayStore, filled: Awaited<ReturnType<typeof filledSqliteStore>>) {
  const { groupId, docId, device, inviteKey } = filled;
  return {
    entries: await store.groupEntries(groupId, 0, 10),
    groups: await store.groupsOfDevice(device, 10),
    usage: await store.groupUsage(groupId),
    lockboxes: await store.lockboxesFor(groupId, device),
    material: await store.getInviteMaterial(groupId, inviteKey),
    share: await store.getShare(filled.share.shareId),
    doc: await store.getDoc(docId),
    snapshot: await store.findSnapshot(docId, filled.first.snapshotId),
    updates: await store.updates(docId, 1, 10, 10, Number.MAX_SAFE_INTEGER),
    links: await store.snapshotLinks(docId, 0, 10, 100),
    mail: await store.mailFor(groupId, device, 0, 10),
    author: await store.briefingAuthor(groupId, filled.briefingId),
    chunk: await store.getChunk(filled.blobId, 0),
  };
}

describe.skipIf(!postgresAvailable())('--import-sqlite', () => {
  it('copies every row into PostgreSQL, verified, and the relay reads the same back', async () => {
    const server = await postgres();
    const filled = await filledSqliteStore();
    const url = await server.createDatabase();
    const { stdout } = await importInto(filled.dir, url);
    expect(stdout).toMatch(/messages\s+4 rows copied and verified/);
    expect(stdout).toMatch(/group_entries\s+2 rows copied and verified/);
    expect(stdout).toContain('every row matches');

    const before = openSqliteStore(filled.dir);
    const after = await openPgStore({ url });
    try {
      const copied = await readAll(after, filled);
      expect(copied).toEqual(await readAll(before, filled));
      expect(copied.usage).toEqual(filled.usage);
      expect(copied.updates.map((u) => u.envelope)).toEqual(filled.updates);
      // The copy goes on where the original stopped.
      const next = await after.commitEnvelope({
        ...filled.first,
        expectedLastSeq: 4,
        kind: 'update',
        clock: 4,
        envelope: bytes(64),
        snapshot: null,
      });
      expect(next.seq).toBe(5);
      // Mail seqs go on after the copied ones, and a recall uncounts what it removes.
      expect(copied.mail.map((m) => m.seq)).toEqual([1, 2]);
      const seq = await after.putMail(newMail(filled));
      expect(seq).toBe(3);
      expect(await after.countChunks(filled.blobId)).toBe(1);
      const used = (await after.groupUsage(filled.groupId)).bytes;
      await after.recallBriefing(filled.groupId, filled.briefingId);
      expect((await after.groupUsage(filled.groupId)).bytes).toBe(used - 71 - 72 - 1000);
      expect(await after.countChunks(filled.blobId)).toBe(0);
    } finally {
      before.close();
      await after.close();
    }
  });

  it('goes on with briefing seqs after the last SQLite gave, even when none is left', async () => {
    const server = await postgres();
    const filled = await filledSqliteStore();
    // Both briefings' items were recalled: the devices' cursors are past every row stored.
    const original = openSqliteStore(filled.dir);
    await original.recallBriefing(filled.groupId, filled.briefingId);
    await original.close();
    const url = await server.createDatabase();
    await importInto(filled.dir, url);
    const after = await openPgStore({ url });
    try {
      const seq = await after.putMail(newMail(filled));
      // Not 1 again: a device whose cursor is at 2 would never fetch it.
      expect(seq).toBe(3);
    } finally {
      await after.close();
    }
  });

  it('refuses a copy that differs from the original and leaves the database empty', async () => {
    const server = await postgres();
    const filled = await filledSqliteStore();
    const url = await server.createDatabase();
    // The schema first, then a trigger that flips a byte of one envelope on its way in.
    await (await openPgStore({ url })).close();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await db.query(`
        CREATE FUNCTION tamper() RETURNS trigger AS $$
        BEGIN
          IF NEW.seq = 3 THEN
            NEW.envelope := set_byte(NEW.envelope, 9, get_byte(NEW.envelope, 9) # 255);
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql;
        CREATE TRIGGER tamper BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION tamper();
      `);
      const failed = await importInto(filled.dir, url).then(
        () => null,
        (error: { stderr: string }) => error.stderr,
      );
      expect(failed).toMatch(/messages: row 2 differs in envelope/);
      const left = await db.query<{ n: string }>('SELECT count(*) AS n FROM messages');
      expect(left.rows[0]?.n).toBe('0');
      const groups = await db.query<{ n: string }>('SELECT count(*) AS n FROM groups');
      expect(groups.rows[0]?.n).toBe('0');
    } finally {
      await db.end();
    }
  });

  it('refuses a database that already holds data', async () => {
    const server = await postgres();
    const filled = await filledSqliteStore();
    const url = await server.createDatabase();
    await importInto(filled.dir, url);
    const again = await importInto(filled.dir, url).then(
      () => null,
      (error: { stderr: string }) => error.stderr,
    );
    expect(again).toContain('already holds data');
  });
});
