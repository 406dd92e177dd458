// The whole core driven through its API contract, as the IPC wiring and the browser host drive it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS, randomBytes } from '../../src-main/core/crypto/sodium';
import { encodeInviteLink } from '../../src-main/core/groups/invite-link';
import { startRelay } from '../../server/relay';

const PASSPHRASE = 'lantern orchard velvet 1994 compass';
let core: Core | undefined;

async function freshCore(): Promise<Core> {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-core-'));
  core = await createCore({ dataDir, kdf: KDF_FAST_FOR_TESTS, logError: () => undefined });
  return core;
}

async function value<T = unknown>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const outcome = await promise;
  if (!outcome.ok) throw new Error(`call failed: ${JSON.stringify(outcome)}`);
  return (outcome as { ok: true; value: T }).value;
}

afterEach(async () => {
  vi.useRealTimers();
  await core?.shutdown();
  core = undefined;
});

describe('core API', () => {
  it('creates, locks, refuses while locked, rejects a wrong passphrase, unlocks with data intact', async () => {
    const api = await freshCore();
    expect(await value(api.call('vault.status', {}))).toEqual({ state: 'none', problem: null });
    const identity = await value<{ fingerprint: string }>(
      api.call('vault.create', { passphrase: PASSPHRASE }),
    );
    expect(identity.fingerprint).toMatch(/^(\d{5} ){11}\d{5}$/);
    const note = await value<{ id: string }>(
      api.call('notes.create', { title: 'Briefing', body: 'Встреча в МЕНСКЕ' }),
    );

    const events: string[] = [];
    api.onEvent((event, payload) => events.push(`${event}:${JSON.stringify(payload)}`));
    await value(api.call('vault.lock', {}));
    expect(events).toEqual(['vault.locked:{"reason":"user"}']);
    expect(await api.call('notes.get', { id: note.id })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(
      await api.call('vault.unlock', { passphrase: 'wrong passphrase entirely' }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    await value(api.call('vault.unlock', { passphrase: PASSPHRASE }));
    expect(await value(api.call('notes.get', { id: note.id }))).toMatchObject({
      title: 'Briefing',
      body: 'Встреча в МЕНСКЕ',
    });
    expect(await value(api.call('device.identity', {}))).toMatchObject({
      fingerprint: identity.fingerprint,
    });
  });

  it('refuses a weak passphrase at creation and creates nothing', async () => {
    const api = await freshCore();
    expect(await api.call('vault.create', { passphrase: 'password123' })).toMatchObject({
      ok: false,
      error: { code: 'weak-passphrase' },
    });
    expect(await value(api.call('vault.status', {}))).toMatchObject({ state: 'none' });
  });

  it('locks itself after the configured idle time, and activity postpones it', async () => {
    const api = await freshCore();
    await value(api.call('vault.create', { passphrase: PASSPHRASE }));
    const locked = new Promise((resolve) =>
      api.onEvent((event, p) => resolve(`${event}:${JSON.stringify(p)}`)),
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await value(api.call('settings.update', { autoLockMinutes: 2 }));
    vi.advanceTimersByTime(90_000);
    await value(api.call('session.activity', {}));
    vi.advanceTimersByTime(90_000);
    expect(await value(api.call('vault.status', {}))).toMatchObject({ state: 'unlocked' });
    vi.advanceTimersByTime(30_000);
    expect(await locked).toBe('vault.locked:{"reason":"idle"}');
    expect(await value(api.call('vault.status', {}))).toMatchObject({ state: 'locked' });
  });

  it('takes the relay from a first invite link, and gives it back up when the join fails', async () => {
    const relay = await startRelay({
      port: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'suviaz-relay-')),
      log: () => undefined,
    });
    try {
      const api = await freshCore();
      await value(api.call('vault.create', { passphrase: PASSPHRASE }));
      expect(await value(api.call('settings.get', {}))).toMatchObject({ relayUrl: '' });
      // A well-formed link to a real relay, for a group that does not exist there.
      const link = encodeInviteLink({
        relayUrl: relay.url,
        groupId: randomBytes(16),
        seed: randomBytes(32),
      });
      const outcome = await api.call('spaces.join', { link });
      expect(outcome.ok).toBe(false);
      expect(await value(api.call('settings.get', {}))).toMatchObject({ relayUrl: '' });
      expect(await value(api.call('spaces.list', {}))).toEqual([]);
    } finally {
      await relay.close();
    }
  });
});
