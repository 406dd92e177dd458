// The relay an app hosts for the local network, driven through the core's API as Settings drives it:
// two real sync engines converge through it, its status names the URL and fingerprint, stopping it
// disconnects them, and a busy port or a stranger's address is refused with a clear error.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import type { LanRelayStatus } from '../../src-shared/api';
import {
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  sharedSpace,
  waitFor,
} from '../support/sync-clients';

const PASSPHRASE = 'meadow copper lighthouse 2031 orbit';

afterEach(runCleanups);

async function unlockedCore(): Promise<{ core: Core; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-lan-'));
  const core = await createCore({
    dataDir: join(dir, 'vault'),
    kdf: KDF_FAST_FOR_TESTS,
    logError: () => undefined,
  });
  cleanups.push(() => core.shutdown());
  const created = await core.call('vault.create', { passphrase: PASSPHRASE });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { core, dir };
}

async function value<T>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const outcome = await promise;
  if (!outcome.ok) throw new Error(`call failed: ${JSON.stringify(outcome)}`);
  return (outcome as { ok: true; value: T }).value;
}

type Running = Extract<LanRelayStatus, { running: true }>;
const FINGERPRINT = /^[a-z2-7]{5}( [a-z2-7]{5}){3}$/;

describe('relay for the local network, hosted by the app', () => {
  it('offers loopback, hosts a relay two devices converge through, and stopping disconnects them', async () => {
    const { core, dir } = await unlockedCore();
    const seen: string[] = [];
    core.onEvent((event, payload) => {
      if (event === 'lanRelay.changed') seen.push(JSON.stringify(payload));
    });

    const interfaces = await value<{ address: string; internal: boolean }[]>(
      core.call('lanRelay.interfaces', {}),
    );
    expect(interfaces).toContainEqual(
      expect.objectContaining({ address: '127.0.0.1', family: 'IPv4', internal: true }),
    );
    expect(await value(core.call('lanRelay.status', {}))).toEqual({ running: false });

    const status = await value<Running>(
      core.call('lanRelay.start', { address: '127.0.0.1', port: 0 }),
    );
    expect(status).toMatchObject({ running: true, address: '127.0.0.1' });
    expect(status.port).toBeGreaterThan(0);
    expect(status.url).toBe(`ws://127.0.0.1:${status.port}`);
    expect(status.fingerprint).toMatch(FINGERPRINT);
    expect(await value(core.call('lanRelay.status', {}))).toEqual(status);
    // Its folder sits beside the vault's, not inside it.
    expect(existsSync(join(dir, 'lan-relay'))).toBe(true);
    expect(seen).toHaveLength(1);

    const a = await client(status.url);
    const b = await client(status.url);
    await sharedSpace([a, b]);
    a.doc.getText('t').insert(0, 'Meeting at the library, 18:00. ');
    b.doc.getText('t').insert(0, 'Bring the banners. ');
    await waitFor('convergence', () => a.text() === b.text() && a.text().length > 40);
    expect(a.engine.state().warnings).toEqual([]);

    // It outlives a lock of the vault: other devices depend on it.
    await value(core.call('vault.lock', {}));
    expect(await value(core.call('lanRelay.status', {}))).toEqual(status);

    // Stop works while locked; the devices see it go.
    expect(await value(core.call('lanRelay.stop', {}))).toEqual({ running: false });
    await waitFor('a disconnected', () => !connected(a)());
    await waitFor('b disconnected', () => !connected(b)());
    expect(seen.map((s) => JSON.parse(s) as LanRelayStatus)).toEqual([status, { running: false }]);
    // Starting needs the vault open.
    expect(await core.call('lanRelay.start', { address: '127.0.0.1', port: 0 })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
  });

  it('keeps its identity across restarts, so a pinned fingerprint stays valid', async () => {
    const { core } = await unlockedCore();
    const first = await value<Running>(
      core.call('lanRelay.start', { address: '127.0.0.1', port: 0 }),
    );
    await value(core.call('lanRelay.stop', {}));
    const again = await value<Running>(
      core.call('lanRelay.start', { address: '127.0.0.1', port: 0 }),
    );
    expect(again.fingerprint).toBe(first.fingerprint);
    // Asking again for the same address (any port) leaves the running relay as it is.
    expect(await value(core.call('lanRelay.start', { address: '127.0.0.1', port: 0 }))).toEqual(
      again,
    );
  });

  it('is stopped and its folder deleted by a panic wipe', async () => {
    const { core, dir } = await unlockedCore();
    const running = await value<Running>(
      core.call('lanRelay.start', { address: '127.0.0.1', port: 0 }),
    );
    const member = await client(running.url);
    await waitFor('a device syncs through it', connected(member));
    await member.engine.createSpace('Carried by this computer');
    expect(existsSync(join(dir, 'lan-relay'))).toBe(true);

    expect((await core.call('vault.panicWipe', {})).ok).toBe(true);
    expect(await value(core.call('lanRelay.status', {}))).toEqual({ running: false });
    // Its store named the space and its members' device keys: nothing of it is left.
    expect(existsSync(join(dir, 'lan-relay'))).toBe(false);
    await waitFor('the device lost it', () => !connected(member)());
  });

  it('says the port is in use, and stays stopped', async () => {
    const { core } = await unlockedCore();
    const other = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    expect(
      await core.call('lanRelay.start', { address: '127.0.0.1', port: other.port }),
    ).toMatchObject({ ok: false, error: { code: 'lan-relay-port-in-use' } });
    expect(await value(core.call('lanRelay.status', {}))).toEqual({ running: false });
  });

  it('refuses an address that is not this computer’s, and ports outside 0 or 1024–65535', async () => {
    const { core } = await unlockedCore();
    // TEST-NET-1 (RFC 5737): a well-formed address no machine has.
    expect(await core.call('lanRelay.start', { address: '192.0.2.1', port: 0 })).toMatchObject({
      ok: false,
      error: { code: 'lan-relay-address-unavailable' },
    });
    for (const args of [
      { address: '0.0.0.0.0', port: 8787 },
      { address: 'relay.example.org', port: 8787 },
      { address: '127.0.0.1', port: 80 },
      { address: '127.0.0.1', port: 65536 },
      { address: '127.0.0.1', port: 8787.5 },
      { address: '127.0.0.1', port: 8787, publicHost: 'elsewhere' },
    ]) {
      expect(await core.call('lanRelay.start', args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-args' },
      });
    }
    expect(await value(core.call('lanRelay.status', {}))).toEqual({ running: false });
  });

  it('takes the scanned code as a relay address: the key is pinned, the address alone dialed', async () => {
    const { core: host } = await unlockedCore();
    const status = await value<Running>(
      host.call('lanRelay.start', { address: '127.0.0.1', port: 0 }),
    );
    const { core: guest } = await unlockedCore();
    const scanned = `${status.url}#${status.relayKey}`;
    const check = await value<{
      result: string;
      fingerprint: string | null;
      matchesPin: boolean | null;
    }>(guest.call('relay.check', { url: scanned }));
    expect(check).toMatchObject({
      result: 'ok',
      fingerprint: status.fingerprint,
      matchesPin: true,
    });
    const settings = await value<{ relayUrl: string }>(
      guest.call('settings.update', { relayUrl: scanned }),
    );
    expect(settings.relayUrl).toBe(status.url);
    expect(await value(guest.call('relay.pin', { url: status.url }))).toMatchObject({
      fingerprint: status.fingerprint,
    });
    let connection = '';
    await waitFor('the guest is connected', () => {
      void guest.call('sync.state', {}).then((state) => {
        if (state.ok) connection = (state.value as { connection: string }).connection;
      });
      return connection === 'connected';
    });
    // A code whose fragment is not a key is refused, and nothing is saved.
    expect(
      await guest.call('settings.update', { relayUrl: `${status.url}#k3q7dvwx2amne5rtt4ob` }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });
});
