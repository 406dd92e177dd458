// Simulated Suviaz clients for the relay load test: real devices (Ed25519), real signed membership
// logs and signed envelopes, per-author clocks as the relay enforces them; the ciphertext is random
// bytes of a small batched edit's size (the relay cannot tell it from real ciphertext).
import WebSocket from 'ws';
import { decodeEnvelope } from '../../src-shared/protocol/envelope';
import {
  authSigningBytes,
  decodeRelayFrame,
  encodeClientFrame,
  type ClientFrame,
  type RelayFrame,
} from '../../src-shared/protocol/frames';
import { relayHostOfUrl } from '../../src-shared/protocol/relay-host';
import {
  newDevice,
  randomBytesU8,
  TestDoc,
  TestGroupLog,
  type TestDevice,
} from '../../tests/support/relay-test-client';
import { inBatches, newCounters, sendTimes, type Population } from './sim-types';
import { steadyRate } from './steady-rate';

const CIPHERTEXT_BYTES = 80;

class SimConnection {
  private nextId = 1;
  private readonly waiting = new Map<number, (frame: RelayFrame) => void>();
  onDeliver: (envelope: Uint8Array) => void = () => undefined;

  private constructor(readonly ws: WebSocket) {}

  static async open(url: string, device: TestDevice): Promise<SimConnection> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    // The relay says nothing until HELLO (protocol v4); the load test does not pin, it only signs in.
    ws.once('open', () => ws.send(encodeClientFrame({ type: 'hello', nonce: randomBytesU8(32) })));
    ws.binaryType = 'nodebuffer';
    const c = new SimConnection(ws);
    const authed = new Promise<void>((resolve, reject) => {
      ws.on('message', (data: Buffer) => {
        const frame = decodeRelayFrame(new Uint8Array(data));
        if (frame.type === 'challenge') {
          ws.send(
            encodeClientFrame({
              type: 'auth',
              device: device.key,
              signature: device.sign(authSigningBytes(frame.challenge, relayHostOfUrl(url))),
            }),
          );
        } else if (frame.type === 'authOk') resolve();
        else if (frame.type === 'deliver') c.onDeliver(frame.envelope);
        else if ('requestId' in frame) {
          const waiter = c.waiting.get(frame.requestId);
          c.waiting.delete(frame.requestId);
          waiter?.(frame);
        }
      });
      ws.once('error', reject);
    });
    ws.on('error', () => undefined);
    await authed;
    return c;
  }

  request(
    frame: ClientFrame extends infer F
      ? F extends { requestId: number }
        ? Omit<F, 'requestId'>
        : never
      : never,
  ): Promise<RelayFrame> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(requestId, (answer) =>
        answer.type === 'error'
          ? reject(new Error(`relay refused: ${answer.message}`))
          : resolve(answer),
      );
      this.ws.send(encodeClientFrame({ ...frame, requestId } as ClientFrame));
    });
  }
}

interface SimClient {
  device: TestDevice;
  doc: TestDoc;
  conn: SimConnection;
  busy: boolean;
}

export async function suviazPopulation(
  url: string,
  clients: number,
  groupSize: number,
): Promise<Population> {
  const counters = newCounters();
  const sentAt = sendTimes();
  const all: SimClient[] = [];
  const groups = Array.from({ length: Math.ceil(clients / groupSize) }, (_, g) =>
    Math.min(groupSize, clients - g * groupSize),
  );
  await inBatches(groups, 20, async (members) => {
    const devices = Array.from({ length: members }, () => newDevice());
    const conns = await Promise.all(devices.map((d) => SimConnection.open(url, d)));
    const [admin, adminConn] = [devices[0] as TestDevice, conns[0] as SimConnection];
    const log = new TestGroupLog();
    await adminConn.request({ type: 'groupAppend', entry: log.create(admin) });
    for (const member of devices.slice(1)) {
      await adminConn.request({
        type: 'groupAppend',
        entry: log.accept(log.addMember(admin, member, 'editor')),
      });
    }
    const doc = new TestDoc(log);
    const snapshot = doc.snapshot(admin);
    await adminConn.request({ type: 'publish', envelope: snapshot.bytes });
    doc.commitSnapshot(snapshot);
    for (const [i, conn] of conns.entries()) {
      conn.onDeliver = (envelope) => {
        const header = decodeEnvelope(envelope).header;
        const t = sentAt.get(`${Buffer.from(header.author).toString('base64')}:${header.clock}`);
        if (t !== undefined) {
          counters.delivered++;
          counters.latencies.push(performance.now() - t);
        }
      };
      await conn.request({
        type: 'subscribe',
        groupId: log.groupId,
        docId: doc.docId,
        afterSeq: 0,
      });
      all.push({ device: devices[i] as TestDevice, doc, conn, busy: false });
    }
  });

  const send = (c: SimClient): void => {
    if (!rate.running()) return;
    if (c.busy) {
      counters.skipped++;
      return;
    }
    c.busy = true;
    const update = c.doc.update(c.device, { ciphertext: randomBytesU8(CIPHERTEXT_BYTES) });
    sentAt.set(
      `${Buffer.from(c.device.key).toString('base64')}:${update.clock}`,
      performance.now(),
    );
    c.conn.request({ type: 'publish', envelope: update.bytes }).then(
      () => {
        c.doc.commitUpdate(c.device, update.clock);
        counters.published++;
        c.busy = false;
      },
      () => {
        c.busy = false;
      },
    );
  };
  const rate = steadyRate(all, send);
  return {
    counters,
    start: rate.start,
    stop: rate.stop,
    async close() {
      sentAt.dispose();
      for (const c of all) c.conn.ws.terminate();
    },
  };
}
