// Nothing acknowledged is lost: the relay as a real child process, killed with SIGKILL right after
// its ACKs or stopped with SIGTERM mid-stream, then restarted on the same data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { startRelayProcess, type RelayProcess } from '../support/relay-process';
import { relayProcessStore } from '../support/relay-stores';
import {
  createDoc,
  createGroup,
  newDevice,
  RelayTestClient,
  type TestDoc,
  type TestGroupLog,
  type TestDevice,
} from '../support/relay-test-client';

let relay: RelayProcess | undefined;
let dataDir = '';
/** --store flags of the selected store (relay-durability.postgres.test.ts: PostgreSQL). */
const freshStore = relayProcessStore();
const clients: RelayTestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay?.stop('SIGKILL');
  relay = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function connect(device: TestDevice): Promise<RelayTestClient> {
  const client = await RelayTestClient.connect(relay?.url ?? '', device);
  clients.push(client);
  return client;
}

/** Everything the relay has for the document, from seq 0, as seq → envelope. */
async function readBack(device: TestDevice, log: TestGroupLog, doc: TestDoc) {
  const reader = await connect(device);
  const ok = await reader.request({
    type: 'subscribe',
    groupId: log.groupId,
    docId: doc.docId,
    afterSeq: 0,
  });
  expect(ok.type).toBe('ok');
  const frames = await reader.collectUntilCaughtUp(10_000);
  await reader.close();
  return new Map(frames.flatMap((f) => (f.type === 'deliver' ? [[f.seq, f.envelope]] : [])));
}

async function groupAndDoc(admin: TestDevice, client: RelayTestClient) {
  const log = await createGroup(client, admin);
  return { log, ...(await createDoc(client, admin, log)) };
}

describe('relay durability', () => {
  it('keeps every acknowledged message through kill -9', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const store = await freshStore();
    relay = await startRelayProcess(dataDir, store);
    const admin = newDevice();
    const client = await connect(admin);
    const { log, doc, snapshot } = await groupAndDoc(admin, client);
    const acked = new Map<number, Uint8Array>([[1, snapshot.bytes]]);
    for (let i = 0; i < 30; i++) {
      const update = doc.update(admin);
      const reply = await client.request({ type: 'publish', envelope: update.bytes });
      if (reply.type !== 'ack') throw new Error(`expected ACK, got ${reply.type}`);
      acked.set(reply.seq, update.bytes);
      doc.commitUpdate(admin, update.clock);
    }
    expect(await relay.stop('SIGKILL')).toBeNull();
    await client.closed;

    relay = await startRelayProcess(dataDir, store);
    const stored = await readBack(admin, log, doc);
    expect(stored).toEqual(acked);
    // The log survived too, and the document goes on where it stopped.
    const again = await connect(admin);
    expect(await again.request({ type: 'listGroups' })).toMatchObject({ groupIds: [log.groupId] });
    expect(
      await again.request({ type: 'publish', envelope: doc.update(admin).bytes }),
    ).toMatchObject({ type: 'ack', seq: 32 });
  });

  it('loses nothing acknowledged on SIGTERM in the middle of a stream', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    // A high rate limit: this test is about shutdown, not about rate limiting.
    const store = await freshStore();
    relay = await startRelayProcess(dataDir, [...store, '--rate', '100000']);
    const admin = newDevice();
    const client = await connect(admin);
    const { log, doc, snapshot } = await groupAndDoc(admin, client);

    // Keep a stream going, without waiting for ACKs, until the relay has closed the socket.
    const sent = new Map<number, Uint8Array>();
    const streaming = (async () => {
      while (client.ws.readyState === client.ws.OPEN && sent.size < 20_000) {
        const update = doc.update(admin);
        sent.set(client.fire({ type: 'publish', envelope: update.bytes }), update.bytes);
        doc.commitUpdate(admin, update.clock);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const early = await client.nextMatching((f) => f.type === 'ack' && f.seq >= 20, 10_000);
    expect(await relay.stop('SIGTERM')).toBe(0);
    expect((await client.closed).code).toBe(1001);
    await streaming;

    const acked = new Map<number, Uint8Array>([[1, snapshot.bytes]]);
    for (const frame of [early, ...client.inbox]) {
      if (frame.type === 'ack') acked.set(frame.seq, sent.get(frame.requestId) as Uint8Array);
      else if (frame.type === 'error') expect(frame.code).toBe(RelayError.shuttingDown);
    }
    expect(acked.size).toBeGreaterThan(20);
    // It really stopped mid-stream: some of what was sent was never acknowledged.
    expect(acked.size).toBeLessThan(sent.size + 1);

    relay = await startRelayProcess(dataDir, store);
    const stored = await readBack(admin, log, doc);
    for (const [seq, envelope] of acked) expect(stored.get(seq)).toEqual(envelope);
    // The stream is a prefix: what was not acknowledged was not stored either.
    expect(stored.size).toBe(acked.size);
  });
});
