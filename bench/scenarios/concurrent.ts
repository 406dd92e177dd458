// Scenario 2, concurrent trace: friendsforever replayed by its two authors, each on its own client
// (each agent edits a replica holding exactly its transaction's parents, as in the integration
// test), batches of 100 transactions handed to the client; both must converge to endContent.
import * as Y from 'yjs';
import type { Size } from '../lib/args';
import { startRelayChild } from '../lib/processes';
import { peerRow, type Row } from '../lib/report';
import { now, waitFor } from '../lib/stats';
import { benchClient, sharedSpace, tempDir, type BenchClient } from '../lib/suviaz-client';
import { loadTrace, replayTwoAgents, type Trace } from '../../tests/support/editing-traces';
import { peerClient, PEERS, type Peer } from '../peers/peer-client';

const converged = (docs: Y.Doc[], end: string) => () =>
  docs.every((d) => d.getText('t').length === end.length && d.getText('t').toString() === end);

async function suviaz(trace: Trace): Promise<number> {
  const relay = await startRelayChild('suviaz', tempDir('relay'), ['--rate', '1000000']);
  const clients = [await benchClient(relay.url), await benchClient(relay.url)];
  try {
    const docId = await sharedSpace(clients);
    const start = now();
    await replayTwoAgents(trace, (agent, update) => {
      const c = clients[agent] as BenchClient;
      c.engine.applyLocalUpdate(docId, update);
      Y.applyUpdateV2(c.doc, update, 'remote');
    });
    await waitFor(
      'convergence',
      converged(
        clients.map((c) => c.doc),
        trace.endContent,
      ),
      300_000,
      10,
    );
    return now() - start;
  } finally {
    for (const c of clients) await c.stop();
    await relay.stop();
  }
}

async function peer(which: Peer, trace: Trace): Promise<number> {
  const relay = await startRelayChild(which, tempDir(which));
  const clients = [peerClient(which, relay.url, 'ff'), peerClient(which, relay.url, 'ff')];
  try {
    for (const c of clients) await c.connect();
    const start = now();
    // Each batch as the client's own edit, sent at once as one message.
    await replayTwoAgents(trace, (agent, update) =>
      (clients[agent] as (typeof clients)[number]).sendUpdate(update),
    );
    await waitFor(
      'convergence',
      converged(
        clients.map((c) => c.doc),
        trace.endContent,
      ),
      120_000,
      10,
    );
    return now() - start;
  } finally {
    for (const c of clients) c.destroy();
    await relay.stop();
  }
}

export async function runConcurrent(_size: Size): Promise<Row[]> {
  const trace = loadTrace('friendsforever');
  const peers: Partial<Record<Peer, number | null>> = {};
  for (const which of PEERS) {
    process.stderr.write(`concurrent friendsforever: ${which}…\n`);
    // A peer that does not converge is reported, not fatal.
    peers[which] = await peer(which, trace).catch((error: unknown) => {
      process.stderr.write(`concurrent ${which} failed: ${String(error)}\n`);
      return null;
    });
  }
  process.stderr.write('concurrent friendsforever: suviaz…\n');
  const s = await suviaz(trace);
  const failed = PEERS.filter((p) => peers[p] === null);
  return [
    {
      ...peerRow(
        {
          scenario: 'concurrent',
          case: `friendsforever (${trace.txns.length} txns, 2 authors)`,
          metric: 'time until both hold endContent',
          unit: 'ms',
        },
        s,
        peers,
      ),
      ...(failed.length > 0 ? { note: `did not converge within 120 s: ${failed.join(', ')}` } : {}),
    },
  ];
}
