// A destroying duress unlock killed part-way (the rebuild of the real database's file takes longest)
// must be finished by the next unlock with the duress passphrase: the real database's pages replaced,
// the real passphrase opening nothing, and then no mark left that the slot was a duress slot.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../src-main/core/crypto/sodium';
import type { DestroyStep } from '../../src-main/core/vault/duress-destroy';
import { isDestroyMarker } from '../../src-main/core/vault/duress-marker';
import { decodeKeyFile, unlockKeyFile } from '../../src-main/core/vault/key-file';
import { unlockVault } from '../../src-main/core/vault/vault';
import { killAtStep } from '../support/kill-at-step';
import {
  DURESS,
  REAL,
  keyFileBytes,
  pagesKept,
  titles,
  vaultScratch,
  vaultWithDestroyingDuress,
} from '../support/vault-fixtures';

const scratch = vaultScratch('suviaz-destroy-crash-');
const STEPS: DestroyStep[] = ['slots-cleared', 'other-replaced'];

beforeAll(async () => {
  await sodiumReady();
});

afterEach(() => scratch.clear());

describe.each(STEPS)('a destroying duress unlock killed after "%s"', (step) => {
  it('is finished by the next duress unlock, which then leaves an ordinary slot', async () => {
    const { dir, realFile } = await vaultWithDestroyingDuress(scratch.tempDir);
    const realPages = readFileSync(realFile);
    await killAtStep('tests/support/duress-unlock-crash-child.ts', [dir, DURESS, step], step);

    const decoy = scratch.keep(await unlockVault(dir, DURESS));
    expect(titles(decoy)).toEqual(['Shopping']);
    decoy.close();
    expect(pagesKept(realPages, readFileSync(realFile))).toBe(0);
    await expect(unlockVault(dir, REAL)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const slot = await unlockKeyFile(decodeKeyFile(keyFileBytes(dir)), DURESS);
    expect(isDestroyMarker(slot)).toBe(false);
  });
});
