// Two relay processes over one PostgreSQL and one NATS behave as one relay: a message published
// on one reaches subscribers on the other; concurrent publishes to one document through both never
// share a seq or get past a wrong clock; quotas hold across both; and while NATS is away nothing
// acknowledged is lost to a subscriber, who catches up from the store once it is back.
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayFrame } from '../../src-shared/protocol/frames';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { natsAvailable } from '../support/nats-instance';
import { postgresAvailable } from '../support/pg-instance';
import { startCluster, type RelayCluster } from '../support/relay-cluster';
import { postgresPerFile } from '../support/relay-stores';
import {
  newDevice,
  RelayTestClient,
  TestDoc,
  TestGroupLog,
  type TestDevice,
} from '../support/relay-test-client';

const available = postgresAvailable() && natsAvailable();
const postgres = postgresPerFile();
let cluster: RelayCluster | undefined;
const clients: RelayTestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await cluster?.stop();
  cluster = undefined;
});

async function start(args: string[] = []): Promise<RelayCluster> {
  cluster = await startCluster(await postgres(), { args: ['--rate', '100000', ...args] });
  return cluster;
}

async function connect(relay: number, device: TestDevice): Promise<RelayTestClient> {
  const url = cluster?.relays[relay]?.url ?? '';
  const client = await RelayTestClient.connect(url, device);
  clients.push(client);
  return client;
}

/** A group of an admin and editors, made through relay 0, with a document's first snapshot. */
async function groupAndDoc(editors: TestDevice[]) {
  const admin = newDevice();
  const adminClient = await connect(0, admin);
  const log = new TestGroupLog();
  expect((await adminClient.request({ type: 'groupAppend', entry: log.create(admin) })).type).toBe(
    'ok',
  );
  for (const editor of editors) {
    const entry = log.addMember(admin, editor, 'editor');
    expect((await adminClient.request({ type: 'groupAppend', entry })).type).toBe('ok');
    log.accept(entry);
  }
  const doc = new TestDoc(log);
  const snapshot = doc.snapshot(admin);
  expect(await adminClient.request({ type: 'publish', envelope: snapshot.bytes })).toMatchObject({
    type: 'ack',
    seq: 1,
  });
  doc.commitSnapshot(snapshot);
  return { admin, adminClient, log, doc, snapshot };
}

