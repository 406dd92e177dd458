// A Suviaz client as the app runs it, for the benchmarks: a vault (fast KDF: unlocking is measured
// separately), the sync engine on a relay, and the renderer's replica of the open document, whose
// edits go to the engine through the renderer's own sender and the 'docs.update' handler's
// conversion (the IPC hop itself is left out); plus a shared space between several such clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { KDF_FAST_FOR_TESTS, sodiumReady } from '../../src-main/core/crypto/sodium';
import { rendererUpdateToV2 } from '../../src-main/core/sync/renderer-update';
import { createSyncEngine, type SyncEngine } from '../../src-main/core/sync/sync-engine';
import { createVault, unlockVault, type OpenVault } from '../../src-main/core/vault/vault';
import { fromBase64 } from '../../src-renderer/shared-doc/base64';
import { DocUpdateSender } from '../../src-renderer/shared-doc/update-sender';
import type { CallOutcome } from '../../src-shared/api';
import { countingWebSocket, type ByteCounter, type NetworkSwitch } from './counting-websocket';
import { waitFor } from './stats';
import { IGNORED_ENGINE_EVENTS } from '../../tests/support/engine-events';

export const PASSPHRASE = 'harbour lantern quietly 1987 frost';

export interface BenchClient {
  dir: string;
  vault: OpenVault;
  engine: SyncEngine;
  doc: Y.Doc;
  docId: string | null;
  bytes: ByteCounter;
  open(docId: string): void;
  text(): string;
  stop(): Promise<void>;
}

/** Directories tempDir made in this thread and removeTempDirs has not removed yet. */
const madeDirs: string[] = [];

/** A new directory under `parent` (the system's temporary directory), removed by removeTempDirs. */
export function tempDir(label: string, parent = tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, `suviaz-bench-${label}-`));
  madeDirs.push(dir);
  return dir;
}

/**
 * Removes every directory tempDir made in this thread: after each scenario (whose relays and
 * clients have stopped by then) and when an editor's worker stops. A full run makes a few
 * gigabytes of vaults and relay stores, which no one needs once its figures are written.
 */
export function removeTempDirs(): void {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A client on a new vault, or (dir given) on the vault already in dir, unlocked here unless the
 * caller unlocked it already (`vault`, so that a measurement can leave the unlock out).
 */
export async function benchClient(
  relayUrl: string,
  options: {
    dir?: string;
    vault?: OpenVault;
    snapshotEvery?: number;
    doc?: Y.Doc;
    network?: NetworkSwitch;
  } = {},
): Promise<BenchClient> {
  await sodiumReady();
  const dir = options.dir ?? tempDir('vault');
  const vault =
    options.vault ??
    (options.dir
      ? await unlockVault(dir, PASSPHRASE)
      : await createVault(dir, PASSPHRASE, { kdf: KDF_FAST_FOR_TESTS }));
  const doc = options.doc ?? new Y.Doc();
  const bytes: ByteCounter = { sent: 0, received: 0 };
  const client: BenchClient = {
    dir,
    vault,
    doc,
    docId: null,
    bytes,
    engine: createSyncEngine({
      db: vault.db,
      relayUrl,
      webSocket: countingWebSocket(bytes, options.network),
      ...(options.snapshotEvery ? { tuning: { snapshotEvery: options.snapshotEvery } } : {}),
      on: {
        ...IGNORED_ENGINE_EVENTS,
        remoteUpdate: (_docId, update) => Y.applyUpdateV2(doc, update, 'remote'),
      },
    }),
    open(docId) {
      client.docId = docId;
      sender = new DocUpdateSender(docId, (id, update) =>
        client.engine.applyLocalUpdate(id, rendererUpdateToV2(fromBase64(update))).then(
          (): CallOutcome<null> => ({ ok: true, value: null }),
          (error: unknown): CallOutcome<null> => ({
            ok: false,
            error: { code: 'internal', message: String(error) },
          }),
        ),
      );
      const rows = client.engine.openDocument(docId);
      Y.transact(
        doc,
        () => rows.forEach((u) => Y.applyUpdateV2(doc, u, 'remote')),
        'remote',
        false,
      );
    },
    text: () => doc.getText('t').toString(),
    async stop() {
      await client.engine.stop();
      if (vault.db.open) vault.close();
    },
  };
  let sender: DocUpdateSender | null = null;
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') sender?.push(update);
  });
  return client;
}

const connected = (c: BenchClient) => () => c.engine.state().connection === 'connected';

/**
 * The first client creates a space and adds the others as editors, who accept; every client opens
 * it.
 */
export async function sharedSpace(clients: BenchClient[]): Promise<string> {
  const [owner, ...others] = clients;
  if (!owner) throw new Error('no clients');
  for (const c of clients) await waitFor('connection', connected(c), 30_000);
  const space = await owner.engine.createSpace('Benchmark');
  for (const other of others) {
    await owner.engine.addMember(space.id, other.engine.myDeviceCode(), 'editor');
  }
  for (const other of others) {
    // An added device sees an invitation first (protocol v3); the bench accepts it at once.
    await waitFor(
      'the invitation to appear',
      () => other.engine.listSpaces().some((s) => s.id === space.id && s.status === 'invited'),
      30_000,
    );
    await other.engine.acceptInvitation(space.id);
  }
  for (const c of clients) c.open(space.docId);
  // Wait for the genesis snapshot to be made and seen, so that edits can be sent at once.
  await waitFor(
    'the genesis snapshot',
    () => clients.every((c) => activeSnapshot(c) !== null),
    30_000,
  );
  return space.docId;
}

/** The active snapshot id the client has verified, read from its vault. */
export function activeSnapshot(c: BenchClient): string | null {
  const row = c.vault.db.prepare<[], { verifier: string }>('SELECT verifier FROM sync_docs').get();
  return (
    (JSON.parse(row?.verifier ?? '{}') as { active?: { id: string } | null }).active?.id ?? null
  );
}
