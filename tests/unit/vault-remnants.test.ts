// What the vault leaves on disk beyond its files: a rewritten key file and a database rebuilt at a
// destroying duress unlock must not leave their old bytes in freed blocks (read here through a file
// descriptor held from before, which still reaches them, as a carving tool would on the disk); the
// key file's times must not date a rewrite; and a rebuild or a panic wipe cut short must leave a
// folder that the right passphrase opens, or the app's first screen.
import fs, {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KDF_FAST_FOR_TESTS, sodiumReady } from '../../src-main/core/crypto/sodium';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { setDuressPassphrase } from '../../src-main/core/vault/duress';
import { KEY_FILE_BYTES, decodeKeyFile, unlockKeyFile } from '../../src-main/core/vault/key-file';
import { panicWipeFiles, shredKeyFile } from '../../src-main/core/vault/panic-wipe';
import {
  DB_FILE_NAMES,
  KEY_FILE_NAME,
  changePassphrase,
  createVault,
  unlockVault,
  vaultStatus,
  type OpenVault,
} from '../../src-main/core/vault/vault';
import { MIN_DATABASE_BYTES, WIPING_FILE_NAME } from '../../src-main/core/vault/vault-disk';
import {
  DURESS,
  PAGE,
  REAL,
  VAULT_FILES,
  createRealVault,
  keyFileParts,
  pagesKept,
  titles,
  vaultScratch,
  vaultWithDestroyingDuress,
} from '../support/vault-fixtures';

const NEXT = 'orchard velvet compass 2031 ember';
const { tempDir, keep, clear } = vaultScratch('suviaz-remnants-');
const fds: number[] = [];

beforeAll(async () => {
  await sodiumReady();
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const fd of fds.splice(0)) closeSync(fd);
  clear();
});

/** A descriptor on the file as it is now: it keeps reaching these blocks after a rename or unlink. */
function hold(file: string): number {
  const fd = openSync(file, 'r');
  fds.push(fd);
  return fd;
}

/** The first `length` bytes the held descriptor reaches now. */
function readHeld(fd: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  const read = readSync(fd, bytes, 0, length, 0);
  return bytes.subarray(0, read);
}

async function realVault(): Promise<{ dir: string; vault: OpenVault }> {
  const dir = tempDir();
  return { dir, vault: await createRealVault(dir) };
}

describe('a key file rewrite', () => {
  it('overwrites the replaced file, so its slots are not left in free space', async () => {
    const { dir, vault } = await realVault();
    const keyFile = join(dir, KEY_FILE_NAME);
    const before = readFileSync(keyFile);
    const held = hold(keyFile);
    // Setting a duress passphrase writes a new key file and renames it over this one.
    await setDuressPassphrase(dir, vault, DURESS, false);
    vault.close();
    const left = readHeld(held, KEY_FILE_BYTES);
    expect(left.length).toBe(KEY_FILE_BYTES);
    for (const part of keyFileParts(before)) expect(left.includes(part)).toBe(false);
    // The new file is whole, and both passphrases open what they should.
    expect(titles(await unlockVault(dir, REAL).then(keep))).toEqual(['Lawyers']);
    expect(titles(await unlockVault(dir, DURESS).then(keep))).toEqual([]);
  });

  it('overwrites the previous key file of a passphrase change too', async () => {
    const { dir, vault } = await realVault();
    const before = readFileSync(join(dir, KEY_FILE_NAME));
    const held = hold(join(dir, KEY_FILE_NAME));
    await changePassphrase(dir, vault, REAL, NEXT);
    vault.close();
    const realSlot = (await unlockKeyFile(decodeKeyFile(before), REAL)).index;
    const [, ...slots] = keyFileParts(before);
    expect(readHeld(held, KEY_FILE_BYTES).includes(slots[realSlot] as Buffer)).toBe(false);
    expect(titles(await unlockVault(dir, NEXT).then(keep))).toEqual(['Lawyers']);
  });

  it('leaves alone a replaced file that another name still points to', async () => {
    const { dir, vault } = await realVault();
    const copy = join(tempDir(), 'my-copy.key');
    linkSync(join(dir, KEY_FILE_NAME), copy);
    const before = readFileSync(copy);
    await setDuressPassphrase(dir, vault, DURESS, false);
    vault.close();
    expect(readFileSync(copy).equals(before)).toBe(true);
  });
});

/** The WAL of the real vault while it is open with a fresh edit (a clean close removes it). */
async function walOfOpenVault(dir: string, realFile: string): Promise<Buffer> {
  const real = keep(await unlockVault(dir, REAL));
  expect(real.file).toBe(realFile);
  createNotesStore(real.db).create({ title: 'Last edit', body: 'not yet checkpointed' });
  const wal = readFileSync(`${realFile}-wal`);
  real.close();
  expect(wal.length).toBeGreaterThan(PAGE);
  return wal;
}

