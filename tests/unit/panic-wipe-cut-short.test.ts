// A panic wipe stopped part-way (the app killed, the power cut) must end as no vault at the next
// start, wherever it stopped: never a vault the real passphrase still opens, never a key file of
// noise that every passphrase calls damaged and the app will not replace.
import fs, { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KDF_FAST_FOR_TESTS, sodiumReady } from '../../src-main/core/crypto/sodium';
import { panicWipeFiles, shredKeyFile, type WipeStep } from '../../src-main/core/vault/panic-wipe';
import { createVault, unlockVault, vaultStatus } from '../../src-main/core/vault/vault';
import { WIPING_FILE_NAME } from '../../src-main/core/vault/vault-disk';
import {
  REAL,
  VAULT_FILES,
  createRealVault,
  titles,
  vaultScratch,
} from '../support/vault-fixtures';

const scratch = vaultScratch('suviaz-wipe-cut-');
const STEPS: WipeStep[] = ['marked', 'shredded'];
const NEW = 'orchard velvet compass 2031 ember';

beforeAll(async () => {
  await sodiumReady();
});

afterEach(() => {
  vi.restoreAllMocks();
  scratch.clear();
});

/** The wipe as the app runs it, stopped dead after `step`: nothing after it runs. */
function wipeStoppedAfter(dir: string, step: WipeStep, wipe = panicWipeFiles): void {
  const stop = new Error(`stopped at ${step}`);
  try {
    wipe(dir, {
      afterStep: (reached) => {
        if (reached === step) throw stop;
      },
    });
  } catch (error) {
    if (error !== stop) throw error;
  }
}

describe.each(STEPS)('a panic wipe stopped after "%s"', (step) => {
  it('is finished at the next start: the first screen, an empty folder', async () => {
    const dir = scratch.tempDir();
    (await createRealVault(dir)).close();
    // shredKeyFile alone: the panic wipe's deletions never run.
    wipeStoppedAfter(dir, step, shredKeyFile);
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
    expect(readdirSync(dir)).toEqual([]);
    await expect(unlockVault(dir, REAL)).rejects.toMatchObject({ code: 'vault-missing' });
  });

  it('is finished by making a new vault too, which holds nothing of the old one', async () => {
    const dir = scratch.tempDir();
    (await createRealVault(dir)).close();
    wipeStoppedAfter(dir, step, shredKeyFile);
    const fresh = scratch.keep(await createVault(dir, NEW, { kdf: KDF_FAST_FOR_TESTS }));
    expect(titles(fresh)).toEqual([]);
    fresh.close();
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
    await expect(unlockVault(dir, REAL)).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it('is finished after it stopped while the vault was open', async () => {
    const dir = scratch.tempDir();
    const vault = scratch.keep(await createRealVault(dir));
    wipeStoppedAfter(dir, step, shredKeyFile);
    vault.close();
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a wipe marker that cannot be removed', () => {
  it('stops a new vault being made beside it, which the next start would wipe', async () => {
    const dir = scratch.tempDir();
    (await createRealVault(dir)).close();
    const marker = join(dir, WIPING_FILE_NAME);
    const realRm = fs.rmSync;
    // Windows: an antivirus holds the marker it has just seen created.
    const held = vi.spyOn(fs, 'rmSync').mockImplementation((file, options) => {
      if (file === marker) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      realRm(file, options);
    });
    expect(() => panicWipeFiles(dir)).toThrow('busy');
    await expect(createVault(dir, NEW, { kdf: KDF_FAST_FOR_TESTS })).rejects.toMatchObject({
      code: 'vault-exists',
    });
    held.mockRestore();
    // Once it can go, a new vault is made and stays.
    scratch.keep(await createVault(dir, NEW, { kdf: KDF_FAST_FOR_TESTS })).close();
    expect(vaultStatus(dir)).toEqual({ state: 'locked', problem: null });
    expect(readdirSync(dir).sort()).toEqual(VAULT_FILES);
  });
});

describe('a panic wipe with no vault', () => {
  it('leaves nothing behind in a folder with no vault', () => {
    const dir = scratch.tempDir();
    panicWipeFiles(dir);
    expect(vaultStatus(dir)).toEqual({ state: 'none', problem: null });
    expect(readdirSync(dir)).toEqual([]);
  });
});
