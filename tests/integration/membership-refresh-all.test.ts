// Reconnecting, a device asks the relay about every space it is in. One space whose log cannot be
// fetched (the relay refuses or fails on it) must not keep the others from being brought up to date:
// a member added, removed or a new epoch there while this device was away.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { randomBytes } from '../../src-main/core/crypto/sodium';
import { toHex } from '../../src-shared/protocol/bytes';
import { encodeClientFrame } from '../../src-shared/protocol/frames';
import { startMaliciousRelay } from '../support/malicious-relay';
import {
  addAndAccept,
  cleanups,
  client,
  connected,
  myDeviceKey,
  relayOn,
  runCleanups,
  waitFor,
} from '../support/sync-clients';

afterEach(runCleanups);

describe('refreshing every space at a reconnection', () => {
  it('brings the other spaces up to date when one of them cannot be fetched', async () => {
    const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const upstream = await relayOn(relayDir);
    const proxy = await startMaliciousRelay(upstream.url);
    cleanups.push(() => proxy.close());
    const [alice, bob, carol] = [
      await client(proxy.url),
      await client(proxy.url),
      await client(proxy.url),
    ];
    for (const c of [alice, bob, carol]) await waitFor('connection', connected(c));
    const first = await alice.engine.createSpace('First');
    await addAndAccept(alice, bob, first.id, 'editor');
    const second = await alice.engine.createSpace('Second');
    await addAndAccept(alice, bob, second.id, 'editor');
    const bobKey = myDeviceKey(bob);

    // From now on Bob hears of no change, and the relay fails him on the first space's log.
    proxy.toClient = (frame, _raw, conn) =>
      conn.device === bobKey && frame.type === 'groupChanged' ? [] : 'pass';
    proxy.toRelay = (frame, _raw, conn) =>
      conn.device === bobKey && frame.type === 'groupFetch' && toHex(frame.groupId) === first.id
        ? [encodeClientFrame({ ...frame, groupId: randomBytes(16) })]
        : 'pass';
    await addAndAccept(alice, carol, second.id, 'editor');
    const carolKey = myDeviceKey(carol);

    // The relay restarts: everyone reconnects, and Bob asks about both spaces.
    await upstream.close();
    await waitFor('Bob is offline', () => !connected(bob)());
    const again = await relayOn(relayDir, upstream.port);
    cleanups.push(() => again.close());
    await waitFor('Bob is back', connected(bob));
    await waitFor('Bob sees Carol in the second space', () =>
      (bob.engine.listSpaces().find((s) => s.id === second.id)?.members ?? []).some(
        (m) => m.deviceKey === carolKey,
      ),
    );
  });
});
