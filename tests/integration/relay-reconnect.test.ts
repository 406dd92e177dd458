// "Try now": a client waiting out a long backoff reaches a relay that is back at once when asked,
// and a change of network counts as asking.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRelayConnection } from '../../src-main/core/sync/relay-connection';
import { networkSignature, watchNetwork } from '../../src-main/core/sync/network-watch';
import { newDevice } from '../support/relay-test-client';
import { cleanups, relayOn, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

describe('reconnecting', () => {
  it('tries the relay at once when asked, instead of waiting out the backoff', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'suviaz-reconnect-'));
    const first = await relayOn(dir);
    const port = Number(new URL(first.url).port);
    const device = newDevice();
    const connection = createRelayConnection({
      url: first.url,
      device: device.key,
      sign: device.sign,
      onStatus: () => undefined,
      onConnected: () => undefined,
      onFrame: () => undefined,
      // An hour between attempts: only "Try now" can bring it back within the test.
      backoff: { minMs: 3_600_000, maxMs: 3_600_000 },
    });
    cleanups.push(() => connection.close());
    await waitFor('connected', () => connection.status() === 'connected');
    await first.close();
    await waitFor('offline', () => connection.status() === 'offline');
    await relayOn(dir, port);
    connection.retryNow();
    await waitFor('connected again', () => connection.status() === 'connected');
    expect((await connection.request({ type: 'listGroups' })).type).toBe('groupList');
  });

  it('notices a change of network', () => {
    vi.useFakeTimers();
    try {
      let signature = 'wlan0/IPv4/192.0.2.10';
      let changes = 0;
      const stop = watchNetwork(
        () => changes++,
        () => signature,
        10,
      );
      vi.advanceTimersByTime(50);
      expect(changes).toBe(0);
      signature = 'wlan0/IPv4/198.51.100.7';
      vi.advanceTimersByTime(10);
      expect(changes).toBe(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads this machine’s addresses, loopback left out', () => {
    const signature = networkSignature({
      lo: [
        { address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null },
      ],
      eth0: [
        { address: '192.0.2.5', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null },
      ],
    });
    expect(signature).toBe('eth0/IPv4/192.0.2.5');
  });
});
