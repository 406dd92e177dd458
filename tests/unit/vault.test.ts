import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { getDeviceIdentity } from '../../src-main/core/identity/device-identity';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { SCHEMA_VERSION } from '../../src-main/core/vault/migrations';
import { CREATING_FILE_NAME } from '../../src-main/core/vault/vault-disk';
import {
  DB_FILE_NAME,
  DB_FILE_NAMES,
  KEY_FILE_NAME,
  KEY_FILE_TEMP_NAME,
  changePassphrase,
  createVault,
  mapStorageError,
  unlockVault,
  vaultStatus,
  type OpenVault,
} from '../../src-main/core/vault/vault';
import { filesContaining, uniqueCanary } from '../support/canary-scan';

const PASSPHRASE = 'harbour lantern quietly 1987 frost';
const NEXT = 'orchard velvet compass 2031 ember';
const opened: OpenVault[] = [];
/** Every closed vault: the key file and the pair of databases (vault, and spare or decoy). */
const VAULT_FILES = [...DB_FILE_NAMES, KEY_FILE_NAME].sort();
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-vault-'));
  dirs.push(dir);
  return dir;
}

async function create(dir: string, passphrase = PASSPHRASE): Promise<OpenVault> {
  const vault = await createVault(dir, passphrase, { kdf: KDF_FAST_FOR_TESTS });
  opened.push(vault);
  return vault;
}

async function unlock(dir: string, passphrase = PASSPHRASE): Promise<OpenVault> {
  const vault = await unlockVault(dir, passphrase);
  opened.push(vault);
  return vault;
}

