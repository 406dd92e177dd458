// Scenario 1, trace replay: a sequential trace typed at full speed on client A, synced through the
// relay to client B, until B holds the trace's endContent. Suviaz (batching, encrypt and sign,
// SQLite relay, verify, decrypt, apply) against plain Yjs through the plaintext y-websocket relay.
import * as Y from 'yjs';
import { startRelayChild } from '../lib/processes';
import { plainStored, suviazStored, type Stored } from '../lib/relay-storage';
import type { Row } from '../lib/report';
import { now, tick, waitFor } from '../lib/stats';
import { benchClient, sharedSpace, tempDir } from '../lib/suviaz-client';
import {
  editCount,
  loadTrace,
  prefix,
  typeTxn,
  type Trace,
} from '../../tests/support/editing-traces';
import { PlainClient } from '../plain/plain-client';
import type { Size } from '../lib/args';

/** Transactions typed between two turns of the event loop (so the network keeps moving). */
const YIELD_EVERY = 100;

interface Outcome {
  totalMs: number;
  typingMs: number;
  wireBytes: number;
  stored: Stored;
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

async function suviazReplay(trace: Trace): Promise<Outcome> {
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

async function plainReplay(trace: Trace): Promise<Outcome> {
  const dataDir = tempDir('plain');
  const relay = await startRelayChild('plain', dataDir);
  const room = `replay-${trace.name}`;
  const a = new PlainClient(relay.url, room);
  const b = new PlainClient(relay.url, room);
  try {
    await a.connect();
    await b.connect();
    await waitFor('initial sync', () => a.synced && b.synced);
    const before = a.bytesSent + a.bytesReceived + b.bytesSent + b.bytesReceived;
    const start = now();
    const typingMs = await typeTrace(a.doc, trace);
    await waitFor('B to hold the end content', holds(b.doc, trace.endContent), 900_000, 20);
    const totalMs = now() - start;
    const wireBytes = a.bytesSent + a.bytesReceived + b.bytesSent + b.bytesReceived - before;
    await a.disconnect();
    await b.disconnect();
    await relay.stop();
    return { totalMs, typingMs, wireBytes, stored: plainStored(dataDir) };
  } finally {
    await a.disconnect();
    await b.disconnect();
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
    process.stderr.write(`replay ${label}: plain…\n`);
    const plain = await plainReplay(trace);
    process.stderr.write(`replay ${label}: suviaz…\n`);
    const suviaz = await suviazReplay(trace);
    const b4 = trace.name === 'automerge-paper';
    const within = (s: number, p: number) => s / p <= 1.2;
    rows.push(
      {
        scenario: 'replay',
        case: label,
        metric: 'time until B has the end text',
        unit: 'ms',
        suviaz: suviaz.totalMs,
        baseline: plain.totalMs,
        ...(b4 ? { target: 'ratio ≤ 1.2', met: within(suviaz.totalMs, plain.totalMs) } : {}),
      },
      {
        scenario: 'replay',
        case: label,
        metric: 'of which typing on A',
        unit: 'ms',
        suviaz: suviaz.typingMs,
        baseline: plain.typingMs,
      },
      {
        scenario: 'replay',
        case: label,
        metric: 'bytes on the wire (A+B, both ways)',
        unit: 'B',
        suviaz: suviaz.wireBytes,
        baseline: plain.wireBytes,
        ...(b4 ? { target: 'ratio ≤ 1.2', met: within(suviaz.wireBytes, plain.wireBytes) } : {}),
      },
      {
        scenario: 'replay',
        case: label,
        metric: 'bytes stored by the relay (payload)',
        unit: 'B',
        suviaz: suviaz.stored.payload,
        baseline: plain.stored.payload,
      },
      {
        scenario: 'replay',
        case: label,
        metric: 'relay data dir on disk',
        unit: 'B',
        suviaz: suviaz.stored.files,
        baseline: plain.stored.files,
      },
    );
  }
  return rows;
}
