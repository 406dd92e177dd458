// Scenario 3, cold open: a document holding the final B4 text stored as a snapshot (compacted
// state) plus N later updates, opened by the engine from the encrypted vault into the main-side
// Y.Doc and handed to the renderer's replica; against plain Yjs loading the same state and updates
// from an unencrypted SQLite file into one Y.Doc. Median of three opens.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import * as Y from 'yjs';
import { createSyncEngine } from '../../src-main/core/sync/sync-engine';
import { compact, loadDoc, recordRemote } from '../../src-main/core/sync/outbox';
import { unlockVault } from '../../src-main/core/vault/vault';
import type { Size } from '../lib/args';
import { traceUpdates } from '../lib/edits';
import { startRelayChild } from '../lib/processes';
import type { Row } from '../lib/report';
import { now, percentile } from '../lib/stats';
import { benchClient, PASSPHRASE, sharedSpace, tempDir } from '../lib/suviaz-client';
import { loadTrace, prefix, replayIntoDoc } from '../../tests/support/editing-traces';

const REPEAT = 3;

async function suviazOpen(
  dir: string,
  relayUrl: string,
  docId: string,
  expected: string,
): Promise<number> {
  const vault = await unlockVault(dir, PASSPHRASE);
  try {
    const start = now();
    const engine = createSyncEngine({
      db: vault.db,
      relayUrl,
      on: {
        remoteUpdate: () => undefined,
        presence: () => undefined,
        state: () => undefined,
        spacesChanged: () => undefined,
      },
    });
    const renderer = new Y.Doc();
    Y.applyUpdateV2(renderer, engine.openDocument(docId));
    const ms = now() - start;
    if (renderer.getText('t').toString() !== expected) throw new Error('cold open: wrong text');
    await engine.stop();
    return ms;
  } finally {
    vault.close();
  }
}

function plainOpen(file: string, expected: string): number {
  const start = now();
  const db = new Database(file, { readonly: true });
  const doc = new Y.Doc();
  for (const row of db
    .prepare<[], { data: Uint8Array }>('SELECT data FROM rows ORDER BY id')
    .all()) {
    Y.applyUpdateV2(doc, row.data);
  }
  db.close();
  const ms = now() - start;
  if (doc.getText('t').toString() !== expected) throw new Error('plain open: wrong text');
  return ms;
}

export async function runColdOpen(size: Size): Promise<Row[]> {
  const counts = size === 'small' ? [0, 200] : [0, 200, 1_000, 10_000];
  const b4 = loadTrace('automerge-paper');
  const base = replayIntoDoc(size === 'small' ? prefix(b4, 20_000) : b4);
  const state = Y.encodeStateAsUpdateV2(base);
  // The space is created against a relay that is then stopped: the open happens offline.
  const relay = await startRelayChild('suviaz', tempDir('relay'));
  const owner = await benchClient(relay.url);
  const docId = await sharedSpace([owner]);
  await owner.stop();
  await relay.stop();
  const rows: Row[] = [];
  for (const n of counts) {
    process.stderr.write(`cold-open snapshot + ${n} updates…\n`);
    const stream = traceUpdates(n, state);
    const expected = stream.text;
    // Suviaz: the vault's compacted state + n updates, as the engine stores a document.
    const vault = await unlockVault(owner.dir, PASSPHRASE);
    const docBytes = Buffer.from(docId, 'hex');
    compact(vault.db, docBytes, state);
    const verifier = loadDoc(vault.db, docBytes)?.verifier;
    if (!verifier) throw new Error('no document');
    for (const u of stream.v2) recordRemote(vault.db, docBytes, [u], verifier);
    vault.close();
    // Plain: the same rows in an unencrypted SQLite file.
    const file = path.join(tempDir('plain-open'), 'doc.db');
    const db = new Database(file);
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO rows (data) VALUES (?)');
    db.transaction(() => {
      insert.run(state);
      for (const u of stream.v2) insert.run(u);
    })();
    db.close();
    const s: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      s.push(await suviazOpen(owner.dir, relay.url, docId, expected));
      p.push(plainOpen(file, expected));
    }
    const sm = percentile(s, 50);
    const pm = percentile(p, 50);
    rows.push({
      scenario: 'cold-open',
      case: `B4 final text, snapshot + ${n} updates`,
      metric: 'open time (median of 3)',
      unit: 'ms',
      suviaz: sm,
      baseline: pm,
      target: 'ratio ≤ 2',
      met: sm <= 2 * pm,
    });
  }
  return rows;
}
