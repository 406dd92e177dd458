// Scenario 1, trace replay: a sequential trace typed at full speed on client A, synced through the
// relay to client B, until B holds the trace's endContent. Suviaz (batching, encrypt and sign,
// SQLite relay, verify, decrypt, apply) against each peer's own client and server (y-websocket,
// Hocuspocus with SQLite).
import * as Y from 'yjs';
import { startRelayChild } from '../lib/processes';
import { peerStored, suviazStored, type Stored } from '../lib/relay-storage';
import { peerRow, type Row } from '../lib/report';
import { now, tick, waitFor } from '../lib/stats';
import { benchClient, sharedSpace, tempDir } from '../lib/suviaz-client';
import {
  editCount,
  loadTrace,
  prefix,
  typeTxn,
  type Trace,
} from '../../tests/support/editing-traces';
import { peerClient, PEERS, type Peer } from '../peers/peer-client';
import type { Size } from '../lib/args';

/** Transactions typed between two turns of the event loop (so the network keeps moving). */
const YIELD_EVERY = 100;

interface Outcome {
  totalMs: number;
  typingMs: number;
  wireBytes: number;
  /** null where the server keeps nothing on disk (y-websocket's reference server, in memory). */
  stored: Stored | null;
}

async function typeTrace(doc: Y.Doc, trace: Trace): Promise<number> {
  const text = doc.getText('t');
  const start = now();
  for (const [i, txn] of trace.txns.entries()) {
    doc.transact(() => typeTxn(text, txn));
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await tick();
  }
  return now() - start;
}

/** Checks B's text only when its length matches, so that the poll stays cheap. */
const holds = (doc: Y.Doc, expected: string) => (): boolean => {
  const text = doc.getText('t');
  return text.length === expected.length && text.toString() === expected;
};

export async function suviazReplay(trace: Trace): Promise<Outcome> {
  const dataDir = tempDir('relay');
  const relay = await startRelayChild('suviaz', dataDir, ['--rate', '1000000']);
  const a = await benchClient(relay.url);
  const b = await benchClient(relay.url);
  try {
    await sharedSpace([a, b]);
    const before = { a: { ...a.bytes }, b: { ...b.bytes } };
    const start = now();
    const typingMs = await typeTrace(a.doc, trace);
    await waitFor('B to hold the end content', holds(b.doc, trace.endContent), 900_000, 20);
    const totalMs = now() - start;
    await waitFor('A outbox empty', () => a.engine.state().pending === 0, 120_000);
    const wireBytes =
      a.bytes.sent -
      before.a.sent +
      a.bytes.received -
      before.a.received +
      (b.bytes.sent - before.b.sent) +
      (b.bytes.received - before.b.received);
    await a.stop();
    await b.stop();
    await relay.stop();
    return { totalMs, typingMs, wireBytes, stored: suviazStored(dataDir) };
  } finally {
    await a.stop();
    await b.stop();
    await relay.stop();
  }
}

async function peerReplay(peer: Peer, trace: Trace): Promise<Outcome> {
  const dataDir = tempDir(peer);
  const relay = await startRelayChild(peer, dataDir);
  const room = `replay-${trace.name}`;
  const a = peerClient(peer, relay.url, room);
  const b = peerClient(peer, relay.url, room);
  const wire = (): number => a.bytes.sent + a.bytes.received + b.bytes.sent + b.bytes.received;
  try {
    await a.connect();
    await b.connect();
    const before = wire();
    const start = now();
    const typingMs = await typeTrace(a.doc, trace);
    await waitFor('B to hold the end content', holds(b.doc, trace.endContent), 900_000, 20);
    const totalMs = now() - start;
    const wireBytes = wire() - before;
    await a.disconnect();
    await b.disconnect();
    // Stopping stores every loaded document (Hocuspocus), so the stored bytes are final.
    await relay.stop();
    return { totalMs, typingMs, wireBytes, stored: peerStored(peer, dataDir) };
  } finally {
    a.destroy();
    b.destroy();
    await relay.stop();
  }
}

export async function runReplay(size: Size): Promise<Row[]> {
  const traces =
    size === 'small'
      ? [prefix(loadTrace('automerge-paper'), 10_000), prefix(loadTrace('seph-blog1'), 5_000)]
      : [loadTrace('automerge-paper'), loadTrace('seph-blog1')];
  const rows: Row[] = [];
  for (const trace of traces) {
    const label = `${trace.name} (${editCount(trace)} edits)`;
    const peers: Partial<Record<Peer, Outcome>> = {};
    for (const peer of PEERS) {
      process.stderr.write(`replay ${label}: ${peer}…\n`);
      peers[peer] = await peerReplay(peer, trace);
    }
    process.stderr.write(`replay ${label}: suviaz…\n`);
    const suviaz = await suviazReplay(trace);
    const b4 = trace.name === 'automerge-paper';
    const yws = peers['y-websocket'];
    const within = (pick: (o: Outcome) => number | null): Partial<Row> => {
      const other = yws ? pick(yws) : null;
      return b4 && other !== null
        ? { target: 'ratio ≤ 1.2 (y-websocket)', met: (pick(suviaz) ?? 0) <= 1.2 * other }
        : {};
    };
    const row = (
      metric: string,
      unit: string,
      pick: (o: Outcome) => number | null,
      extra: Partial<Row> = {},
    ): Row => ({
      ...peerRow(
        { scenario: 'replay', case: label, metric, unit },
        pick(suviaz) ?? 0,
        Object.fromEntries(PEERS.map((p) => [p, peers[p] ? pick(peers[p]) : null])),
      ),
      ...extra,
    });
    rows.push(
      row(
        'time until B has the end text',
        'ms',
        (o) => o.totalMs,
        within((o) => o.totalMs),
      ),
      row('of which typing on A', 'ms', (o) => o.typingMs),
      row(
        'bytes on the wire (A+B, both ways)',
        'B',
        (o) => o.wireBytes,
        within((o) => o.wireBytes),
      ),
      row('bytes stored by the server (payload)', 'B', (o) => o.stored?.payload ?? null),
      row('server data dir on disk', 'B', (o) => o.stored?.files ?? null),
    );
  }
  return rows;
}