describe('a destroying duress unlock', () => {
  it("leaves neither the real key slot nor the real database's pages or WAL in free space", async () => {
    const { dir, realFile } = await vaultWithDestroyingDuress(tempDir);
    const keyFile = join(dir, KEY_FILE_NAME);
    const keyBefore = readFileSync(keyFile);
    const realSlot = (await unlockKeyFile(decodeKeyFile(keyBefore), REAL)).index;
    const [, ...slotsBefore] = keyFileParts(keyBefore);
    const heldKey = hold(keyFile);
    // As a crash while the real vault was open leaves it: its last edits in its WAL.
    const wal = `${realFile}-wal`;
    const walBefore = await walOfOpenVault(dir, realFile);
    writeFileSync(wal, walBefore);
    const heldWal = hold(wal);
    const dbBefore = readFileSync(realFile);
    // The database file is rebuilt in place (same inode): what it holds when it is emptied is what
    // its freed blocks keep.
    const atTruncate = new Map<string, Buffer>();
    const truncate = fs.truncateSync.bind(fs);
    vi.spyOn(fs, 'truncateSync').mockImplementation((file, length) => {
      atTruncate.set(String(file), readFileSync(file));
      truncate(file, length);
    });

    const decoy = keep(await unlockVault(dir, DURESS));
    expect(titles(decoy)).toEqual(['Shopping']);
    decoy.close();

    expect(readHeld(heldKey, KEY_FILE_BYTES).includes(slotsBefore[realSlot] as Buffer)).toBe(false);
    expect(pagesKept(walBefore, readHeld(heldWal, walBefore.length))).toBe(0);
    const emptied = atTruncate.get(realFile);
    expect(emptied?.length).toBe(dbBefore.length);
    expect(pagesKept(dbBefore, emptied as Buffer)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
    await expect(unlockVault(dir, REAL)).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it('gives the key file the times of both databases', async () => {
    const { dir } = await vaultWithDestroyingDuress(tempDir);
    keep(await unlockVault(dir, DURESS)).close();
    const times = VAULT_FILES.map((name) => statSync(join(dir, name)));
    for (const stat of times) {
      expect(stat.mtimeMs).toBe(times[0]?.mtimeMs);
      expect(stat.atimeMs).toBe(times[0]?.atimeMs);
    }
  });
});

describe('a database file too short to be one', () => {
  it.each([0, 1, MIN_DATABASE_BYTES - 1])(
    'of %i bytes in suviaz.db: the real passphrase opens its vault in suviaz-2.db',
    async (size) => {
      const { dir, vault } = await realVault();
      vault.close();
      const [first, second] = DB_FILE_NAMES.map((name) => join(dir, name)) as [string, string];
      // The vault in suviaz-2.db, whichever file it was made in.
      if (vault.file === first) {
        renameSync(first, `${first}.swap`);
        renameSync(second, first);
        renameSync(`${first}.swap`, second);
      }
      // What a rebuild of suviaz.db (buildDatabase) killed right after emptying it leaves.
      truncateSync(first, 0);
      if (size > 0) writeFileSync(first, Buffer.alloc(size, 7));

      const real = keep(await unlockVault(dir, REAL));
      expect(real.file).toBe(second);
      expect(titles(real)).toEqual(['Lawyers']);
      real.close();
      // The emptied file is a spare again, so the folder looks as any vault's does.
      expect(statSync(first).size).toBeGreaterThanOrEqual(PAGE);
      expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
      expect(titles(keep(await unlockVault(dir, REAL)))).toEqual(['Lawyers']);
    },
  );
});

describe('a panic wipe cut short after the shred', () => {
  it('leaves the first screen: no vault, and a new one can be made', async () => {
    const { dir, vault } = await realVault();
    vault.close();
    // The app killed between shredding the key file and deleting the files.
    shredKeyFile(dir);
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
    await expect(unlockVault(dir, REAL)).rejects.toMatchObject({ code: 'vault-missing' });
    const fresh = keep(await createVault(dir, REAL, { kdf: KDF_FAST_FOR_TESTS }));
    expect(titles(fresh)).toEqual([]);
    fresh.close();
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
  });

  it('also while the vault is open (the wipe lets the engine stop before deleting)', async () => {
    const { dir, vault } = await realVault();
    shredKeyFile(dir);
    vault.close();
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
  });

  it('writes nothing into a folder with no vault', () => {
    const dir = tempDir();
    shredKeyFile(dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a panic wipe whose key file another program holds', () => {
  it('still deletes the databases, and says it could not delete the key file', async () => {
    const { dir, vault } = await realVault();
    vault.close();
    const keyFile = join(dir, KEY_FILE_NAME);
    const realRm = fs.rmSync;
    // Windows: a backup or sync tool has the key file open without delete sharing.
    const held = vi.spyOn(fs, 'rmSync').mockImplementation((file, options) => {
      if (file === keyFile) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      realRm(file, options);
    });
    try {
      expect(() => panicWipeFiles(dir)).toThrow('busy');
    } finally {
      held.mockRestore();
    }
    // The shredded key file stays, and the marker with it: the wipe is not over.
    expect(readdirSync(dir).sort()).toEqual([KEY_FILE_NAME, WIPING_FILE_NAME].sort());
    // Once the program lets go, the next start finishes it.
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
    expect(readdirSync(dir)).toEqual([]);
  });
});
