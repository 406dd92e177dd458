// Simulated clients of a peer for the load tests, speaking its wire protocol without a provider (as
// the Suviaz simulation speaks ours): y-protocols sync messages, which Hocuspocus prefixes with the
// document name after an Auth message. Each client has its own Y.Doc and sends one small real Yjs
// update (a short insert) per tick; receivers identify an update by its first item's id (client,
// clock) to time the fan-out, without applying it. Both servers also echo an update to its sender:
// that costs them work but is not counted as a delivery.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Peer } from '../peers/peer-client';
import { inBatches, newCounters, sendTimes, type Population } from './sim-types';
import { steadyRate } from './steady-rate';

interface SimClient {
  ws: WebSocket;
  doc: Y.Doc;
  room: string;
}

const INSERT = 'edit';
const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
/** Hocuspocus's Auth submessage carrying a token (empty: the peer runs without onAuthenticate). */
const AUTH_TOKEN = 0;

/** One message to the server: Hocuspocus addresses each to a document by name. */
function message(peer: Peer, room: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  if (peer === 'hocuspocus') encoding.writeVarString(encoder, room);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export async function peerPopulation(
  peer: Peer,
  url: string,
  clients: number,
  groupSize: number,
): Promise<Population> {
  const counters = newCounters();
  const sentAt = sendTimes();
  const all: SimClient[] = [];
  await inBatches(
    Array.from({ length: clients }, (_, i) => i),
    50,
    async (i) => {
      const room = `doc-${Math.floor(i / groupSize)}`;
      const ws = new WebSocket(peer === 'y-websocket' ? `${url}/${room}` : url, {
        perMessageDeflate: false,
      });
      ws.binaryType = 'nodebuffer';
      const doc = new Y.Doc();
      let synced: () => void = () => undefined;
      const ready = new Promise<void>((resolve) => (synced = resolve));
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (peer === 'hocuspocus') decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
        const kind = decoding.readVarUint(decoder);
        if (kind === syncProtocol.messageYjsSyncStep2) return synced();
        if (kind !== syncProtocol.messageYjsUpdate) return;
        const first = Y.decodeUpdate(decoding.readVarUint8Array(decoder)).structs[0];
        if (!first || first.id.client === doc.clientID) return; // the echo to the sender
        const t = sentAt.get(`${first.id.client}:${first.id.clock}`);
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
      if (peer === 'hocuspocus') {
        ws.send(
          message(peer, room, (e) => {
            encoding.writeVarUint(e, MESSAGE_AUTH);
            encoding.writeVarUint(e, AUTH_TOKEN);
            encoding.writeVarString(e, '');
          }),
        );
      }
      ws.send(
        message(peer, room, (e) => {
          encoding.writeVarUint(e, MESSAGE_SYNC);
          syncProtocol.writeSyncStep1(e, doc);
        }),
      );
      await ready;
      all.push({ ws, doc, room });
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
    const captured: Uint8Array | null = update;
    if (!captured) return;
    sentAt.set(`${c.doc.clientID}:${clock}`, performance.now());
    c.ws.send(
      message(peer, c.room, (e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        syncProtocol.writeUpdate(e, captured);
      }),
    );
    counters.published++;
  };
  const rate = steadyRate(all, send);
  return {
    counters,
    start: rate.start,
    stop: rate.stop,
    async close() {
      sentAt.dispose();
      for (const c of all) c.ws.terminate();
    },
  };
}
