// Real sync engines against two relay processes over one PostgreSQL and one NATS, behind a TCP
// balancer as docs/deploy.md sets them up: three clients spread over both relays co-edit and
// converge; kill -9 of one relay mid-stream sends its clients to the other, and no acknowledged
// edit is lost. The two-author trace is friendsforever (Joseph Gentle's editing-traces, CC BY 4.0),
// read in place from ../shared/bench-data, or its synthetic stand-in where that is absent.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadTrace, prefix, replayTwoAgents } from '../support/editing-traces';
import { natsAvailable } from '../support/nats-instance';
import { postgresAvailable } from '../support/pg-instance';
import { startCluster, type RelayCluster } from '../support/relay-cluster';
import { postgresPerFile } from '../support/relay-stores';
import { client, runCleanups, sharedSpace, waitFor, type Client } from '../support/sync-clients';

const available = postgresAvailable() && natsAvailable();
const postgres = postgresPerFile();
let cluster: RelayCluster | undefined;

afterEach(async () => {
  await runCleanups();
  await cluster?.stop();
  cluster = undefined;
});

/** The document as the client's engine holds it: its own edits and everything it received. */
function engineText(c: Client, docId: string): string {
  const doc = new Y.Doc();
  for (const u of c.engine.openDocument(docId)) Y.applyUpdateV2(doc, u);
  return doc.getText('t').toString();
}

/** A small seeded generator: the same random edits on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Three clients through the balancer: in turn, so the first and third land on relay 0. */
async function threeClients(running: RelayCluster): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < 3; i++) clients.push(await client(running.balancer.url));
  return clients;
}

describe.skipIf(!available)('sync clients on two relay processes', () => {
  it('three clients spread over both relays co-edit a two-author trace plus random edits', async () => {
    cluster = await startCluster(await postgres(), { args: ['--rate', '100000'] });
    const clients = await threeClients(cluster);
    const [a, b, c] = clients as [Client, Client, Client];
    const docId = await sharedSpace(clients);
    // Spread: both relays serve some of the clients.
    for (const relay of cluster.relays) {
      expect(cluster.balancer.routed.get(relay.port) ?? 0).toBeGreaterThan(0);
    }

    const trace = prefix(loadTrace('friendsforever'), 3000);
    // What the two authors' edits make together (a prefix of a concurrent trace has no endContent).
    const reference = new Y.Doc();
    await replayTwoAgents(trace, (_agent, update) => Y.applyUpdateV2(reference, update));
    const traceText = reference.getText('t').toString();
    // The third client types a mark the trace never contains, at random places, meanwhile.
    const mark = '\u2603';
    const random = seeded(15);
    let marks = 0;
    const typing = (async () => {
      for (let i = 0; i < 120; i++) {
        const text = c.doc.getText('t');
        text.insert(Math.floor(random() * (text.length + 1)), mark);
        marks++;
        await pause(5);
      }
    })();
    await replayTwoAgents(trace, (agent, update) =>
      clients[agent]?.engine.applyLocalUpdate(docId, update),
    );
    await typing;

    // Every edit of the trace and every mark. (Not the trace's exact text: concurrent marks may
    // sit between the two authors' concurrent inserts and tip how Yjs orders them.)
    const sorted = (text: string) => [...text].sort().join('');
    const traceChars = sorted(traceText);
    const expected = (text: string) =>
      text.split(mark).length - 1 === marks && sorted(text.replaceAll(mark, '')) === traceChars;
    await waitFor(
      'all three clients hold the same text: the trace with every mark in it',
      () => {
        const texts = clients.map((x) => engineText(x, docId));
        return texts.every((t) => t === texts[0]) && expected(texts[0] ?? '');
      },
      60_000,
    );
    await waitFor('outboxes empty', () => clients.every((x) => x.engine.state().pending === 0));
    for (const x of [a, b, c]) expect(x.engine.state().warnings).toEqual([]);
  }, 120_000);

  it('kill -9 of a relay mid-stream: its clients go to the other and no acknowledged edit is lost', async () => {
    cluster = await startCluster(await postgres(), { args: ['--rate', '100000'] });
    const running = cluster;
    const clients = await threeClients(running);
    const [a, b, c] = clients as [Client, Client, Client];
    const docId = await sharedSpace(clients);
    const [first, second] = running.relays;
    if (!first || !second) throw new Error('two relays');
    const routedToSecond = running.balancer.routed.get(second.port) ?? 0;

    // The first client (on relay 0) types a stream of numbered edits; relay 0 dies in the middle.
    let expected = '';
    for (let i = 0; i < 300; i++) {
      const piece = `${i},`;
      a.doc.getText('t').insert(a.doc.getText('t').length, piece);
      expected += piece;
      if (i === 120) {
        await waitFor('some edits acknowledged', () => a.engine.state().pending < 60);
        expect(await first.stop('SIGKILL')).toBeNull();
      }
      await pause(3);
    }

    // Its clients (the first and the third) reconnect through the balancer, to relay 1 only.
    await waitFor('all edits acknowledged', () => a.engine.state().pending === 0, 60_000);
    expect(running.balancer.routed.get(second.port) ?? 0).toBeGreaterThan(routedToSecond + 1);
    await waitFor(
      'every client holds every edit',
      () => clients.every((x) => engineText(x, docId) === expected),
      60_000,
    );
    // The third client was on relay 0 too: what it missed it read from the store, through relay 1.
    for (const x of [b, c]) expect(x.text()).toBe(expected);
  }, 120_000);
});
