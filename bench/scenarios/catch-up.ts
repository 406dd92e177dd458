// Scenario 6, catch-up: client B goes offline, 10,000 updates are made meanwhile, B comes back;
// time until it holds everything. Suviaz both with a snapshot every 300 updates (what writing
// clients do) and with none (the worst case: every update replayed), against each peer's client
// reconnecting to its server (one sync step 2 from the server's doc). Suviaz's B comes back two
// ways: its network returns while the app runs (what the peers' reconnect is), and the app is
// started again (engine start, connect, catch up; the vault unlock, measured by the vault scenario,
// is left out as in cold-open).
import type { Size } from '../lib/args';
import { traceUpdates } from '../lib/edits';
import { publishMany } from '../lib/fast-publisher';
import { startRelayChild } from '../lib/processes';
import { peerRow, type Row } from '../lib/report';
import { now, waitFor } from '../lib/stats';
import * as Y from 'yjs';
import { unlockVault } from '../../src-main/core/vault/vault';
import {
  benchClient,
  PASSPHRASE,
  sharedSpace,
  tempDir,
  type BenchClient,
} from '../lib/suviaz-client';
import { cutNetwork, networkSwitch, restoreNetwork } from '../lib/counting-websocket';
import { peerClient, PEERS, type Peer } from '../peers/peer-client';
import { LIMITS } from '../../src-shared/limits';

/** A stops; n updates are published from its vault as a writing client seals them: the text. */
async function publishFromA(
  a: BenchClient,
  relayUrl: string,
  n: number,
  snapshotEvery: number,
): Promise<string> {
  await a.stop();
  const stream = traceUpdates(n);
  const vaultA = await unlockVault(a.dir, PASSPHRASE);
  const published = await publishMany(vaultA, relayUrl, stream.v2, snapshotEvery);
  vaultA.close();
  const expected = published.getText('t').toString();
  if (expected !== stream.text) throw new Error('publisher text differs');
  return expected;
}

const holds = (c: BenchClient, expected: string) => (): boolean =>
  c.doc.getText('t').length === expected.length && c.text() === expected;

/** B's app keeps running while its network is cut; the time from its return until B holds all. */
async function suviazReconnect(n: number, snapshotEvery: number): Promise<number> {
  const relay = await startRelayChild('suviaz', tempDir('relay'), ['--rate', '1000000']);
  const network = networkSwitch();
  const a = await benchClient(relay.url);
  const b = await benchClient(relay.url, { network });
  try {
    await sharedSpace([a, b]);
    cutNetwork(network);
    await waitFor('B offline', () => b.engine.state().connection !== 'connected', 30_000);
    const expected = await publishFromA(a, relay.url, n, snapshotEvery);
    restoreNetwork(network);
    // What the app does when the system says the network is back (or the person clicks Retry).
    const start = now();
    b.engine.retryNow();
    await waitFor('B to catch up', holds(b, expected), 300_000, 2);
    return now() - start;
  } finally {
    await a.stop();
    await b.stop();
    await relay.stop();
  }
}

/** B's app is stopped, then started again: engine start, connect and catch up (unlocked before). */
async function suviazCatchUp(n: number, snapshotEvery: number): Promise<number> {
  const relay = await startRelayChild('suviaz', tempDir('relay'), ['--rate', '1000000']);
  const a = await benchClient(relay.url);
  const b = await benchClient(relay.url);
  try {
    await sharedSpace([a, b]);
    await b.stop();
    const expected = await publishFromA(a, relay.url, n, snapshotEvery);
    const vault = await unlockVault(b.dir, PASSPHRASE);
    const start = now();
    const back = await benchClient(relay.url, { dir: b.dir, vault });
    try {
      const docId = back.engine.listSpaces()[0]?.docId;
      if (!docId) throw new Error('no space');
      back.open(docId);
      await waitFor('B to catch up', holds(back, expected), 300_000, 2);
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
  const every = LIMITS.sync.snapshotEvery;
  const none = Number.POSITIVE_INFINITY;
  const run = async (what: string, measure: () => Promise<number>): Promise<number> => {
    process.stderr.write(`catch-up ${n}: suviaz, ${what}…\n`);
    return measure();
  };
  const reconnect = await run('snapshots, network back', () => suviazReconnect(n, every));
  const restart = await run('snapshots, app started', () => suviazCatchUp(n, every));
  const reconnectNone = await run('no snapshot, network back', () => suviazReconnect(n, none));
  const restartNone = await run('no snapshot, app started', () => suviazCatchUp(n, none));
  const base = { scenario: 'catch-up', metric: 'time until B has everything', unit: 'ms' };
  const yws = peers['y-websocket'] ?? Number.NaN;
  const snapshots = `${n} updates, snapshot every ${every}`;
  const worst = `${n} updates, no snapshot (worst case)`;
  return [
    {
      ...peerRow({ ...base, case: `${snapshots}: B's network comes back` }, reconnect, peers),
      target: 'ratio ≤ 10 (y-websocket)',
      met: reconnect <= 10 * yws,
    },
    peerRow(
      { ...base, case: `${snapshots}: B's app starts again (unlocked before)` },
      restart,
      peers,
    ),
    // The 1 s target holds for both ways of coming back.
    {
      ...peerRow({ ...base, case: `${worst}: B's network comes back` }, reconnectNone, peers),
      target: '≤ 1000 ms',
      met: reconnectNone <= 1000,
    },
    {
      ...peerRow(
        { ...base, case: `${worst}: B's app starts again (unlocked before)` },
        restartNone,
        peers,
      ),
      target: '≤ 1000 ms',
      met: restartNone <= 1000,
    },
  ];
}
