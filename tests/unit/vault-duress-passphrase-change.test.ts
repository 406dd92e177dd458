// A passphrase change must not give the vault the duress passphrase (or the decoy the real one): two
// slots would open with it, unlock takes the first, and the passphrase the user just chose could open
// the decoy and, with destroy, wipe the real vault.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { openDecoy, setDuressPassphrase } from '../../src-main/core/vault/duress';
import {
  KEY_FILE_NAME,
  changePassphrase,
  createVault,
  unlockVault,
  type OpenVault,
} from '../../src-main/core/vault/vault';

const REAL = 'harbour lantern quietly 1987 frost';
const DURESS = 'meadow kettle saffron 2046 lighthouse';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const titles = (vault: OpenVault): string[] =>
  createNotesStore(vault.db)
    .list({ view: 'active' })
    .map((note) => note.title);

async function opensTitles(dir: string, passphrase: string): Promise<string[]> {
  const vault = await unlockVault(dir, passphrase);
  try {
    return titles(vault);
  } finally {
    vault.close();
  }
}

/** A real vault with a note and a destroying duress passphrase whose decoy holds another. Closed. */
async function vaultWithDuress(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'suviaz-duress-change-'));
  dirs.push(dir);
  const real = await createVault(dir, REAL, { kdf: KDF_FAST_FOR_TESTS });
  createNotesStore(real.db).create({ title: 'Lawyers', body: 'real secret' });
  await setDuressPassphrase(dir, real, DURESS, true);
  const decoy = await openDecoy(dir, real, DURESS);
  createNotesStore(decoy.db).create({ title: 'Shopping', body: 'milk' });
  decoy.close();
  real.close();
  return dir;
}

describe('changing a passphrase to the other slot’s passphrase', () => {
  it('is refused in the real vault, and both passphrases keep opening what they opened', async () => {
    const dir = await vaultWithDuress();
    const keyFile = readFileSync(path.join(dir, KEY_FILE_NAME));
    const real = await unlockVault(dir, REAL);
    await expect(changePassphrase(dir, real, REAL, DURESS)).rejects.toMatchObject({
      code: 'passphrase-unusable',
    });
    real.close();
    expect(readFileSync(path.join(dir, KEY_FILE_NAME)).equals(keyFile)).toBe(true);
    expect(await opensTitles(dir, REAL)).toEqual(['Lawyers']);
    // Last: the duress passphrase destroys the real vault, as it was set to.
    expect(await opensTitles(dir, DURESS)).toEqual(['Shopping']);
  });

  it('is refused in the decoy being prepared', async () => {
    const dir = await vaultWithDuress();
    const real = await unlockVault(dir, REAL);
    const decoy = await openDecoy(dir, real, DURESS);
    real.close();
    await expect(changePassphrase(dir, decoy, DURESS, REAL)).rejects.toMatchObject({
      code: 'passphrase-unusable',
    });
    decoy.close();
    expect(await opensTitles(dir, REAL)).toEqual(['Lawyers']);
  });
});
