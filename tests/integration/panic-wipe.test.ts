// Panic wipe through the core's API, open or locked: afterwards the app is as if freshly installed,
// no file of the vault is left to open, a canary written before is in no file under the data
// directory, and a copy of the key file taken before the wipe is of no use with the passphrase.
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { panicWipeFiles } from '../../src-main/core/vault/panic-wipe';
import { KEY_FILE_NAME, unlockVault } from '../../src-main/core/vault/vault';
import { filesContaining, uniqueCanary } from '../support/canary-scan';

const PASSPHRASE = 'lantern orchard velvet 1994 compass';
let core: Core | undefined;

afterEach(async () => {
  await core?.shutdown();
  core = undefined;
});

async function vaultWithCanary() {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-wipe-'));
  core = await createCore({ dataDir, kdf: KDF_FAST_FOR_TESTS, logError: () => undefined });
  const api = core;
  expect((await api.call('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
  const canary = uniqueCanary('Names-of-the-detained');
  expect((await api.call('notes.create', { title: canary, body: canary })).ok).toBe(true);
  return { api, dataDir, canary };
}

describe('panic wipe', () => {
  it('erases an open vault: an empty app, no vault file, the canary nowhere', async () => {
    const { api, dataDir, canary } = await vaultWithCanary();
    const events: string[] = [];
    api.onEvent((event, payload) => events.push(`${event}:${JSON.stringify(payload)}`));
    expect(await api.call('vault.panicWipe', {})).toEqual({ ok: true, value: null });
    expect(events).toContain('vault.locked:{"reason":"wipe"}');
    expect(await api.call('vault.status', {})).toEqual({
      ok: true,
      value: { state: 'none', problem: null },
    });
    expect(readdirSync(dataDir).filter((f) => f.startsWith('suviaz'))).toEqual([]);
    expect(filesContaining(dataDir, canary)).toEqual([]);
    await expect(unlockVault(dataDir, PASSPHRASE)).rejects.toMatchObject({ code: 'vault-missing' });
    // A neutral app: a new vault can be made at once, and holds nothing of the old one.
    expect((await api.call('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
    expect(await api.call('notes.list', { view: 'active' })).toMatchObject({ ok: true, value: [] });
  });

  it('erases a locked vault too, and a key file copied before the wipe opens nothing', async () => {
    const { api, dataDir } = await vaultWithCanary();
    const copyDir = mkdtempSync(join(tmpdir(), 'suviaz-wipe-copy-'));
    await api.call('vault.lock', {});
    copyFileSync(join(dataDir, KEY_FILE_NAME), join(copyDir, KEY_FILE_NAME));
    expect((await api.call('vault.panicWipe', {})).ok).toBe(true);
    expect(await api.call('vault.status', {})).toMatchObject({ value: { state: 'none' } });
    // The copied key file still opens (its slot holds the key), but the database it keys is gone.
    await expect(unlockVault(copyDir, PASSPHRASE)).rejects.toMatchObject({
      code: 'database-missing',
    });
  });

  it('is what the --panic-wipe flag does before the app starts, and is harmless with no vault', () => {
    const empty = mkdtempSync(join(tmpdir(), 'suviaz-wipe-empty-'));
    expect(() => panicWipeFiles(empty)).not.toThrow();
    expect(readdirSync(empty)).toEqual([]);
  });
});
