// The duress passphrase on disk: it opens the decoy the user prepared; with destroy, the real vault is
// gone for good (even for an older key file copy) while the key file keeps its layout; and a vault
// with a duress passphrase cannot be told from one without by its files, sizes or times.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KDF_FAST_FOR_TESTS, sodiumReady } from '../../src-main/core/crypto/sodium';
import { createDeviceIdentity } from '../../src-main/core/identity/device-identity';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { PADDING_PAGES } from '../../src-main/core/vault/database-pair';
import {
  openDecoy,
  readDuressRecord,
  removeDuressPassphrase,
  setDuressPassphrase,
} from '../../src-main/core/vault/duress';
import {
  HEADER_BYTES,
  KEY_FILE_BYTES,
  SLOT_COUNT,
  decodeKeyFile,
  unlockKeyFile,
} from '../../src-main/core/vault/key-file';
import {
  DB_FILE_NAMES,
  KEY_FILE_NAME,
  changePassphrase,
  createVault,
  unlockVault,
  vaultStatus,
} from '../../src-main/core/vault/vault';
import { openDatabase } from '../../src-main/core/vault/vault-disk';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import {
  DURESS,
  PAGE,
  REAL,
  VAULT_FILES,
  createRealVault,
  keyFileBytes,
  keyFileSlot,
  titles,
  vaultScratch,
} from '../support/vault-fixtures';

const DURESS_NEXT = 'granite willow tangerine 1975 harp';
const { tempDir, keep, clear } = vaultScratch('suviaz-duress-');

beforeAll(async () => {
  await sodiumReady();
});

afterEach(clear);

