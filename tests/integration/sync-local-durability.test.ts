// Local edits are acknowledged only once stored: a client process killed with SIGKILL in the middle
// of fast typing keeps, after an unlock, every edit it had acknowledged. (The vault writes them
// without waiting for an fsync on the event loop, then fsyncs the WAL off it before answering: a
// kill leaves the written frames in the OS; src-main/core/vault/vault-durability.ts.)
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromHex } from '../../src-shared/protocol/bytes';
import { loadDoc } from '../../src-main/core/sync/outbox';
import { unlockVault } from '../../src-main/core/vault/vault';
import { PASSPHRASE, client, relayOn, runCleanups, sharedSpace } from '../support/sync-clients';

afterEach(runCleanups);

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the typing child until it has acknowledged `enough` edits, then kills it: the acked tokens. */
async function typeThenKill(
  dir: string,
  relayUrl: string,
  docId: string,
  enough: number,
): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/support/local-edits-child.ts', dir, PASSPHRASE, relayUrl, docId],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const acked: string[] = [];
  let output = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const match of chunk.toString().matchAll(/^acked (<\d+>)$/gm)) acked.push(match[1]!);
      if (acked.length >= enough) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`the child exited early:\n${output}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(output).not.toContain('refused');
  return acked;
}

describe('local edits and kill -9', () => {
  it('keeps every acknowledged edit of a client killed while typing', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const a = await client(relay.url);
    const docId = await sharedSpace([a]);
    await a.stop();
    await relay.close();

    const acked = await typeThenKill(a.dir, relay.url, docId, 300);

    const vault = await unlockVault(a.dir, PASSPHRASE);
    try {
      const stored = loadDoc(vault.db, fromHex(docId));
      const doc = new Y.Doc();
      for (const update of stored?.updates ?? []) Y.applyUpdateV2(doc, update);
      const text = doc.getText('t').toString();
      const missing = acked.filter((token) => !text.includes(token));
      expect(acked.length).toBeGreaterThanOrEqual(300);
      expect(missing).toEqual([]);
    } finally {
      vault.close();
    }
  }, 60_000);
});
