// Sync engines on their own temp vaults against an in-process relay, each with a renderer-like Y.Doc
// replica of its open document: what the integration tests drive.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { startRelay, type RunningRelay } from '../../server/relay';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import type { SyncState } from '../../src-shared/api';
import { toHex } from '../../src-shared/protocol/bytes';
import { loadGroups, type StoredGroup } from '../../src-main/core/groups/group-store';
import { createSyncEngine, type SyncEngine } from '../../src-main/core/sync/sync-engine';
import type { SyncEngineOptions } from '../../src-main/core/sync/sync-engine-contract';
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
  tuning?: SyncEngineOptions['tuning'],
  webSocket?: typeof WebSocket,
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
      ...(webSocket ? { webSocket } : {}),
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
      for (const u of c.engine.openDocument(docId)) Y.applyUpdateV2(doc, u, 'remote');
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

/** A space as the client's vault holds it (the first one, unless an id is given). */
export function storedGroup(c: Client, relayUrl: string, spaceId?: string): StoredGroup {
  const groups = loadGroups(c.vault.db, relayUrl);
  const group = spaceId ? groups.find((g) => toHex(g.groupId) === spaceId) : groups[0];
  if (!group) throw new Error('no such group in the vault');
  return group;
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

/** Waits until every client is connected to its relay. */
export async function connectedAll(clients: Pick<Client, 'engine'>[]): Promise<void> {
  for (const c of clients) {
    await waitFor('connected', () => c.engine.state().connection === 'connected');
  }
}

/** This client's device key, as its first space lists it. */
export const myDeviceKey = (c: Pick<Client, 'engine'>): string =>
  c.engine.listSpaces()[0]?.members.find((m) => m.isMe)?.deviceKey ?? '';

/**
 * Adds `other` by its device code, as an admin does, and accepts the invitation on its side (an
 * added device sees an invitation, never a space that is active by itself).
 */
export async function addAndAccept(
  owner: Pick<Client, 'engine'>,
  other: Pick<Client, 'engine'>,
  spaceId: string,
  role: 'editor' | 'viewer',
): Promise<void> {
  await owner.engine.addMember(spaceId, other.engine.myDeviceCode(), role);
  await waitFor('the invitation', () =>
    other.engine.listSpaces().some((s) => s.id === spaceId && s.status === 'invited'),
  );
  await other.engine.acceptInvitation(spaceId);
}

/** A space created by the first client and shared with the others as editors, all documents open. */
export async function sharedSpace(clients: Client[]): Promise<string> {
  const [owner, ...others] = clients;
  if (!owner) throw new Error('no clients');
  for (const c of clients) await waitFor('connection', connected(c));
  const space = await owner.engine.createSpace('Campaign plan');
  for (const other of others) await addAndAccept(owner, other, space.id, 'editor');
  for (const c of clients) c.open(space.docId);
  return space.docId;
}

/** A relay on a temp folder and two clients sharing a space, its document open on both. */
export async function pairSharing(): Promise<{
  relay: RunningRelay;
  a: Client;
  b: Client;
  docId: string;
}> {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
  const [a, b] = [await client(relay.url), await client(relay.url)];
  const docId = await sharedSpace([a, b]);
  return { relay, a, b, docId };
}

/** A relay on a temp folder and one connected client with a space of its own, its document open. */
export async function aloneInSpace(
  name: string,
): Promise<{ relay: RunningRelay; c: Client; docId: string }> {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
  const c = await client(relay.url);
  await waitFor('connected', connected(c));
  const space = await c.engine.createSpace(name);
  c.open(space.docId);
  return { relay, c, docId: space.docId };
}

/**
 * Alice, Bob and Carol on `url` (each with its own tuning, if given), in a space Alice made with the
 * others as editors, its document open on each.
 */
export async function threeInSpace(
  url: string,
  tunings: (SyncEngineOptions['tuning'] | undefined)[] = [],
): Promise<{ alice: Client; bob: Client; carol: Client; space: { id: string; docId: string } }> {
  const [alice, bob, carol] = [
    await client(url, undefined, tunings[0]),
    await client(url, undefined, tunings[1]),
    await client(url, undefined, tunings[2]),
  ];
  await connectedAll([alice, bob, carol]);
  const space = await alice.engine.createSpace('Exile coalition');
  await addAndAccept(alice, bob, space.id, 'editor');
  await addAndAccept(alice, carol, space.id, 'editor');
  for (const c of [alice, bob, carol]) c.open(space.docId);
  return { alice, bob, carol, space };
}
