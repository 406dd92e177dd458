// Reaching the relay through Tor or another SOCKS5 proxy: the relay is reached only through the
// proxy, by a name only the proxy can resolve (no DNS query leaves the machine), the sync state says
// so, and a proxy that is down or refuses is told apart.
import dns from 'node:dns';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncEngine } from '../../src-main/core/sync/sync-engine';
import { probeRelay } from '../../src-main/core/sync/relay-probe';
import { proxyAgent } from '../../src-main/core/sync/relay-proxy';
import { createVault } from '../../src-main/core/vault/vault';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import type { ProxySetting, SyncState } from '../../src-shared/api';
import { startSocksServer } from '../support/socks5-server';
import { cleanups, relayOn, runCleanups, waitFor } from '../support/sync-clients';
import { IGNORED_ENGINE_EVENTS } from '../support/engine-events';

afterEach(runCleanups);
afterEach(() => vi.restoreAllMocks());

/** A name no DNS server knows: only the test's proxy maps it to the relay. */
const RELAY_NAME = 'relay.suviaz-test.invalid';

async function engineVia(relayUrl: string, proxy: ProxySetting) {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-socks-'));
  const vault = await createVault(dir, 'harbour lantern quietly 1987 frost', {
    kdf: KDF_FAST_FOR_TESTS,
  });
  let last: SyncState | null = null;
  const engine = createSyncEngine({
    db: vault.db,
    relayUrl,
    proxy,
    on: {
      ...IGNORED_ENGINE_EVENTS,
      state: (state) => {
        last = state;
      },
    },
  });
  cleanups.push(async () => {
    await engine.stop();
    vault.close();
  });
  return { engine, state: () => last ?? engine.state() };
}

describe('the relay through a SOCKS5 proxy', () => {
  it('is reached only through the proxy, by a name only the proxy resolves', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-socks-relay-')));
    const relayPort = Number(new URL(relay.url).port);
    const socks = await startSocksServer({ [RELAY_NAME]: '127.0.0.1' });
    cleanups.push(() => socks.close());
    const lookups = vi.spyOn(dns, 'lookup');
    const proxy: ProxySetting = { kind: 'socks5', host: '127.0.0.1', port: socks.port };
    const { engine, state } = await engineVia(`ws://${RELAY_NAME}:${relayPort}`, proxy);
    await waitFor('connected through the proxy', () => state().connection === 'connected');
    expect(state()).toMatchObject({ via: 'socks5', problem: null });
    // The proxy was asked for the name (socks5h), not an address the client looked up.
    expect(socks.requests[0]).toEqual({ addressType: 3, host: RELAY_NAME, port: relayPort });
    expect(lookups.mock.calls.some(([host]) => host === RELAY_NAME)).toBe(false);
    // And the space works over it.
    const space = await engine.createSpace('Through Tor');
    expect(space.name).toBe('Through Tor');
    // The settings' relay check goes through the proxy too.
    const check = await probeRelay(`ws://${RELAY_NAME}:${relayPort}`, { agent: proxyAgent(proxy) });
    expect(check.result).toBe('ok');
  });

  it('is never dialed directly at an .onion address, and says why', async () => {
    const onion = `ws://${'a'.repeat(56)}.onion`;
    const lookups = vi.spyOn(dns, 'lookup');
    // As an invite's relay or a saved setting may name it, with no Tor set up.
    const { state } = await engineVia(onion, { kind: 'none' });
    expect(state()).toMatchObject({ connection: 'offline', problem: 'onion-needs-tor' });
    const check = await probeRelay(onion);
    expect(check).toMatchObject({ result: 'unreachable' });
    expect(check.detail).toContain('Tor');
    expect(lookups.mock.calls.some(([host]) => String(host).endsWith('.onion'))).toBe(false);
  });

  it('says when the proxy is not there, and when it cannot reach the relay', async () => {
    const socks = await startSocksServer({});
    const downPort = socks.port;
    await socks.close();
    const down = await engineVia(`ws://${RELAY_NAME}:1`, {
      kind: 'socks5',
      host: '127.0.0.1',
      port: downPort,
    });
    await waitFor('the proxy problem', () => down.state().problem === 'proxy-unreachable');
    expect(down.state()).toMatchObject({ via: 'socks5' });
    expect(down.state().connection).not.toBe('connected');

    const refusing = await startSocksServer({});
    cleanups.push(() => refusing.close());
    refusing.refuse = true;
    const refused = await engineVia(`ws://${RELAY_NAME}:1`, {
      kind: 'socks5',
      host: '127.0.0.1',
      port: refusing.port,
    });
    await waitFor('the refusal', () => refused.state().problem === 'proxy-refused');
  });
});
