// What one connection, or one device, may hold of a relay: a peer that vanished without closing is
// ended by the relay's heartbeat, and one device key holds only a few connections at once.
import { describe, expect, it } from 'vitest';
import { authSigningBytes } from '../../src-shared/protocol/handshake-codec';
import { relayHostOfUrl } from '../../src-shared/protocol/relay-host';
import { InProcessRelay } from '../support/in-process-relay';
import { newDevice, RelayTestClient, type TestDevice } from '../support/relay-test-client';

const relay = InProcessRelay.perTest();
const { start, connect } = relay;

/** Says HELLO and AUTH as the device, returning the relay's answer to AUTH instead of expecting OK. */
async function tryAuth(device: TestDevice) {
  const client = relay.closeAfterTest(await RelayTestClient.connect(relay.url));
  const challenge = client.challenge as Uint8Array;
  client.send({
    type: 'auth',
    device: device.key,
    signature: device.sign(authSigningBytes(challenge, relayHostOfUrl(relay.url))),
  });
  const answer = await client.nextMatching((f) => f.type === 'authOk' || f.type === 'error');
  return { client, answer };
}

describe('relay connection limits', () => {
  it('ends a connection that answers no ping, and keeps one that does', async () => {
    await start({ heartbeatMs: 100 });
    const device = newDevice();
    const answering = await connect(device);
    const silent = relay.closeAfterTest(
      await RelayTestClient.connect(relay.url, newDevice(), { autoPong: false }),
    );
    // Ended without a close frame (terminated): the peer it would be sent to is gone.
    expect((await silent.closed).code).toBe(1006);
    // The answering client went through the same heartbeats and is still served.
    expect(answering.ws.readyState).toBe(answering.ws.OPEN);
    expect((await answering.request({ type: 'listGroups' })).type).toBe('groupList');
  });

  it('lets a device hold a few connections, the newest displacing the oldest', async () => {
    await start({ maxConnectionsPerDevice: 2 });
    const device = newDevice();
    const first = await connect(device);
    const second = await connect(device);
    // A third is admitted (it is the one the app now uses); the oldest makes room.
    const third = await tryAuth(device);
    expect(third.answer.type).toBe('authOk');
    expect(await first.closed).toEqual({
      code: 1008,
      reason: 'replaced by a newer connection of this device',
    });
    for (const client of [second, third.client]) {
      expect((await client.request({ type: 'listGroups' })).type).toBe('groupList');
    }
    // Another device's connections are not touched by this one's.
    const other = await connect(newDevice());
    await tryAuth(device);
    expect((await second.closed).code).toBe(1008);
    expect((await other.request({ type: 'listGroups' })).type).toBe('groupList');
  });
});