/** Names and content hashes of everything in dir: what a failed attempt must leave untouched. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}

async function expectFailureLeavesDiskAlone(
  dir: string,
  attempt: () => Promise<unknown>,
  code: string,
): Promise<void> {
  const before = snapshot(dir);
  await expect(attempt()).rejects.toMatchObject({ code });
  expect(snapshot(dir)).toEqual(before);
}

afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('vault', () => {
  it('reports none, then locked after creation, and damaged when its files are missing', async () => {
    const dir = tempDir();
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
    expect(vaultStatus(join(dir, 'not-yet-created'))).toEqual({ state: 'none', problem: null });
    (await create(dir)).close();
    expect(vaultStatus(dir)).toEqual({ state: 'locked', problem: null });
    // One database file gone may be the spare (a duress unlock on a full disk removes one): still
    // a locked vault; which passphrase misses its file only an unlock can tell.
    rmSync(join(dir, DB_FILE_NAME));
    expect(vaultStatus(dir)).toEqual({ state: 'locked', problem: null });
    for (const name of DB_FILE_NAMES) rmSync(join(dir, name), { force: true });
    expect(vaultStatus(dir)).toEqual({ state: 'damaged', problem: 'database-missing' });
    const other = tempDir();
    (await create(other)).close();
    rmSync(join(other, KEY_FILE_NAME));
    expect(vaultStatus(other)).toEqual({ state: 'damaged', problem: 'keyfile-missing' });
  });

  it('creates a vault in a new folder and unlocks it again with the data intact', async () => {
    const dir = join(tempDir(), 'nested', 'vault');
    const vault = await create(dir);
    const note = createNotesStore(vault.db).create({ title: 'Plan', body: 'Встреча в МЕНСКЕ' });
    const identity = getDeviceIdentity(vault.db);
    vault.close();
    vault.close(); // closing twice is harmless
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o077).toBe(0);
      expect(statSync(dir).mode & 0o077).toBe(0);
    }
    const again = await unlock(dir);
    expect(createNotesStore(again.db).get(note.id)).toMatchObject({ body: 'Встреча в МЕНСКЕ' });
    expect(getDeviceIdentity(again.db)).toEqual(identity);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(again.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a wrong passphrase clearly and changes nothing on disk', async () => {
    const dir = tempDir();
    (await create(dir)).close();
    await expectFailureLeavesDiskAlone(
      dir,
      () => unlock(dir, 'harbour lantern quietly 1987 frosty'),
      'wrong-passphrase',
    );
    await expectFailureLeavesDiskAlone(dir, () => unlock(dir, ''), 'wrong-passphrase');
    (await unlock(dir)).close();
  });

  it('refuses a weak passphrase and creates nothing', async () => {
    const dir = tempDir();
    for (const weak of ['password123', 'short', 'qwertyuiopasdf', '']) {
      await expect(create(dir, weak)).rejects.toMatchObject({ code: 'weak-passphrase' });
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never overwrites: refuses to create when either file already exists', async () => {
    const dir = tempDir();
    (await create(dir)).close();
    await expectFailureLeavesDiskAlone(dir, () => create(dir, NEXT), 'vault-exists');
    rmSync(join(dir, KEY_FILE_NAME));
    await expectFailureLeavesDiskAlone(dir, () => create(dir, NEXT), 'vault-exists');
    const other = tempDir();
    (await create(other)).close();
    rmSync(join(other, DB_FILE_NAME));
    await expectFailureLeavesDiskAlone(other, () => create(other, NEXT), 'vault-exists');
  });

  it('leaves no half-made vault behind when creation fails part way', async () => {
    const dir = tempDir();
    // A directory where the key file's temp copy must go makes the last step fail.
    mkdirSync(join(dir, KEY_FILE_TEMP_NAME));
    await expect(create(dir)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([KEY_FILE_TEMP_NAME]);
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
  });

  it('starts afresh after the app stopped in the middle of making a vault', async () => {
    const dir = tempDir();
    // What a kill -9 during creation leaves: the marker, the claimed databases, no key file.
    writeFileSync(join(dir, CREATING_FILE_NAME), '');
    for (const name of DB_FILE_NAMES) writeFileSync(join(dir, name), 'half-built');
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
    (await create(dir)).close();
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
    expect(vaultStatus(dir)).toEqual({ state: 'locked', problem: null });
    // A marker whose removal a power cut undid, beside a finished vault, goes at the next start:
    // a key file lost later must not make the vault look unfinished.
    writeFileSync(join(dir, CREATING_FILE_NAME), '');
    expect(vaultStatus(dir)).toEqual({ state: 'locked', problem: null });
    expect(existsSync(join(dir, CREATING_FILE_NAME))).toBe(false);
    // Without the marker, databases without a key file are a vault that lost its key file.
    rmSync(join(dir, KEY_FILE_NAME));
    expect(vaultStatus(dir)).toEqual({ state: 'damaged', problem: 'keyfile-missing' });
  });

  it('changes the passphrase: the old one stops working, the new one opens the same data', async () => {
    const dir = tempDir();
    const vault = await create(dir);
    const note = createNotesStore(vault.db).create({ title: 'Kept', body: 'across the change' });
    await changePassphrase(dir, vault, PASSPHRASE, NEXT);
    vault.close();
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
    await expectFailureLeavesDiskAlone(dir, () => unlock(dir, PASSPHRASE), 'wrong-passphrase');
    const again = await unlock(dir, NEXT);
    expect(createNotesStore(again.db).get(note.id).body).toBe('across the change');
  });

  it('change passphrase refuses a wrong current, a weak or identical next, touching nothing', async () => {
    const dir = tempDir();
    const vault = await create(dir);
    // The WAL is checkpointed first so the snapshot is not moved by SQLite's own housekeeping.
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    await expectFailureLeavesDiskAlone(
      dir,
      () => changePassphrase(dir, vault, 'not my passphrase at all', NEXT),
      'wrong-passphrase',
    );
    await expectFailureLeavesDiskAlone(
      dir,
      () => changePassphrase(dir, vault, PASSPHRASE, 'password123'),
      'weak-passphrase',
    );
    await expectFailureLeavesDiskAlone(
      dir,
      () => changePassphrase(dir, vault, PASSPHRASE, PASSPHRASE),
      'same-passphrase',
    );
    await changePassphrase(dir, vault, PASSPHRASE, NEXT);
    createNotesStore(vault.db).create({ body: 'still writable after the change' });
    vault.close();
    (await unlock(dir, NEXT)).close();
  });

  it('reports a corrupt key file and changes nothing', async () => {
    const dir = tempDir();
    (await create(dir)).close();
    const key = join(dir, KEY_FILE_NAME);
    writeFileSync(key, readFileSync(key).subarray(0, 100));
    await expectFailureLeavesDiskAlone(dir, () => unlock(dir), 'keyfile-corrupt');
    writeFileSync(key, Buffer.from('not a key file'));
    await expectFailureLeavesDiskAlone(dir, () => unlock(dir), 'keyfile-corrupt');
  });

  it('reports a missing key file or database, or no vault at all, and changes nothing', async () => {
    const dir = tempDir();
    const made = await create(dir);
    made.close();
    const key = readFileSync(join(dir, KEY_FILE_NAME));
    rmSync(join(dir, KEY_FILE_NAME));
    await expectFailureLeavesDiskAlone(dir, () => unlock(dir), 'keyfile-missing');
    const other = await create(tempDir());
    await expectFailureLeavesDiskAlone(
      dir,
      () => changePassphrase(dir, other, PASSPHRASE, NEXT),
      'keyfile-missing',
    );
    writeFileSync(join(dir, KEY_FILE_NAME), key);
    // The file this passphrase's database is in (either of the pair).
    rmSync(made.file);
    await expectFailureLeavesDiskAlone(dir, () => unlock(dir), 'database-missing');
    await expectFailureLeavesDiskAlone(tempDir(), () => unlock(dir + '-nothing'), 'vault-missing');
  });

  it('reports a database damaged in the middle as database-corrupt and changes nothing', async () => {
    const dir = tempDir();
    const vault = await create(dir);
    const notes = createNotesStore(vault.db);
    for (let i = 0; i < 40; i++) notes.create({ title: `note ${i}`, body: 'слова '.repeat(200) });
    vault.close();
    const file = vault.file;
    const bytes = readFileSync(file);
    // 64 bytes inside every page but the first (the header stays whole): a single spot could
    // land in one of the free pages of random padding every vault has, which nothing reads.
    const PAGE = 4096;
    for (let page = PAGE; page + PAGE <= bytes.length; page += PAGE) {
      bytes.fill(0x41, page + PAGE / 2, page + PAGE / 2 + 64);
    }
    writeFileSync(file, bytes);
    await expectFailureLeavesDiskAlone(dir, () => unlock(dir), 'database-corrupt');
  });

  it('reports a database that the key file does not belong to as database-corrupt', async () => {
    const a = tempDir();
    const b = tempDir();
    (await create(a)).close();
    (await create(b)).close();
    for (const name of DB_FILE_NAMES) writeFileSync(join(a, name), readFileSync(join(b, name)));
    await expectFailureLeavesDiskAlone(a, () => unlock(a), 'database-corrupt');
  });

  it('refuses a database from a newer Suviaz with a message saying so, and changes nothing', async () => {
    const dir = tempDir();
    const vault = await create(dir);
    vault.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    vault.close();
    const before = snapshot(dir);
    const error = await unlock(dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'database-corrupt' });
    expect((error as Error).message).toMatch(/newer version of Suviaz/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('maps a full disk to disk-full', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(mapStorageError(full)).toMatchObject({ code: 'disk-full' });
    expect(mapStorageError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toMatchObject({
      code: 'disk-full',
    });
    const other = new Error('other');
    expect(mapStorageError(other)).toBe(other);
  });
});

describe('canary scan', () => {
  it('finds no trace of a note in any file of a closed vault', async () => {
    const dir = tempDir();
    const canary = uniqueCanary('суві-canary');
    const vault = await create(dir);
    const notes = createNotesStore(vault.db);
    const note = notes.create({ title: `title ${canary}`, body: `body ${canary}`, tags: [canary] });
    notes.update({ id: note.id, body: `edited ${canary} again` });
    expect(notes.search(canary.slice(0, 12))).toHaveLength(1);
    // While open too: the WAL and its index are on disk at this point.
    expect(readdirSync(dir).length).toBeGreaterThan(2);
    expect(filesContaining(dir, canary)).toEqual([]);
    vault.close();
    expect(filesContaining(dir, canary)).toEqual([]);
  });

  it('control: the same scan finds the canary in a plain SQLite file', () => {
    const dir = tempDir();
    const canary = uniqueCanary('суві-canary');
    const Database = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as new (
      file: string,
    ) => {
      exec(sql: string): void;
      prepare(sql: string): { run(...a: unknown[]): void };
      close(): void;
    };
    const db = new Database(join(dir, 'plain.db'));
    db.exec('CREATE TABLE t (text TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run(canary);
    db.close();
    expect(existsSync(join(dir, 'plain.db'))).toBe(true);
    expect(filesContaining(dir, canary)).toEqual([join(dir, 'plain.db')]);
  });
});
