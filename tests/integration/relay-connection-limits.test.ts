// What one connection, or one device, may hold of a relay: a peer that vanished without closing is
// ended by the relay's heartbeat, and one device key holds only a few connections at once.
import { describe, expect, it } from 'vitest';
import { authSigningBytes } from '../../src-shared/protocol/handshake-codec';
import { relayHostOfUrl } from '../../src-shared/protocol/relay-host';
import { InProcessRelay, TEST_METRICS_TOKEN } from '../support/in-process-relay';
import {
  createDoc,
  createGroup,
  newDevice,
  randomBytesU8,
  randomId,
  RelayTestClient,
  type TestDevice,
} from '../support/relay-test-client';

const relay = InProcessRelay.perTest();
const { start, connect } = relay;

/** The relay's count of open connections, from its /metrics. */
async function connectionsNow(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${relay.port}/metrics`, {
    headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  });
  return Number(/^suviaz_relay_connections (\d+)$/m.exec(await response.text())?.[1]);
}

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

  it('counts a frame as an answer, from a peer that answers no ping', async () => {
    await start({ heartbeatMs: 100 });
    const silent = relay.closeAfterTest(
      await RelayTestClient.connect(relay.url, newDevice(), { autoPong: false }),
    );
    const chatty = relay.closeAfterTest(
      await RelayTestClient.connect(relay.url, newDevice(), { autoPong: false }),
    );
    // A frame the relay answers nothing to (so its own sending does not spare the peer).
    const quiet = { type: 'unsubscribe' as const, groupId: randomId(), docId: randomId() };
    const talk = setInterval(() => chatty.send(quiet), 40);
    try {
      expect((await silent.closed).code).toBe(1006);
      expect((await chatty.request({ type: 'listGroups' })).type).toBe('groupList');
    } finally {
      clearInterval(talk);
    }
  });

  it('ends a peer that keeps its link but reads nothing sent to it', async () => {
    await start({ heartbeatMs: 100, stalledReaderMs: 300, ratePerSecond: 10_000 });
    const admin = newDevice();
    const writer = await connect(admin);
    const log = await createGroup(writer, admin);
    const { doc } = await createDoc(writer, admin, log);
    const reader = await connect(admin);
    await reader.subscribeAndCatchUp(log.groupId, doc.docId, 1);
    // It stops reading (its pongs stop too, but the relay cannot tell: its pings wait behind data).
    reader.ws.pause();
    // Live messages fill the kernel's buffers, then the relay's send queue, and stay there.
    for (let i = 0; i < 40; i++) {
      const update = doc.update(admin, { ciphertext: randomBytesU8(400 * 1024) });
      expect((await writer.request({ type: 'publish', envelope: update.bytes })).type).toBe('ack');
      doc.commitUpdate(admin, update.clock);
    }
    // The relay ends it (while it still reads nothing): only the writer's connection is left.
    await expect.poll(connectionsNow, { timeout: 20_000 }).toBe(1);
    reader.ws.resume();
    expect((await reader.closed).code).toBe(1006);
    expect((await writer.request({ type: 'listGroups' })).type).toBe('groupList');
  }, 60_000);

  it('closes connections past the relay-wide limit at once, and takes new ones when there is room', async () => {
    await start({ maxConnections: 2 });
    const first = await connect(newDevice());
    await connect(newDevice());
    const third = relay.closeAfterTest(
      await RelayTestClient.connect(relay.url, undefined, { hello: false }),
    );
    expect(await third.closed).toEqual({ code: 1013, reason: 'relay full' });
    await first.close();
    await expect.poll(connectionsNow).toBe(1);
    expect((await (await connect(newDevice())).request({ type: 'listGroups' })).type).toBe(
      'groupList',
    );
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
