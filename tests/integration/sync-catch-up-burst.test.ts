// A catch-up as a user lives it: many updates arrive at once after a time offline. The document
// holds every one, the renderer gets them as a few updates and the vault stores them in a few
// transactions, not one each; an envelope forged in the middle of the burst is refused, and the
// rest still arrives.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { decodeEnvelope, encodeEnvelope } from '../../src-shared/protocol/envelope';
import type { RelayFrame } from '../../src-shared/protocol/frames';
import { startMaliciousRelay, type ProxiedConnection } from '../support/malicious-relay';
import {
  cleanups,
  client,
  myDeviceKey,
  relayOn,
  runCleanups,
  sharedSpace,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const UPDATES = 80;
const FORGED_AT = 40;

/** Counts what a test watches: renderer transactions from remote updates, vault transactions. */
function watch(c: Client): { renderer: number; vault: number } {
  const counts = { renderer: 0, vault: 0 };
  c.doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin === 'remote') counts.renderer++;
  });
  const db = c.vault.db;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<typeof transaction>[0]) => {
    counts.vault++;
    return transaction(fn);
  }) as typeof db.transaction;
  return counts;
}

/** A signature with one bit flipped: what a relay that forges an update would have to send. */
function forged(frame: Extract<RelayFrame, { type: 'deliver' }>): RelayFrame {
  const envelope = decodeEnvelope(frame.envelope);
  const signature = envelope.signature.slice();
  signature[5] = (signature[5] ?? 0) ^ 0x10;
  return { ...frame, envelope: encodeEnvelope({ ...envelope, signature }) };
}

describe('a catch-up of many updates', () => {
  it('holds every update, in few renderer updates and vault transactions, refusing a forged one', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-burst-relay-')));
    const proxy = await startMaliciousRelay(relay.url);
    cleanups.push(() => proxy.close());
    const alice = await client(proxy.url);
    const bob = await client(proxy.url);
    await sharedSpace([alice, bob]);
    const bobKey = myDeviceKey(bob);
    // Bob's updates are held back while Alice writes, one acknowledged update at a time.
    const held: RelayFrame[] = [];
    let bobConnection: ProxiedConnection | null = null;
    proxy.toClient = (frame, _raw, conn) => {
      if (conn.device !== bobKey || frame.type !== 'deliver') return 'pass';
      bobConnection = conn;
      held.push(frame);
      return [];
    };
    for (let i = 0; i < UPDATES; i++) {
      alice.doc.getText('t').insert(i, String(i % 10));
      await waitFor('the ack', () => alice.engine.state().pending === 0);
    }
    await waitFor('every update held', () => held.length >= UPDATES);
    proxy.toClient = null;

    const counts = watch(bob);
    const burst = held.map((frame, i) =>
      i === FORGED_AT && frame.type === 'deliver' ? forged(frame) : frame,
    );
    // All at once, as a relay's catch-up arrives after a time offline.
    for (const frame of burst) (bobConnection as ProxiedConnection | null)?.inject(frame);

    // The forged update is refused; the ones after it come again from the relay and apply.
    await waitFor('Bob has everything', () => bob.text() === alice.text(), 20_000);
    expect(bob.engine.state().warnings.map((w) => w.reason)).toContain('tampered');
    expect(bob.text()).toHaveLength(UPDATES);
    expect(counts.renderer).toBeLessThan(UPDATES / 5);
    expect(counts.vault).toBeLessThan(UPDATES / 5);
  });
});
