// One editor of the human-rate scenario in its own worker thread, as if on its own machine (its
// vault's fsyncs and its crypto do not hold up the other editors' event loops): a Suviaz client
// (renderer replica → main's engine, suviaz-client.ts) or a peer's own client. Driven by messages
// from editors.ts; typing is done here, every keystroke made and every one seen is stamped.
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { peerClient, type Peer } from '../peers/peer-client';
import { activeSnapshot, benchClient, removeTempDirs, type BenchClient } from './suviaz-client';
import { absoluteNow, watchReplica, type Stamp } from './keystroke-latency';
import { sleep, waitFor } from './stats';
import type { EditorReply, EditorRequest } from './editor-protocol';

const { kind, url, room } = workerData as { kind: 'suviaz' | Peer; url: string; room: string };
const TYPING = Symbol('typing');
const port = parentPort;
if (!port) throw new Error('editor-worker runs in a worker thread');

let suviaz: BenchClient | null = null;
let doc: Y.Doc;
const seen: Stamp[] = [];
const typed: Stamp[] = [];

async function start(): Promise<EditorReply> {
  if (kind === 'suviaz') {
    suviaz = await benchClient(url);
    doc = suviaz.doc;
    await waitFor('connection', () => suviaz?.engine.state().connection === 'connected', 30_000);
    watchReplica(doc, seen, TYPING);
    return { type: 'started', deviceCode: suviaz.engine.myDeviceCode() };
  }
  const client = peerClient(kind, url, room);
  await client.connect();
  doc = client.doc;
  watchReplica(doc, seen, TYPING);
  stopPeer = () => client.destroy();
  return { type: 'started', deviceCode: '' };
}
let stopPeer = (): void => undefined;

async function handle(request: EditorRequest): Promise<EditorReply> {
  const engine = suviaz?.engine;
  switch (request.type) {
    case 'start':
      return start();
    case 'createSpace': {
      if (!engine || !suviaz) throw new Error('not a Suviaz editor');
      const space = await engine.createSpace('Benchmark');
      for (const code of request.members) await engine.addMember(space.id, code, 'editor');
      suviaz.open(space.docId);
      return { type: 'space', spaceId: space.id, docId: space.docId };
    }
    case 'join': {
      if (!engine || !suviaz) throw new Error('not a Suviaz editor');
      await waitFor(
        'the invitation',
        () => engine.listSpaces().some((s) => s.id === request.spaceId && s.status === 'invited'),
        30_000,
      );
      await engine.acceptInvitation(request.spaceId);
      suviaz.open(request.docId);
      return { type: 'ok' };
    }
    case 'ready': {
      const client = suviaz;
      if (client)
        await waitFor('the genesis snapshot', () => activeSnapshot(client) !== null, 30_000);
      return { type: 'ok' };
    }
    case 'type':
      await typeFor(request.seconds, request.keysPerSecond);
      return { type: 'ok' };
    case 'text':
      return { type: 'text', text: doc.getText('t').toString() };
    case 'results':
      return { type: 'results', typed, seen };
    case 'stop':
      await suviaz?.stop();
      stopPeer();
      removeTempDirs();
      return { type: 'ok' };
  }
}

/** One character at a random place every 1/keysPerSecond s, with a random phase. */
async function typeFor(seconds: number, keysPerSecond: number): Promise<void> {
  const interval = 1000 / keysPerSecond;
  const key = (): void => {
    const text = doc.getText('t');
    const at = Math.floor(Math.random() * (text.length + 1));
    typed.push([doc.clientID, Y.getState(doc.store, doc.clientID), absoluteNow()]);
    doc.transact(() => text.insert(at, 'x'), TYPING);
  };
  await sleep(Math.random() * interval);
  const timer = setInterval(key, interval);
  await sleep(seconds * 1000);
  clearInterval(timer);
}

port.on('message', (request: EditorRequest) => {
  handle(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
