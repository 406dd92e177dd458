// What one connection, or one device, may hold of a relay: a peer that vanished without closing is
// ended by the relay's heartbeat, and one device key cannot open connections without bound.
import { describe, expect, it } from 'vitest';
import { authSigningBytes } from '../../src-shared/protocol/handshake-codec';
import { relayHostOfUrl } from '../../src-shared/protocol/relay-host';
import { RelayError } from '../../src-shared/protocol/wire-constants';
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

  it('refuses a device more connections than the limit, and admits it again after one closes', async () => {
    await start({ maxConnectionsPerDevice: 2 });
    const device = newDevice();
    const first = await connect(device);
    await connect(device);
    const third = await tryAuth(device);
    expect(third.answer).toMatchObject({ type: 'error', code: RelayError.rateLimited });
    expect((third.answer as { message: string }).message).toContain('2 connections');
    expect((await third.client.closed).code).toBe(1008);
    // Another device is not held back by this one.
    expect((await tryAuth(newDevice())).answer.type).toBe('authOk');

    await first.close();
    // The relay counts the closed connection out when its close arrives; the next AUTH may race
    // it, so try until admitted (each refused try is closed by the relay and counts nothing).
    let again = await tryAuth(device);
    for (let tries = 0; again.answer.type !== 'authOk' && tries < 50; tries++) {
      again = await tryAuth(device);
    }
    expect(again.answer.type).toBe('authOk');
  });
});
