// Simulated y-websocket clients for the baseline load test: each has its own Y.Doc and sends one
// small real Yjs update (a short insert) per tick; receivers identify an update by its first item's
// id (client, clock) to time the fan-out, without applying it.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { inBatches, newCounters, type Population } from './sim-types';
import { steadyRate } from './steady-rate';

interface SimClient {
  ws: WebSocket;
  doc: Y.Doc;
}

const INSERT = 'edit';

export async function plainPopulation(
  url: string,
  clients: number,
  groupSize: number,
): Promise<Population> {
  const counters = newCounters();
  const sentAt = new Map<string, number>();
  const all: SimClient[] = [];
  await inBatches(
    Array.from({ length: clients }, (_, i) => i),
    50,
    async (i) => {
      const ws = new WebSocket(`${url}/doc-${Math.floor(i / groupSize)}`, {
        perMessageDeflate: false,
      });
      ws.binaryType = 'nodebuffer';
      const doc = new Y.Doc();
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0) return;
        if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) return;
        const first = Y.decodeUpdate(decoding.readVarUint8Array(decoder)).structs[0];
        const t = first ? sentAt.get(`${first.id.client}:${first.id.clock}`) : undefined;
        if (t !== undefined) {
          counters.delivered++;
          counters.latencies.push(performance.now() - t);
        }
      });
      ws.on('error', () => undefined);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      all.push({ ws, doc });
    },
  );

  const send = (c: SimClient): void => {
    if (!rate.running()) return;
    const text = c.doc.getText('t');
    const clock = text.length;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array): void => {
      update = u;
    };
    c.doc.on('update', capture);
    text.insert(0, INSERT);
    c.doc.off('update', capture);
    if (!update) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    sentAt.set(`${c.doc.clientID}:${clock}`, performance.now());
    c.ws.send(encoding.toUint8Array(encoder));
    counters.published++;
  };
  const rate = steadyRate(all, send);
  return {
    counters,
    start: rate.start,
    stop: rate.stop,
    async close() {
      for (const c of all) c.ws.terminate();
    },
  };
}
