import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src-shared/limits';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import {
  DEFAULT_SETTINGS,
  getSettings,
  updateSettings,
} from '../../src-main/core/settings/settings';
import { createVault, unlockVault, type OpenVault } from '../../src-main/core/vault/vault';

const PASSPHRASE = 'harbour lantern quietly 1987 frost';
let dir: string;
let vault: OpenVault;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suviaz-settings-'));
  vault = await createVault(dir, PASSPHRASE, { kdf: KDF_FAST_FOR_TESTS });
});

afterEach(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('settings', () => {
  it('starts with the default auto-lock time', () => {
    expect(getSettings(vault.db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      autoLockMinutes: LIMITS.autoLockDefaultMinutes,
      relayUrl: '',
      displayName: '',
    });
  });

  it('updates, returns the new settings, and keeps them across lock and unlock', async () => {
    expect(updateSettings(vault.db, { autoLockMinutes: 0 })).toEqual({
      ...DEFAULT_SETTINGS,
      autoLockMinutes: 0,
    });
    expect(updateSettings(vault.db, {})).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 0 });
    vault.close();
    vault = await unlockVault(dir, PASSPHRASE);
    expect(getSettings(vault.db)).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 0 });
  });

  it('refuses out-of-range or unknown values and keeps the old ones', () => {
    updateSettings(vault.db, { autoLockMinutes: 5 });
    for (const bad of [
      { autoLockMinutes: -1 },
      { autoLockMinutes: LIMITS.autoLockMaxMinutes + 1 },
      { autoLockMinutes: 1.5 },
      { theme: 'dark' },
      { relayUrl: 'http://relay.example' },
      { relayUrl: 'ws://has space' },
    ]) {
      expect(() => updateSettings(vault.db, bad as never)).toThrow(
        expect.objectContaining({ code: 'invalid-args' }),
      );
    }
    expect(getSettings(vault.db)).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 5 });
  });

  it('falls back to defaults for unreadable stored values and ignores unknown names', () => {
    vault.db
      .prepare('INSERT INTO settings (name, value) VALUES (?, ?), (?, ?)')
      .run('autoLockMinutes', '{not json', 'fromTheFuture', '"x"');
    expect(getSettings(vault.db)).toEqual(DEFAULT_SETTINGS);
    vault.db.prepare("UPDATE settings SET value = '99999' WHERE name = 'autoLockMinutes'").run();
    expect(getSettings(vault.db)).toEqual(DEFAULT_SETTINGS);
  });
});
