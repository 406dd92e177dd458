// Scenario 6, catch-up: client B goes offline, 10,000 updates are made meanwhile, B reconnects;
// time from B starting again until it holds everything. Suviaz both with a snapshot every 300
// updates (what writing clients do) and with none (the worst case: every update replayed), against
// each peer's client reconnecting to its server (one sync step 2 from the server's doc).
import type { Size } from '../lib/args';
import { traceUpdates } from '../lib/edits';
import { publishMany } from '../lib/fast-publisher';
import { startRelayChild } from '../lib/processes';
import { peerRow, type Row } from '../lib/report';
import { now, waitFor } from '../lib/stats';
import * as Y from 'yjs';
import { unlockVault } from '../../src-main/core/vault/vault';
import { benchClient, PASSPHRASE, sharedSpace, tempDir } from '../lib/suviaz-client';
import { peerClient, PEERS, type Peer } from '../peers/peer-client';
import { LIMITS } from '../../src-shared/limits';

async function suviazCatchUp(n: number, snapshotEvery: number): Promise<number> {
  const relay = await startRelayChild('suviaz', tempDir('relay'), ['--rate', '1000000']);
  const a = await benchClient(relay.url);
  const b = await benchClient(relay.url);
  try {
    await sharedSpace([a, b]);
    await a.stop();
    await b.stop();
    const stream = traceUpdates(n);
    const vaultA = await unlockVault(a.dir, PASSPHRASE);
    const published = await publishMany(vaultA, relay.url, stream.v2, snapshotEvery);
    vaultA.close();
    const expected = published.getText('t').toString();
    if (expected !== stream.text) throw new Error('publisher text differs');
    const start = now();
    const back = await benchClient(relay.url, { dir: b.dir });
    try {
      const docId = back.engine.listSpaces()[0]?.docId;
      if (!docId) throw new Error('no space');
      back.open(docId);
      await waitFor(
        'B to catch up',
        () => back.doc.getText('t').length === expected.length && back.text() === expected,
        300_000,
        2,
      );
      return now() - start;
    } finally {
      await back.stop();
    }
  } finally {
    await relay.stop();
  }
}

async function peerCatchUp(peer: Peer, n: number): Promise<number> {
  const relay = await startRelayChild(peer, tempDir(peer));
  const a = peerClient(peer, relay.url, 'catch-up');
  const b = peerClient(peer, relay.url, 'catch-up');
  const probe = peerClient(peer, relay.url, 'catch-up');
  try {
    await a.connect();
    await b.connect();
    await b.disconnect();
    const stream = traceUpdates(n);
    // One message per update, as the provider sends them.
    for (const u of stream.v1) Y.applyUpdate(a.doc, u, 'local');
    await probe.connect();
    await waitFor('the server to hold everything', () => probe.text() === stream.text, 120_000);
    await probe.disconnect();
    const start = now();
    await b.connect();
    await waitFor('B to catch up', () => b.text() === stream.text, 120_000, 1);
    return now() - start;
  } finally {
    for (const c of [a, b, probe]) c.destroy();
    await relay.stop();
  }
}

export async function runCatchUp(size: Size): Promise<Row[]> {
  const n = size === 'small' ? 1_000 : 10_000;
  const peers: Partial<Record<Peer, number>> = {};
  for (const peer of PEERS) {
    process.stderr.write(`catch-up ${n}: ${peer}…\n`);
    peers[peer] = await peerCatchUp(peer, n);
  }
  process.stderr.write(`catch-up ${n}: suviaz, snapshots…\n`);
  const withSnapshots = await suviazCatchUp(n, LIMITS.sync.snapshotEvery);
  process.stderr.write(`catch-up ${n}: suviaz, no snapshot…\n`);
  const without = await suviazCatchUp(n, Number.POSITIVE_INFINITY);
  const base = { scenario: 'catch-up', metric: 'time until B has everything', unit: 'ms' };
  const yws = peers['y-websocket'] ?? Number.NaN;
  return [
    {
      ...peerRow(
        { ...base, case: `${n} updates, snapshot every ${LIMITS.sync.snapshotEvery}` },
        withSnapshots,
        peers,
      ),
      target: 'ratio ≤ 10 (y-websocket)',
      met: withSnapshots <= 10 * yws,
    },
    {
      ...peerRow({ ...base, case: `${n} updates, no snapshot (worst case)` }, without, peers),
      target: '≤ 1000 ms',
      met: without <= 1000,
    },
  ];
}