/** Everything stored for the document, read through `relay` from seq 0, as seq → envelope. */
async function readBack(relay: number, device: TestDevice, log: TestGroupLog, doc: TestDoc) {
  const reader = await connect(relay, device);
  await reader.request({ type: 'subscribe', groupId: log.groupId, docId: doc.docId, afterSeq: 0 });
  const frames = await reader.collectUntilCaughtUp(20_000);
  await reader.close();
  return frames.flatMap((f) => (f.type === 'deliver' ? [[f.seq, f.envelope] as const] : []));
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe.skipIf(!available)('two relay processes over PostgreSQL and NATS', () => {
  it('delivers a message published on one relay to subscribers on the other', async () => {
    await start();
    const editor = newDevice();
    const { log, doc, adminClient, admin } = await groupAndDoc([editor]);
    const subscriber = await connect(1, editor);
    await subscriber.subscribeAndCatchUp(log.groupId, doc.docId);
    const update = doc.update(admin);
    expect(await adminClient.request({ type: 'publish', envelope: update.bytes })).toMatchObject({
      type: 'ack',
      seq: 2,
    });
    expect(await subscriber.next('deliver', 10_000)).toMatchObject({
      seq: 2,
      envelope: update.bytes,
    });
    // Relay 1 has the group's state in memory (the subscription read it). A removal through relay 0
    // must count there at once: an update naming the log from before it is refused.
    const stale = doc.update(editor);
    const removal = log.entry(admin, {
      type: 'remove',
      member: editor.key,
      epochKeyCommitment: new Uint8Array(32),
    });
    expect((await adminClient.request({ type: 'groupAppend', entry: removal })).type).toBe('ok');
    expect(await subscriber.request({ type: 'publish', envelope: stale.bytes })).toMatchObject({
      type: 'error',
      code: RelayError.notMember,
    });
  });

  it('never gives two messages one seq nor accepts a wrong clock under concurrent publishes', async () => {
    await start();
    const writer = newDevice();
    const other = newDevice();
    const { log, doc, admin, snapshot } = await groupAndDoc([writer, other]);
    // The same author on both relays at once, racing for each clock with different content, and
    // another author on each relay besides.
    const lanes = [
      { client: await connect(0, writer), author: writer, tag: 0 },
      { client: await connect(1, writer), author: writer, tag: 1 },
      { client: await connect(0, admin), author: admin, tag: 2 },
      { client: await connect(1, other), author: other, tag: 3 },
    ];
    const rounds = 60;
    const sent = lanes.map(() => new Map<number, Uint8Array>());
    /** Each envelope's author and clock, by its hex. */
    const origin = new Map<string, { author: string; clock: number }>();
    for (let clock = 1; clock <= rounds; clock++) {
      lanes.forEach(({ client, author, tag }, lane) => {
        const update = doc.update(author, { clock, ciphertext: new Uint8Array([tag, clock]) });
        origin.set(hex(update.bytes), { author: hex(author.key), clock });
        sent[lane]?.set(client.fire({ type: 'publish', envelope: update.bytes }), update.bytes);
      });
    }
    const acked = new Map<number, Uint8Array>([[1, snapshot.bytes]]);
    for (const [lane, { client }] of lanes.entries()) {
      for (const [requestId, bytes] of sent[lane] ?? []) {
        const reply: RelayFrame = await client.reply(requestId, 20_000);
        if (reply.type !== 'ack') {
          expect(reply.type).toBe('error');
          continue;
        }
        // Two different envelopes acknowledged with one seq would be a fork of the document.
        expect(acked.has(reply.seq)).toBe(false);
        acked.set(reply.seq, bytes);
      }
    }
    // The two other authors never conflict: all their updates are stored.
    expect(acked.size).toBeGreaterThanOrEqual(1 + 2 * rounds + rounds);

    const stored = await readBack(1, admin, log, doc);
    expect(stored.map(([seq]) => seq)).toEqual(stored.map((_, i) => i + 1));
    expect(new Map(stored)).toEqual(acked);
    // In seq order, every author's clocks go 1, 2, 3, … with none skipped or repeated.
    const clocks = new Map<string, number>();
    for (const [, envelope] of stored.slice(1)) {
      const from = origin.get(hex(envelope));
      if (!from) throw new Error('a stored envelope nobody sent');
      expect(from.clock).toBe((clocks.get(from.author) ?? 0) + 1);
      clocks.set(from.author, from.clock);
    }
    expect(clocks.get(hex(writer.key))).toBe(rounds);
    const db = cluster?.db;
    const row = await db?.query<{ n: string; distinct_seqs: string; top: string }>(
      'SELECT count(*) AS n, count(DISTINCT seq) AS distinct_seqs, max(seq) AS top FROM messages',
    );
    expect(row?.rows[0]).toEqual({
      n: String(acked.size),
      distinct_seqs: String(acked.size),
      top: String(acked.size),
    });
  });

  it('holds the documents and bytes quotas when both relays reach them at the same moment', async () => {
    // Each group has room for one more document, then for one more large update: both relays
    // try to take it at once, in many groups in parallel, so the race is run many times over.
    const groups = 12;
    const large = 20_000;
    const bytesLimit = 30_000;
    await start(['--docs-per-group', '2', '--bytes-per-group', String(bytesLimit)]);
    await Promise.all(
      Array.from({ length: groups }, async () => {
        const editor = newDevice();
        const { log, doc, admin } = await groupAndDoc([editor]);
        const [a, b] = [await connect(0, admin), await connect(1, editor)];
        const second = [new TestDoc(log), new TestDoc(log)];
        const firsts = [second[0]?.snapshot(admin), second[1]?.snapshot(editor)];
        const created = await Promise.all(
          [a, b].map((client, i) =>
            client.request(
              { type: 'publish', envelope: firsts[i]?.bytes ?? new Uint8Array() },
              20_000,
            ),
          ),
        );
        const won = created.findIndex((reply) => reply.type === 'ack');
        expect(created.filter((reply) => reply.type === 'ack')).toHaveLength(1);
        expect(created[1 - won]).toMatchObject({ code: RelayError.quotaDocuments });
        const other = second[won] as TestDoc;
        other.commitSnapshot(firsts[won] as { snapshotId: Uint8Array; proof: Uint8Array });

        const updates = [
          doc.update(admin, { ciphertext: new Uint8Array(large) }),
          other.update(editor, { ciphertext: new Uint8Array(large) }),
        ];
        const grown = await Promise.all(
          [a, b].map((client, i) =>
            client.request(
              { type: 'publish', envelope: updates[i]?.bytes ?? new Uint8Array() },
              20_000,
            ),
          ),
        );
        expect(grown.filter((reply) => reply.type === 'ack')).toHaveLength(1);
        expect(grown.find((reply) => reply.type === 'error')).toMatchObject({
          code: RelayError.quotaBytes,
        });
      }),
    );
    const usage = await cluster?.db.query<{ documents: string; bytes: string; stored: string }>(
      'SELECT g.documents, g.bytes, (SELECT sum(octet_length(m.envelope)) FROM messages m ' +
        'JOIN documents d ON d.doc_id = m.doc_id WHERE d.group_id = g.group_id) AS stored ' +
        'FROM groups g',
    );
    expect(usage?.rows).toHaveLength(groups);
    for (const group of usage?.rows ?? []) {
      expect(Number(group.documents)).toBe(2);
      expect(Number(group.bytes)).toBeLessThanOrEqual(bytesLimit);
      // The counter is the truth: what it says is what is stored.
      expect(group.bytes).toBe(group.stored);
    }
  });

  it('loses nothing acknowledged while NATS is away: subscribers catch up from the store', async () => {
    const running = await start();
    const editor = newDevice();
    const { log, doc, admin, adminClient, snapshot } = await groupAndDoc([editor]);
    const seen = new Map<number, Uint8Array>();
    let subscriber = await connect(1, editor);
    const follow = async (client: RelayTestClient, afterSeq: number) => {
      client.inbox.length = 0;
      await client.request({ type: 'subscribe', groupId: log.groupId, docId: doc.docId, afterSeq });
    };
    await follow(subscriber, 0);
    const publish = async (client: RelayTestClient) => {
      const update = doc.update(admin);
      const reply = await client.request({ type: 'publish', envelope: update.bytes }, 10_000);
      if (reply.type !== 'ack') throw new Error(`expected ACK, got ${JSON.stringify(reply)}`);
      doc.commitUpdate(admin, update.clock);
      return [reply.seq, update.bytes] as const;
    };
    const acked = new Map<number, Uint8Array>([[1, snapshot.bytes]]);
    for (let i = 0; i < 5; i++) acked.set(...(await publish(adminClient)));

    await running.nats.stop();
    // Relay 0 says so, and still stores and acknowledges.
    await expect
      .poll(
        async () => (await fetch(`http://127.0.0.1:${running.relays[0]?.port}/health`)).status,
        {
          timeout: 10_000,
        },
      )
      .toBe(503);
    for (let i = 0; i < 5; i++) acked.set(...(await publish(adminClient)));
    await running.nats.start();

    // Back: relay 1 sends its clients away to catch up; the subscriber does, from its last seq.
    const closed = await subscriber.closed;
    expect(closed.code).toBe(1001);
    for (const frame of subscriber.inbox)
      if (frame.type === 'deliver') seen.set(frame.seq, frame.envelope);
    const last = Math.max(0, ...seen.keys());
    subscriber = await connect(1, editor);
    await follow(subscriber, last);
    for (const frame of await subscriber.collectUntilCaughtUp(10_000)) {
      if (frame.type === 'deliver') seen.set(frame.seq, frame.envelope);
    }
    expect(seen).toEqual(acked);
    await expect
      .poll(
        async () => (await fetch(`http://127.0.0.1:${running.relays[0]?.port}/health`)).json(),
        {
          timeout: 10_000,
        },
      )
      .toMatchObject({ status: 'ok', store: 'ok', fanout: 'ok' });
  });

  it('sends a subscriber every seq in order while NATS is away, reading the lost ones from the store', async () => {
    const running = await start();
    const [reader, writer] = [newDevice(), newDevice()];
    const { log, doc, admin, adminClient } = await groupAndDoc([reader, writer]);
    const subscriber = await connect(1, reader);
    await subscriber.request({
      type: 'subscribe',
      groupId: log.groupId,
      docId: doc.docId,
      afterSeq: 0,
    });
    await subscriber.collectUntilCaughtUp(10_000);
    const writerClient = await connect(1, writer);
    const publish = async (client: RelayTestClient, author: TestDevice): Promise<number> => {
      const update = doc.update(author);
      const reply = await client.request({ type: 'publish', envelope: update.bytes }, 10_000);
      if (reply.type !== 'ack') throw new Error(`expected ACK, got ${JSON.stringify(reply)}`);
      doc.commitUpdate(author, update.clock);
      return reply.seq;
    };
    await running.nats.stop();
    await expect
      .poll(
        async () => (await fetch(`http://127.0.0.1:${running.relays[1]?.port}/health`)).status,
        { timeout: 10_000 },
      )
      .toBe(503);
    // The admin's update through relay 0 cannot reach relay 1; the writer's through relay 1 does.
    const lost = await publish(adminClient, admin);
    const local = await publish(writerClient, writer);
    expect(local).toBe(lost + 1);
    // Had relay 1 sent only the later one, the subscriber's "last seq" would skip the lost one
    // for good: its catch-up after the outage starts from there.
    await expect
      .poll(() => subscriber.inbox.flatMap((f) => (f.type === 'deliver' ? [f.seq] : [])), {
        timeout: 10_000,
      })
      .toEqual([lost, local]);
  });
});