/** Whether a raw DB key opens either database file of the folder. */
function keyOpensAny(dir: string, dbKey: Uint8Array): boolean {
  return DB_FILE_NAMES.some((name) => {
    try {
      openDatabase(join(dir, name), dbKey, false).close();
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * A real vault holding a secret note, with a duress passphrase whose decoy the user prepared with
 * two ordinary notes (opened from the real vault, as Settings does). Everything closed.
 */
async function preparedVault(destroysVault: boolean, canary = 'real secret'): Promise<string> {
  const dir = tempDir();
  const real = await createRealVault(dir, canary);
  await setDuressPassphrase(dir, real, DURESS, destroysVault);
  const decoy = await openDecoy(dir, real, DURESS);
  real.close();
  const notes = createNotesStore(decoy.db);
  notes.create({ title: 'Shopping', body: 'milk, bread' });
  notes.create({ title: 'Birthday', body: 'call grandma on Sunday' });
  decoy.close();
  return dir;
}

describe('duress passphrase', () => {
  it('opens the decoy as the user prepared it, and the real passphrase still opens the vault', async () => {
    const dir = await preparedVault(false);
    const before = keyFileBytes(dir);
    const decoy = keep(await unlockVault(dir, DURESS));
    expect(titles(decoy)).toEqual(['Birthday', 'Shopping']);
    // Nothing inside the decoy says it is one: it has no duress record of its own.
    expect(readDuressRecord(decoy.db)).toBeNull();
    decoy.close();
    expect(keyFileBytes(dir).equals(before)).toBe(true);
    const real = keep(await unlockVault(dir, REAL));
    expect(titles(real)).toEqual(['Lawyers']);
    expect(readDuressRecord(real.db)).toMatchObject({ destroysVault: false });
  });

  it('with destroy: afterwards the real passphrase opens nothing, not even with an older key file', async () => {
    const canary = uniqueCanary('duress-real');
    const dir = await preparedVault(true, canary);
    const before = keyFileBytes(dir);
    const realKey = await unlockKeyFile(decodeKeyFile(before), REAL);

    const decoy = keep(await unlockVault(dir, DURESS));
    expect(titles(decoy)).toEqual(['Birthday', 'Shopping']);
    decoy.close();

    await expect(unlockVault(dir, REAL)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    // The attack: a copy of the key file taken before still unwraps the old DB key, which now
    // opens neither database file (the real one was rebuilt as a spare).
    expect(keyOpensAny(dir, realKey.dbKey)).toBe(false);
    expect(filesContaining(dir, canary)).toEqual([]);

    // Byte level: same size and header, same number of equal-size slots; the real slot changed.
    const after = keyFileBytes(dir);
    expect(after.length).toBe(before.length);
    expect(after.length).toBe(KEY_FILE_BYTES);
    expect(after.subarray(0, HEADER_BYTES).equals(before.subarray(0, HEADER_BYTES))).toBe(true);
    expect(decodeKeyFile(after).slots).toHaveLength(SLOT_COUNT);
    expect(keyFileSlot(after, realKey.index).equals(keyFileSlot(before, realKey.index))).toBe(
      false,
    );
    // And the duress slot is an ordinary slot now: no marker left saying what it was.
    expect((await unlockKeyFile(decodeKeyFile(after), DURESS)).previousDbKey).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
    // The duress passphrase keeps opening the decoy, with nothing more destroyed.
    expect(titles(keep(await unlockVault(dir, DURESS)))).toEqual(['Birthday', 'Shopping']);
  });

  it('keeps the destroy effect when the decoy being prepared changes its passphrase', async () => {
    const dir = await preparedVault(true);
    const real = await unlockVault(dir, REAL);
    const decoy = await openDecoy(dir, real, DURESS);
    real.close();
    await changePassphrase(dir, decoy, DURESS, DURESS_NEXT);
    decoy.close();
    await expect(unlockVault(dir, DURESS)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(titles(keep(await unlockVault(dir, DURESS_NEXT)))).toEqual(['Birthday', 'Shopping']);
    await expect(unlockVault(dir, REAL)).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it("refuses the other slot's passphrase as the current one in a change, losing neither vault", async () => {
    const dir = await preparedVault(false);
    const before = keyFileBytes(dir);
    // Preparing the decoy, the user types the real passphrase as the current one.
    const real = await unlockVault(dir, REAL);
    const decoy = keep(await openDecoy(dir, real, DURESS));
    real.close();
    await expect(changePassphrase(dir, decoy, REAL, DURESS_NEXT)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    decoy.close();
    // In the real vault, the duress passphrase typed as the current one.
    const again = keep(await unlockVault(dir, REAL));
    await expect(changePassphrase(dir, again, DURESS, DURESS_NEXT)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    again.close();
    expect(keyFileBytes(dir).equals(before)).toBe(true);
    expect(titles(keep(await unlockVault(dir, REAL)))).toEqual(['Lawyers']);
    expect(titles(keep(await unlockVault(dir, DURESS)))).toEqual(['Birthday', 'Shopping']);
  });

  it('refuses the vault passphrase or a weak one as duress passphrase, changing nothing', async () => {
    const dir = tempDir();
    const real = keep(await createVault(dir, REAL, { kdf: KDF_FAST_FOR_TESTS }));
    const before = keyFileBytes(dir);
    await expect(setDuressPassphrase(dir, real, REAL, true)).rejects.toMatchObject({
      code: 'same-passphrase',
    });
    await expect(setDuressPassphrase(dir, real, 'password123', true)).rejects.toMatchObject({
      code: 'weak-passphrase',
    });
    expect(keyFileBytes(dir).equals(before)).toBe(true);
    expect(readDuressRecord(real.db)).toBeNull();
  });

  it('prepares the decoy only with the duress passphrase', async () => {
    const dir = await preparedVault(true);
    const real = keep(await unlockVault(dir, REAL));
    await expect(openDecoy(dir, real, REAL)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(openDecoy(dir, real, 'some other long phrase 77')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('once removed, the duress passphrase opens nothing and the folder keeps its shape', async () => {
    const dir = await preparedVault(true);
    const real = await unlockVault(dir, REAL);
    const sizes = DB_FILE_NAMES.map((name) => statSync(join(dir, name)).size);
    removeDuressPassphrase(dir, real);
    expect(readDuressRecord(real.db)).toBeNull();
    real.close();
    await expect(unlockVault(dir, DURESS)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
    expect(DB_FILE_NAMES.map((name) => statSync(join(dir, name)).size)).toEqual(sizes);
    expect(titles(keep(await unlockVault(dir, REAL)))).toEqual(['Lawyers']);
  });

  it('still opens the decoy when a destroying unlock on a full disk left only its file', async () => {
    const dir = await preparedVault(true);
    const decoy = await unlockVault(dir, DURESS);
    const decoyFile = decoy.file;
    decoy.close();
    // What the full-disk fallback leaves: the decoy alone, here in the second file of the pair.
    for (const name of DB_FILE_NAMES) {
      if (join(dir, name) !== decoyFile) rmSync(join(dir, name));
    }
    renameSync(decoyFile, join(dir, DB_FILE_NAMES[1]));
    expect(vaultStatus(dir)).toEqual({ state: 'locked', problem: null });
    const again = await unlockVault(dir, DURESS);
    expect(titles(again)).toEqual(['Birthday', 'Shopping']);
    again.close();
    // And the pair is whole again: a spare took the missing file's place.
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
  });

  it('gives a vault made before the pair its spare at the next unlock', async () => {
    const dir = tempDir();
    const vault = await createVault(dir, REAL, { kdf: KDF_FAST_FOR_TESTS });
    const ownFile = vault.file;
    vault.close();
    // As an older Suviaz left it: the vault alone, in suviaz.db.
    for (const name of DB_FILE_NAMES) {
      if (join(dir, name) !== ownFile) rmSync(join(dir, name));
    }
    renameSync(ownFile, join(dir, DB_FILE_NAMES[0]));
    expect(readdirSync(dir).sort()).toEqual([DB_FILE_NAMES[0], KEY_FILE_NAME]);
    keep(await unlockVault(dir, REAL)).close();
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
    expect(titles(keep(await unlockVault(dir, REAL)))).toEqual([]);
  });
});

describe('a vault with a duress passphrase next to one without', () => {
  /** The size of a database with the schema and an identity but no padding. */
  function unpaddedSize(): number {
    const file = join(tempDir(), 'unpadded.db');
    const db = openDatabase(file, randomBytes(32), true);
    createDeviceIdentity(db);
    db.close();
    return statSync(file).size;
  }

  it('has the same files, sizes from the same range, and equal times on both databases', async () => {
    const plainDir = tempDir();
    const plain = await createRealVault(plainDir);
    plain.close();
    const duressDir = await preparedVault(true);

    expect(readdirSync(plainDir).sort()).toEqual(VAULT_FILES);
    expect(readdirSync(duressDir).sort()).toEqual(readdirSync(plainDir).sort());
    expect(statSync(join(plainDir, KEY_FILE_NAME)).size).toBe(
      statSync(join(duressDir, KEY_FILE_NAME)).size,
    );
    // Every database (a vault, a spare, a decoy with two short notes) is the schema plus padding
    // pages from one range: the decoy's notes went into free pages, so its size says nothing.
    const base = unpaddedSize();
    for (const dir of [plainDir, duressDir]) {
      for (const name of DB_FILE_NAMES) {
        const extraPages = (statSync(join(dir, name)).size - base) / PAGE;
        expect(extraPages).toBeGreaterThanOrEqual(PADDING_PAGES.min);
        expect(extraPages).toBeLessThanOrEqual(PADDING_PAGES.max + 2);
      }
      // Both files were touched at the last lock, the one in use and the other alike.
      const [first, second] = DB_FILE_NAMES.map((name) => statSync(join(dir, name)).mtimeMs);
      expect(first).toBe(second);
    }
    expect(existsSync(join(duressDir, `${DB_FILE_NAMES[0]}-wal`))).toBe(false);
  });
});
