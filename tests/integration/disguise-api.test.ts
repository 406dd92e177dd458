// Disguise mode through the real core: readable while locked, written to the plain file and the
// vault by settings.update, restored from the vault at unlock, and kept by a vault made after a wipe.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import {
  APPEARANCE_FILE_NAME,
  readDisguise,
  writeDisguise,
} from '../../src-main/core/settings/appearance-file';

const PASSPHRASE = 'lantern orchard velvet 1994 compass';
let dir: string;
let core: Core;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suviaz-disguise-'));
  core = await createCore({ dataDir: dir, kdf: KDF_FAST_FOR_TESTS, logError: () => undefined });
});
afterEach(async () => {
  await core.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('disguise through the API', () => {
  it('is readable while locked and follows settings.update', async () => {
    expect(await core.call('appearance.get', {})).toEqual({
      ok: true,
      value: { disguise: 'none' },
    });
    await core.call('vault.create', { passphrase: PASSPHRASE });
    const events: unknown[] = [];
    core.onEvent((event, payload) => {
      if (event === 'appearance.changed') events.push(payload);
    });
    const updated = await core.call('settings.update', { disguise: 'calculator' });
    expect(updated).toMatchObject({ ok: true, value: { disguise: 'calculator' } });
    expect(readDisguise(dir)).toBe('calculator');
    expect(events).toEqual([{ disguise: 'calculator' }]);
    await core.call('vault.lock', {});
    expect(await core.call('appearance.get', {})).toEqual({
      ok: true,
      value: { disguise: 'calculator' },
    });
  });

  it('restores a deleted file from the vault at unlock', async () => {
    await core.call('vault.create', { passphrase: PASSPHRASE });
    await core.call('settings.update', { disguise: 'notes' });
    await core.call('vault.lock', {});
    rmSync(join(dir, APPEARANCE_FILE_NAME));
    await core.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(readDisguise(dir)).toBe('notes');
  });

  it('a vault created on a disguised device keeps the disguise', async () => {
    writeDisguise(dir, 'weather');
    await core.shutdown();
    core = await createCore({ dataDir: dir, kdf: KDF_FAST_FOR_TESTS, logError: () => undefined });
    await core.call('vault.create', { passphrase: PASSPHRASE });
    expect(await core.call('settings.get', {})).toMatchObject({ value: { disguise: 'weather' } });
  });
});
