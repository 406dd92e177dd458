// Quick exit, clipboard hygiene and screen-capture protection through the whole core, with a fake
// shell port standing in for Electron's windows and clipboard.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import type { ShellPort } from '../../src-main/core/shell/shell-port';

const PASSPHRASE = 'lantern orchard velvet 1994 compass';
let core: Core | undefined;

function fakeShell() {
  const state = { clipboard: 'before', hidden: 0, protection: [] as boolean[] };
  const port: Required<ShellPort> = {
    hideAllWindows: () => void state.hidden++,
    writeClipboard: async (text) => void (state.clipboard = text),
    readClipboard: async () => state.clipboard,
    clearClipboard: () => void (state.clipboard = ''),
    setContentProtection: (on) => void state.protection.push(on),
  };
  return { state, port };
}

async function unlockedCore(shell: ShellPort): Promise<Core> {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-quick-exit-'));
  core = await createCore({ dataDir, kdf: KDF_FAST_FOR_TESTS, logError: () => undefined, shell });
  const created = await core.call('vault.create', { passphrase: PASSPHRASE });
  expect(created.ok).toBe(true);
  return core;
}

afterEach(async () => {
  await core?.shutdown();
  core = undefined;
});

describe('quick exit through the core', () => {
  it('hides the windows, empties the clipboard and locks the vault with reason "exit"', async () => {
    const { state, port } = fakeShell();
    const api = await unlockedCore(port);
    const reasons: string[] = [];
    api.onEvent((event, payload) => {
      if (event === 'vault.locked') reasons.push((payload as { reason: string }).reason);
    });
    expect(await api.call('app.quickExit', {})).toEqual({
      ok: true,
      value: { windowsHidden: true, clipboardCleared: true },
    });
    expect(state).toMatchObject({ hidden: 1, clipboard: '' });
    expect(reasons).toEqual(['exit']);
    expect(await api.call('vault.status', {})).toMatchObject({ value: { state: 'locked' } });
    // Allowed while locked too: hidden again, nothing else to lock.
    expect((await api.call('app.quickExit', {})).ok).toBe(true);
    expect(state.hidden).toBe(2);
  });

  it('copies sensitive text only while unlocked, and clears it at shutdown if still there', async () => {
    const { state, port } = fakeShell();
    const api = await unlockedCore(port);
    expect(await api.call('clipboard.copySensitive', { text: 'invite link' })).toEqual({
      ok: true,
      value: { copied: true },
    });
    expect(state.clipboard).toBe('invite link');
    await api.shutdown();
    expect(state.clipboard).toBe('');
    expect(await api.call('clipboard.copySensitive', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
  });

  it('applies screen-capture protection at unlock and when the setting changes', async () => {
    const { state, port } = fakeShell();
    const api = await unlockedCore(port);
    expect(state.protection).toEqual([false]);
    await api.call('settings.update', { screenCaptureProtection: true });
    expect(state.protection).toEqual([false, true]);
    await api.call('vault.lock', {});
    await api.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(state.protection).toEqual([false, true]);
    expect(await api.call('app.capabilities', {})).toEqual({
      ok: true,
      value: { hideWindows: true, clipboard: true, screenCaptureProtection: true },
    });
  });

  it('in the browser host (no windows, no clipboard) still locks, and says what it could not do', async () => {
    const api = await unlockedCore({});
    expect(await api.call('app.quickExit', {})).toEqual({
      ok: true,
      value: { windowsHidden: false, clipboardCleared: false },
    });
    expect(await api.call('vault.status', {})).toMatchObject({ value: { state: 'locked' } });
    expect(await api.call('clipboard.copySensitive', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
  });
});
