// What the vault leaves on disk beyond its files: a rewritten key file and a database rebuilt at a
// destroying duress unlock must not leave their old bytes in freed blocks (read here through a file
// descriptor held from before, which still reaches them, as a carving tool would on the disk); the
// key file's times must not date a rewrite; and a rebuild or a panic wipe cut short must leave a
// folder that the right passphrase opens, or the app's first screen.
import fs, {
  closeSync,
  linkSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KDF_FAST_FOR_TESTS, sodiumReady } from '../../src-main/core/crypto/sodium';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { openDecoy, setDuressPassphrase } from '../../src-main/core/vault/duress';
import {
  HEADER_BYTES,
  KEY_FILE_BYTES,
  SLOT_BYTES,
  SLOT_COUNT,
  decodeKeyFile,
  unlockKeyFile,
} from '../../src-main/core/vault/key-file';
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
import { MIN_DATABASE_BYTES } from '../../src-main/core/vault/vault-disk';

const REAL = 'harbour lantern quietly 1987 frost';
const DURESS = 'meadow kettle saffron 2046 lighthouse';
const NEXT = 'orchard velvet compass 2031 ember';
const VAULT_FILES = [...DB_FILE_NAMES, KEY_FILE_NAME].sort();
const PAGE = 4096;
const dirs: string[] = [];
const fds: number[] = [];
const open: OpenVault[] = [];

beforeAll(async () => {
  await sodiumReady();
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const vault of open.splice(0)) vault.close();
  for (const fd of fds.splice(0)) closeSync(fd);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-remnants-'));
  dirs.push(dir);
  return dir;
}

/** Closed after the test if it fails first. */
function keepOpen(vault: OpenVault): OpenVault {
  open.push(vault);
  return vault;
}

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

/** Every 104-byte slot of a key file's bytes, and its 25-byte header. */
function keyFileParts(bytes: Buffer): Buffer[] {
  const slots = Array.from({ length: SLOT_COUNT }, (_, i) =>
    bytes.subarray(HEADER_BYTES + i * SLOT_BYTES, HEADER_BYTES + (i + 1) * SLOT_BYTES),
  );
  return [bytes.subarray(0, HEADER_BYTES), ...slots];
}

/** How many whole pages of `before` are found at the same place in `after`. */
function pagesKept(before: Buffer, after: Buffer): number {
  let kept = 0;
  for (let at = 0; at + PAGE <= before.length; at += PAGE) {
    if (before.subarray(at, at + PAGE).equals(after.subarray(at, at + PAGE))) kept++;
  }
  return kept;
}

const titles = (vault: OpenVault): string[] =>
  createNotesStore(vault.db)
    .list({ view: 'active' })
    .map((note) => note.title)
    .sort();

async function realVault(): Promise<{ dir: string; vault: OpenVault }> {
  const dir = tempDir();
  const vault = await createVault(dir, REAL, { kdf: KDF_FAST_FOR_TESTS });
  createNotesStore(vault.db).create({ title: 'Lawyers', body: 'real secret' });
  return { dir, vault };
}

/** A closed real vault with a note and a destroying duress passphrase; the real database's file. */
async function vaultWithDestroyingDuress(): Promise<{ dir: string; realFile: string }> {
  const { dir, vault } = await realVault();
  await setDuressPassphrase(dir, vault, DURESS, true);
  const decoy = await openDecoy(dir, vault, DURESS);
  vault.close();
  createNotesStore(decoy.db).create({ title: 'Shopping', body: 'milk, bread' });
  decoy.close();
  return { dir, realFile: vault.file };
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
    expect(titles(await unlockVault(dir, REAL).then(keepOpen))).toEqual(['Lawyers']);
    expect(titles(await unlockVault(dir, DURESS).then(keepOpen))).toEqual([]);
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
    expect(titles(await unlockVault(dir, NEXT).then(keepOpen))).toEqual(['Lawyers']);
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
  const real = keepOpen(await unlockVault(dir, REAL));
  expect(real.file).toBe(realFile);
  createNotesStore(real.db).create({ title: 'Last edit', body: 'not yet checkpointed' });
  const wal = readFileSync(`${realFile}-wal`);
  real.close();
  expect(wal.length).toBeGreaterThan(PAGE);
  return wal;
}

describe('a destroying duress unlock', () => {
  it("leaves neither the real key slot nor the real database's pages or WAL in free space", async () => {
    const { dir, realFile } = await vaultWithDestroyingDuress();
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

    const decoy = keepOpen(await unlockVault(dir, DURESS));
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
    const { dir } = await vaultWithDestroyingDuress();
    keepOpen(await unlockVault(dir, DURESS)).close();
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

      const real = keepOpen(await unlockVault(dir, REAL));
      expect(real.file).toBe(second);
      expect(titles(real)).toEqual(['Lawyers']);
      real.close();
      // The emptied file is a spare again, so the folder looks as any vault's does.
      expect(statSync(first).size).toBeGreaterThanOrEqual(PAGE);
      expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
      expect(titles(keepOpen(await unlockVault(dir, REAL)))).toEqual(['Lawyers']);
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
    const fresh = keepOpen(await createVault(dir, REAL, { kdf: KDF_FAST_FOR_TESTS }));
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
    expect(readdirSync(dir).filter((name) => name !== KEY_FILE_NAME)).toEqual([]);
  });
});
