// Real relay on 127.0.0.1, real engines on their own temp vaults: convergence, a concurrent editing
// trace, offline edits, an outbox that survives a restart, snapshots, and a relay killed mid-stream.
import { relayNodeFlags } from '../support/relay-node-flags';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadTrace, replayTwoAgents } from '../support/editing-traces';
import {
  addAndAccept,
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  sharedSpace,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const settled = (clients: Client[]) => () =>
  clients.every((c) => c.engine.state().pending === 0) &&
  clients.every((c) => c.text() === clients[0]?.text());

describe('sync engine against a real relay', () => {
  it('shares a space and three clients converge under concurrent random edits', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const clients = [await client(relay.url), await client(relay.url), await client(relay.url)];
    await sharedSpace(clients);
    const members = clients[0]?.engine.listSpaces()[0]?.members ?? [];
    expect(members.map((m) => m.role).sort()).toEqual(['admin', 'editor', 'editor']);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      for (const [i, c] of clients.entries()) {
        const text = c.doc.getText('t');
        if (text.length > 5 && random(3) === 0) text.delete(random(text.length - 2), 2);
        else text.insert(random(text.length + 1), `${i}${round} `);
      }
      await new Promise((resolve) => setTimeout(resolve, random(30)));
    }
    await waitFor('convergence', settled(clients), 20_000);
    expect(clients[0]?.text().length).toBeGreaterThan(0);
    for (const c of clients) expect(c.engine.state().warnings).toEqual([]);
  });

  it('two clients edit while the relay is down, reconnect and converge', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await relayOn(dataDir);
    const port = relay.port;
    const [a, b] = [await client(relay.url), await client(relay.url)];
    if (!a || !b) throw new Error('clients');
    await sharedSpace([a, b]);
    a.doc.getText('t').insert(0, 'online ');
    await waitFor('first sync', () => b.text() === 'online ');
    await relay.close();
    await waitFor('offline', () => a.engine.state().connection !== 'connected');
    a.doc.getText('t').insert(0, 'from A offline ');
    b.doc.getText('t').insert(b.text().length, 'from B offline');
    await waitFor('outboxes hold the edits', () => a.engine.state().pending > 0);
    expect(b.engine.state().pending).toBeGreaterThan(0);
    await relayOn(dataDir, port);
    await waitFor('convergence after reconnect', settled([a, b]), 20_000);
    expect(a.text()).toContain('from A offline');
    expect(a.text()).toContain('from B offline');
    expect(a.engine.state().warnings).toEqual([]);
  });

  it('a client restarted with an unsent outbox sends it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await relayOn(dataDir);
    const port = relay.port;
    const [a, b] = [await client(relay.url), await client(relay.url)];
    if (!a || !b) throw new Error('clients');
    const docId = await sharedSpace([a, b]);
    await relay.close();
    a.doc.getText('t').insert(0, 'typed before the restart');
    await waitFor('outbox', () => a.engine.state().pending > 0);
    await a.stop();
    const restarted = await relayOn(dataDir, port);
    const again = await client(restarted.url, a.dir);
    expect(again.engine.state().pending).toBeGreaterThan(0);
    again.open(docId);
    expect(again.text()).toBe('typed before the restart');
    await waitFor('the restarted outbox reaches B', () => b.text() === 'typed before the restart');
    await waitFor('outbox emptied', () => again.engine.state().pending === 0);
  });

  it('makes a snapshot after snapshotEvery updates, and a new member catches up from it', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    // LIMITS.sync.snapshotEvery (300) updates at one per batch window would take 20 s here.
    const tuning = { snapshotEvery: 25 };
    const [a, b] = [await client(relay.url, undefined, tuning), await client(relay.url)];
    if (!a || !b) throw new Error('clients');
    const docId = await sharedSpace([a, b]);
    const text = a.doc.getText('t');
    for (let i = 0; i < tuning.snapshotEvery + 3; i++) {
      text.insert(text.length, `${i % 10}`);
      // One published update each: wait until the relay acknowledged it.
      await waitFor('ack', () => a.engine.state().pending === 0);
    }
    const generation = (c: Client): number => {
      const row = c.vault.db
        .prepare<[], { verifier: string }>('SELECT verifier FROM sync_docs')
        .get();
      return (
        (JSON.parse(row?.verifier ?? '{}') as { active?: { generation: number } }).active
          ?.generation ?? 0
      );
    };
    await waitFor('a snapshot', () => generation(a) >= 2);
    await waitFor('B follows', () => b.text() === a.text() && generation(b) >= 2);
    const c = await client(relay.url);
    await waitFor('connection', connected(c));
    const space = a.engine.listSpaces()[0];
    if (!space) throw new Error('space');
    await addAndAccept(a, c, space.id, 'viewer');
    c.open(docId);
    await waitFor('C catches up', () => c.text() === a.text());
    expect(generation(c)).toBeGreaterThanOrEqual(2);
    expect(c.engine.listSpaces()[0]?.role).toBe('viewer');
    for (const x of [a, b, c]) expect(x.engine.state().warnings).toEqual([]);
  });

  it('replays the two-author friendsforever trace across two clients', async () => {
    const trace = loadTrace('friendsforever');
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const clients = [await client(relay.url), await client(relay.url)];
    const docId = await sharedSpace(clients);
    // Each agent edits its own replica holding exactly its transaction's parents; its own edits go
    // to its client in batches, the other agent's arrive through the relay.
    await replayTwoAgents(trace, (agent, update) =>
      clients[agent]?.engine.applyLocalUpdate(docId, update),
    );
    await waitFor(
      'both clients hold the end content',
      () =>
        clients.every((c) => {
          const doc = new Y.Doc();
          for (const u of c.engine.openDocument(docId)) Y.applyUpdateV2(doc, u);
          return doc.getText('t').toString() === trace.endContent;
        }),
      40_000,
    );
    await waitFor('outboxes empty', () => clients.every((c) => c.engine.state().pending === 0));
  }, 60_000);
});

describe('sync engine when the relay is killed', () => {
  async function spawnRelay(
    dataDir: string,
    port: number,
  ): Promise<{ url: string; child: ChildProcess }> {
    const child = spawn(
      process.execPath,
      [
        ...relayNodeFlags(),
        '--import',
        'tsx',
        'server/main.ts',
        '--port',
        String(port),
        '--data-dir',
        dataDir,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /(ws:\/\/[^\s]+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
    });
    return { url, child };
  }

  it('loses no acknowledged edit when the relay is SIGKILLed mid-stream and restarted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await spawnRelay(dataDir, 0);
    const port = Number(new URL(relay.url).port);
    const [a, b] = [await client(relay.url), await client(relay.url)];
    if (!a || !b) throw new Error('clients');
    await sharedSpace([a, b]);
    const typed: string[] = [];
    let n = 0;
    const typing = setInterval(() => {
      for (const [name, c] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const token = `<${name}${n}>`;
        typed.push(token);
        c.doc.getText('t').insert(c.doc.getText('t').length, token);
      }
      n++;
    }, 15);
    cleanups.push(() => clearInterval(typing));
    await new Promise((resolve) => setTimeout(resolve, 400));
    relay.child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await spawnRelay(dataDir, port);
    await new Promise((resolve) => setTimeout(resolve, 300));
    clearInterval(typing);
    await waitFor('convergence after the crash', settled([a, b]), 30_000);
    for (const token of typed) expect(a.text()).toContain(token);
    expect(a.engine.state().warnings).toEqual([]);
    expect(b.engine.state().warnings).toEqual([]);
  }, 60_000);
});
