// Sync engines on their own temp vaults against an in-process relay, each with a renderer-like Y.Doc
// replica of its open document: what the integration tests drive.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { startRelay, type RunningRelay } from '../../server/relay';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import {
  createSyncEngine,
  type SyncEngine,
  type SyncState,
} from '../../src-main/core/sync/sync-engine';
import { createVault, unlockVault, type OpenVault } from '../../src-main/core/vault/vault';

export const PASSPHRASE = 'harbour lantern quietly 1987 frost';
/** What each test started, stopped in reverse order by runCleanups() (call it in afterEach). */
export const cleanups: (() => Promise<void> | void)[] = [];
export async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export async function relayOn(dataDir: string, port = 0): Promise<RunningRelay> {
  const relay = await startRelay({ port, dataDir, log: () => undefined });
  cleanups.push(() => relay.close());
  return relay;
}

export interface Client {
  dir: string;
  vault: OpenVault;
  engine: SyncEngine;
  /** The renderer's replica of the open document. */
  doc: Y.Doc;
  docId: string | null;
  last: SyncState | null;
  /** The display name this client's settings would hold. */
  name: string;
  spacesChanged: number;
  open(docId: string): void;
  text(): string;
  stop(): Promise<void>;
}

export async function client(
  relayUrl: string,
  dir?: string,
  tuning?: { snapshotEvery?: number },
): Promise<Client> {
  const vaultDir = dir ?? mkdtempSync(join(tmpdir(), 'suviaz-sync-'));
  const vault = dir
    ? await unlockVault(vaultDir, PASSPHRASE)
    : await createVault(vaultDir, PASSPHRASE, { kdf: KDF_FAST_FOR_TESTS });
  const doc = new Y.Doc();
  const c: Client = {
    dir: vaultDir,
    vault,
    doc,
    docId: null,
    last: null,
    name: '',
    spacesChanged: 0,
    engine: createSyncEngine({
      db: vault.db,
      relayUrl,
      ...(tuning ? { tuning } : {}),
      myName: () => c.name,
      on: {
        remoteUpdate: (_docId, update) => Y.applyUpdateV2(doc, update, 'remote'),
        presence: () => undefined,
        state: (state) => {
          c.last = state;
        },
        spacesChanged: () => {
          c.spacesChanged++;
        },
      },
    }),
    open(docId) {
      c.docId = docId;
      Y.applyUpdateV2(doc, c.engine.openDocument(docId), 'remote');
    },
    text: () => doc.getText('t').toString(),
    async stop() {
      await c.engine.stop();
      if (vault.db.open) vault.close();
    },
  };
  doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote' && c.docId)
      void c.engine.applyLocalUpdate(c.docId, update).catch(() => undefined);
  });
  cleanups.push(() => c.stop());
  return c;
}

export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const connected = (c: Client) => () => c.engine.state().connection === 'connected';

/** A space created by the first client and shared with the others as editors, all documents open. */
export async function sharedSpace(clients: Client[]): Promise<string> {
  const [owner, ...others] = clients;
  if (!owner) throw new Error('no clients');
  for (const c of clients) await waitFor('connection', connected(c));
  const space = await owner.engine.createSpace('Campaign plan');
  for (const other of others) {
    await owner.engine.addMember(space.id, other.engine.myDeviceCode(), 'editor');
  }
  for (const other of others) {
    await waitFor('the space to appear', () =>
      other.engine.listSpaces().some((s) => s.id === space.id),
    );
  }
  for (const c of clients) c.open(space.docId);
  return space.docId;
}
