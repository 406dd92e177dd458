// How often a writer publishes: edits typed while a publish is on its way wait for the batch window
// (fast typing makes one update per window, not one per round trip), while a backlog made offline
// goes out batch after batch, its last part too, without waiting for any window.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  client,
  relayOn,
  runCleanups,
  sharedSpace,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

/** My updates the relay acknowledged on the active snapshot, as the vault records them. */
function myPublishes(c: Client): number {
  const row = c.vault.db.prepare<[], { verifier: string }>('SELECT verifier FROM sync_docs').get();
  return (JSON.parse(row?.verifier ?? '{}') as { myAcked?: number }).myAcked ?? 0;
}

/** One edit per event-loop turn, so that each is its own local commit (its own outbox row). */
async function typeInTurns(c: Client, words: string[]): Promise<void> {
  for (const word of words) {
    const text = c.doc.getText('t');
    text.insert(text.length, word);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const words = (n: number, tag: string): string[] =>
  Array.from({ length: n }, (_, i) => `${tag}${i} `);

describe('publish pace', () => {
  it('publishes fast typing once per batch window, not once per round trip', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const batchMs = 250;
    const [a, b] = [await client(relay.url, undefined, { batchMs }), await client(relay.url)];
    if (!a || !b) throw new Error('clients');
    await sharedSpace([a, b]);
    const typed = words(60, 'w');
    const started = performance.now();
    await typeInTurns(a, typed);
    const typingMs = performance.now() - started;
    await waitFor('B to hold every edit', () => b.text() === typed.join(''));
    await waitFor('A to have every publish acknowledged', () => a.engine.state().pending === 0);
    // The first edit goes at once, the rest with each window that ended while (or after) they were
    // typed. Sending after every acknowledgement instead made one publish per round trip (a few
    // milliseconds on loopback): dozens for these 60 turns.
    expect(myPublishes(a)).toBeGreaterThan(0);
    expect(myPublishes(a)).toBeLessThanOrEqual(2 + Math.floor(typingMs / batchMs));
    expect(a.engine.state().warnings).toEqual([]);
  });

  it('sends a backlog made offline batch after batch without waiting for the window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await relayOn(dataDir);
    const port = relay.port;
    // A window far longer than the test may run: anything that waited for it would never arrive.
    const [a, b] = [
      await client(relay.url, undefined, { batchMs: 3_600_000 }),
      await client(relay.url),
    ];
    if (!a || !b) throw new Error('clients');
    await sharedSpace([a, b]);
    await relay.close();
    await waitFor('offline', () => a.engine.state().connection !== 'connected');
    // 150 rows: two full batches of 64 and a last part of 22.
    const typed = words(150, 'o');
    await typeInTurns(a, typed);
    await waitFor('the outbox to hold every edit', () => a.engine.state().pending === 150);
    await relayOn(dataDir, port);
    await waitFor('B to hold the whole backlog', () => b.text() === typed.join(''), 30_000);
    await waitFor('A to have every publish acknowledged', () => a.engine.state().pending === 0);
    expect(myPublishes(a)).toBe(3);
  });
});
