// The relay's limits and robustness: frame size, rate, quotas, fuzzed frames, health and metrics.
import { describe, expect, it } from 'vitest';
import { encodeClientFrame, type ClientFrame } from '../../src-shared/protocol/frames';
import {
  ClientFrameType,
  PROTOCOL_VERSION,
  RelayError,
} from '../../src-shared/protocol/wire-constants';
import {
  buildLockbox,
  createGroup,
  newDevice,
  randomBytesU8,
  randomId,
  RelayTestClient,
  TestDoc,
  TestGroupLog,
  type TestDevice,
} from '../support/relay-test-client';
import { InProcessRelay, TEST_METRICS_TOKEN } from '../support/in-process-relay';

const relay = InProcessRelay.perTest();
const { start, connect } = relay;

/** An admin connected with a fresh group. */
async function adminWithGroup() {
  const admin = newDevice();
  const client = await connect(admin);
  return { admin, client, log: await createGroup(client, admin) };
}

async function metricsText(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${relay.port}/metrics`, {
    headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('relay limits', () => {
  it('answers a frame over the limit with frameTooLarge and keeps the connection', async () => {
    await start({ maxFrameBytes: 64 * 1024 });
    const { admin, client, log } = await adminWithGroup();
    const doc = new TestDoc(log);
    const big = doc.snapshot(admin, { ciphertext: randomBytesU8(80 * 1024) });
    expect(await client.request({ type: 'publish', envelope: big.bytes })).toMatchObject({
      type: 'error',
      code: RelayError.frameTooLarge,
    });
    // The same connection still works, and a frame within the limit is accepted.
    const small = doc.snapshot(admin, { ciphertext: randomBytesU8(1024) });
    expect(await client.request({ type: 'publish', envelope: small.bytes })).toMatchObject({
      type: 'ack',
      seq: 1,
    });
    expect(await metricsText()).toContain('suviaz_relay_rejects_total{reason="frameTooLarge"} 1');

    // Far above the limit the WebSocket layer closes the connection (1009) before reading it all.
    const huge = await connect(admin);
    huge.sendRaw(new Uint8Array(1024 * 1024));
    expect((await huge.closed).code).toBe(1009);
  });

  it('refuses frames over the rate with rateLimited and recovers', async () => {
    await start({ ratePerSecond: 20 });
    const client = await connect(newDevice());
    const ids = Array.from({ length: 100 }, () => client.fire({ type: 'listGroups' }));
    const replies = await Promise.all(ids.map((id) => client.reply(id)));
    const limited = replies.filter((r) => r.type === 'error' && r.code === RelayError.rateLimited);
    // The burst is 40 frames (HELLO and AUTH took two); a few more may refill while 100 are sent.
    expect(limited.length).toBeGreaterThan(30);
    expect(replies.filter((r) => r.type === 'groupList').length).toBeGreaterThanOrEqual(38);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await client.request({ type: 'listGroups' })).type).toBe('groupList');
  });

  it('enforces the documents-per-group and bytes-per-group quotas', async () => {
    await start({ documentsPerGroup: 3, bytesPerGroup: 8 * 1024 });
    const { admin, client, log } = await adminWithGroup();
    const docs = [0, 1, 2].map(() => new TestDoc(log));
    for (const doc of docs) {
      const snapshot = doc.snapshot(admin);
      expect((await client.request({ type: 'publish', envelope: snapshot.bytes })).type).toBe(
        'ack',
      );
      doc.commitSnapshot(snapshot);
    }
    const fourth = new TestDoc(log).snapshot(admin);
    expect(await client.request({ type: 'publish', envelope: fourth.bytes })).toMatchObject({
      type: 'error',
      code: RelayError.quotaDocuments,
    });
    // Existing documents still take updates, until the group's bytes run out.
    const doc = docs[0] as TestDoc;
    const update = doc.update(admin, { ciphertext: randomBytesU8(2000) });
    expect((await client.request({ type: 'publish', envelope: update.bytes })).type).toBe('ack');
    doc.commitUpdate(admin, update.clock);
    const tooMuch = doc.update(admin, { ciphertext: randomBytesU8(6000) });
    expect(await client.request({ type: 'publish', envelope: tooMuch.bytes })).toMatchObject({
      type: 'error',
      code: RelayError.quotaBytes,
    });
  });

  it('catches a reader up on large updates without filling the socket past the slow-client limit', async () => {
    // 60 updates of 400 KiB: 24 MB, far more than the 2 MiB of send queue after which a client
    // counts as too slow and more than the kernel's socket buffers hold.
    await start({ maxBufferedBytes: 2 * 1024 * 1024, ratePerSecond: 10_000 });
    const { admin, client, log } = await adminWithGroup();
    const doc = new TestDoc(log);
    const snapshot = doc.snapshot(admin);
    expect((await client.request({ type: 'publish', envelope: snapshot.bytes })).type).toBe('ack');
    doc.commitSnapshot(snapshot);
    for (let i = 0; i < 60; i++) {
      const update = doc.update(admin, { ciphertext: randomBytesU8(400 * 1024) });
      expect((await client.request({ type: 'publish', envelope: update.bytes })).type).toBe('ack');
      doc.commitUpdate(admin, update.clock);
    }
    const reader = await connect(admin);
    const frames = await reader.subscribeAndCatchUp(log.groupId, doc.docId, 0, 20_000);
    expect(frames.filter((f) => f.type === 'deliver')).toHaveLength(61);
    expect(frames.at(-1)).toMatchObject({ type: 'caughtUp', seq: 61 });
  }, 60_000);

  it('drops a catching-up client that reads nothing, instead of holding its catch-up for ever', async () => {
    await start({
      maxBufferedBytes: 2 * 1024 * 1024,
      ratePerSecond: 10_000,
      stalledReaderMs: 300,
    });
    const { admin, client, log } = await adminWithGroup();
    const doc = new TestDoc(log);
    const snapshot = doc.snapshot(admin);
    expect((await client.request({ type: 'publish', envelope: snapshot.bytes })).type).toBe('ack');
    doc.commitSnapshot(snapshot);
    for (let i = 0; i < 60; i++) {
      const update = doc.update(admin, { ciphertext: randomBytesU8(400 * 1024) });
      expect((await client.request({ type: 'publish', envelope: update.bytes })).type).toBe('ack');
      doc.commitUpdate(admin, update.clock);
    }
    // A reader that subscribes, then stops reading its socket (a client gone quiet, or hostile).
    const reader = await connect(admin);
    reader.send({
      type: 'subscribe',
      requestId: 1,
      groupId: log.groupId,
      docId: doc.docId,
      afterSeq: 0,
    });
    reader.ws.pause();
    // The relay gives up on it: only the writer's connection is left open.
    await expect
      .poll(async () => /suviaz_relay_connections 1\b/.test(await metricsText()), {
        timeout: 20_000,
      })
      .toBe(true);
    reader.ws.resume();
    expect((await reader.closed).code).toBe(1006);
    expect(reader.inbox.some((f) => f.type === 'caughtUp')).toBe(false);
  }, 60_000);

  it('closes a connection after many malformed frames in a row', async () => {
    await start();
    const client = await connect(newDevice());
    for (let i = 0; i < 40; i++) client.sendRaw(new Uint8Array([PROTOCOL_VERSION, 0x7f, i]));
    expect((await client.closed).code).toBe(1008);
    expect(client.inbox.filter((f) => f.type === 'error').length).toBeGreaterThanOrEqual(32);
  });
});

const CLIENT_FRAME_TYPES = Object.keys(ClientFrameType).length;
/** A varuint length prefix of 2^42 − 1 bytes. */
const HUGE_LENGTH = [0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];

/** Valid frames of every type, as seeds for truncation and bit flips. */
function seedFrames(admin: TestDevice, log: TestGroupLog, doc: TestDoc): Uint8Array[] {
  const frames: ClientFrame[] = [
    { type: 'hello', nonce: randomBytesU8(32) },
    { type: 'auth', device: admin.key, signature: randomBytesU8(64) },
    { type: 'subscribe', requestId: 7, groupId: log.groupId, docId: doc.docId, afterSeq: 0 },
    { type: 'unsubscribe', groupId: log.groupId, docId: doc.docId },
    { type: 'publish', requestId: 8, envelope: doc.update(admin).bytes },
    { type: 'publish', requestId: 9, envelope: doc.snapshot(admin).bytes },
    { type: 'ephemeral', envelope: doc.ephemeral(admin).bytes },
    { type: 'groupAppend', requestId: 10, entry: log.addMember(admin, newDevice(), 'editor') },
    { type: 'groupFetch', requestId: 11, groupId: log.groupId, fromIndex: 0 },
    {
      type: 'lockboxPut',
      requestId: 12,
      lockbox: buildLockbox(admin, { groupId: log.groupId, epoch: 0, recipient: admin.key }),
    },
    { type: 'listGroups', requestId: 13 },
    {
      type: 'invitePut',
      requestId: 14,
      groupId: log.groupId,
      inviteKey: admin.key,
      material: randomBytesU8(200),
    },
    {
      type: 'inviteFetch',
      requestId: 15,
      groupId: log.groupId,
      inviteKey: admin.key,
      fromIndex: 0,
      signature: randomBytesU8(64),
    },
    {
      type: 'sharePut',
      requestId: 16,
      groupId: log.groupId,
      shareId: randomId(),
      expiresAt: (Math.floor(Date.now() / 3_600_000) + 2) * 3_600_000,
      ciphertext: randomBytesU8(300),
    },
    { type: 'shareFetch', requestId: 17, shareId: randomId() },
    { type: 'shareDelete', requestId: 18, shareId: randomId() },
  ];
  return frames.map(encodeClientFrame);
}

function mutate(seeds: Uint8Array[], i: number): Uint8Array {
  const seed = seeds[i % seeds.length] as Uint8Array;
  const pick = (n: number): number => Math.floor(Math.random() * n);
  switch (i % 5) {
    case 0:
      return randomBytesU8(pick(300));
    case 1:
      return seed.slice(0, pick(seed.length));
    case 2: {
      const flipped = seed.slice();
      for (let k = 0; k < 1 + pick(4); k++) {
        const at = pick(flipped.length);
        flipped[at] = (flipped[at] ?? 0) ^ (1 << pick(8));
      }
      return flipped;
    }
    case 3: {
      const wrongVersion = seed.slice();
      wrongVersion[0] = PROTOCOL_VERSION + 1 + pick(250);
      return wrongVersion;
    }
    default:
      // A type byte followed by a length prefix claiming gigabytes.
      return new Uint8Array([
        PROTOCOL_VERSION,
        1 + pick(CLIENT_FRAME_TYPES),
        5,
        ...HUGE_LENGTH,
        ...randomId(),
      ]);
  }
}

describe('relay under fuzzed frames', () => {
  it('survives 10,000 random and malformed frames with bounded memory', async () => {
    await start({ ratePerSecond: 1_000_000 });
    const { admin, client, log } = await adminWithGroup();
    const doc = new TestDoc(log);
    const first = doc.snapshot(admin);
    expect((await client.request({ type: 'publish', envelope: first.bytes })).type).toBe('ack');
    doc.commitSnapshot(first);
    const seeds = seedFrames(admin, log, doc);

    const rssBefore = process.memoryUsage().rss;
    const total = 10_000;
    const perConnection = total / 4;
    let errors = 0;
    await Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        let c = await RelayTestClient.connect(relay.url, admin);
        for (let i = 0; i < perConnection; i++) {
          if (c.ws.readyState !== c.ws.OPEN) {
            await c.close();
            c = await RelayTestClient.connect(relay.url, admin);
          }
          c.sendRaw(mutate(seeds, lane * perConnection + i));
          // Every few frames, a round trip: the relay must still answer, and the client keeps pace.
          if (i % 25 === 24 && c.ws.readyState === c.ws.OPEN) {
            // An id no fuzzed frame is likely to carry, so the answer is surely to this request.
            const requestId = 5_000_000 + i;
            c.send({ type: 'listGroups', requestId });
            const answer = c.nextMatching(
              (f) => f.type === 'groupList' && f.requestId === requestId,
            );
            answer.catch(() => undefined); // A closed connection is handled below.
            expect(await Promise.race([answer, c.closed.then(() => 'closed')])).toBeTruthy();
          }
          errors += c.inbox.filter((f) => f.type === 'error').length;
          c.inbox.length = 0;
        }
        await c.close();
      }),
    );
    expect(errors).toBeGreaterThan(total / 2);

    // Still up and answering, and the document is intact.
    const after = await connect(admin);
    expect((await after.request({ type: 'listGroups' })).type).toBe('groupList');
    const caughtUp = await after.subscribeAndCatchUp(log.groupId, doc.docId);
    // Bit flips that only touch a seed's requestId leave a valid, signed snapshot, which the relay
    // rightly accepts; then the first snapshot comes as a link in the chain rather than in full.
    const opening = caughtUp[0];
    if (opening?.type === 'snapshotLink') {
      expect(opening.seq).toBe(1);
    } else {
      expect(opening).toMatchObject({ type: 'deliver', seq: 1, envelope: first.bytes });
    }
    expect(caughtUp.at(-1)?.type).toBe('caughtUp');
    const health = await fetch(`http://127.0.0.1:${relay.port}/health`);
    expect(health.status).toBe(200);
    // Generous: the point is that memory does not grow with the number of bad frames.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('relay HTTP endpoints', () => {
  it('serves health and metrics, and nothing else', async () => {
    const { port } = await start();
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      protocol: PROTOCOL_VERSION,
      store: 'ok',
      fanout: 'ok',
    });
    for (const path of ['/', '/health/x', '/metrics.json', '/admin']) {
      expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(404);
    }
    expect((await fetch(`http://127.0.0.1:${port}/health`, { method: 'POST' })).status).toBe(404);
    // The metrics answer only the bearer of the operator's token.
    for (const authorization of [
      undefined,
      'Bearer wrong-token-of-same-size!',
      TEST_METRICS_TOKEN,
    ]) {
      const headers = authorization ? { authorization } : undefined;
      const refused = await fetch(`http://127.0.0.1:${port}/metrics`, { headers });
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toContain('suviaz_relay');
    }

    const { admin, client, log } = await adminWithGroup();
    const doc = new TestDoc(log);
    expect(
      (await client.request({ type: 'publish', envelope: doc.snapshot(admin).bytes })).type,
    ).toBe('ack');
    const stranger = await connect(newDevice());
    await stranger.request({
      type: 'subscribe',
      groupId: log.groupId,
      docId: doc.docId,
      afterSeq: 0,
    });

    const text = await metricsText();
    expect(text).toContain('suviaz_relay_connections 2');
    expect(text).toContain('suviaz_relay_documents 1');
    expect(text).toContain('suviaz_relay_rejects_total{reason="notMember"} 1');
    expect(text).toContain('suviaz_relay_rejects_total{reason="malformed"} 0');
    expect(text).toMatch(/suviaz_relay_frames_in_total [1-9]\d*/);
    expect(text).toMatch(/suviaz_relay_frames_out_total [1-9]\d*/);
    expect(text).toMatch(/suviaz_relay_store_seconds_count [1-9]\d*/);
  });

  it('has no metrics at all when started without a metrics token', async () => {
    const { port } = await start({}, { metricsToken: null });
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('suviaz_relay');
  });
});
