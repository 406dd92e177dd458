// The malicious-relay suite: a proxy that controls everything between the clients and a real relay
// flips bits, changes headers, splices, forges, replays, drops, rolls back and omits. For each, the
// victim's engine shows a warning naming the problem and its text does not change. And a canary
// typed into a shared document appears in no relay file and no frame on the wire.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startRelay } from '../../server/relay';
import {
  decodeEnvelope,
  encodeEnvelope,
  encodeHeader,
  type Envelope,
} from '../../src-shared/protocol/envelope';
import {
  decodeRelayFrame,
  encodeRelayFrame,
  type RelayFrame,
} from '../../src-shared/protocol/frames';
import {
  generateSigningKeyPair,
  KDF_FAST_FOR_TESTS,
  randomBytes,
  sign,
} from '../../src-main/core/crypto/sodium';
import { sealEnvelope } from '../../src-main/core/sync/envelope-crypto';
import { createSyncEngine, type SyncEngine } from '../../src-main/core/sync/sync-engine';
import { createVault } from '../../src-main/core/vault/vault';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import { startMaliciousRelay, type MaliciousRelay, type Rewrite } from '../support/malicious-relay';
import { addAndAccept } from '../support/sync-clients';
import { IGNORED_ENGINE_EVENTS } from '../support/engine-events';

const PASSPHRASE = 'harbour lantern quietly 1987 frost';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Client {
  engine: SyncEngine;
  doc: Y.Doc;
  dir: string;
  docId: string | null;
  open(docId: string): void;
  text(): string;
  type(text: string): Promise<void>;
  reasons(): string[];
}

async function client(url: string, tuning?: { snapshotEvery: number }): Promise<Client> {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-evil-'));
  const vault = await createVault(dir, PASSPHRASE, { kdf: KDF_FAST_FOR_TESTS });
  const doc = new Y.Doc();
  const engine = createSyncEngine({
    db: vault.db,
    relayUrl: url,
    ...(tuning ? { tuning } : {}),
    on: {
      ...IGNORED_ENGINE_EVENTS,
      remoteUpdate: (_id, update) => Y.applyUpdateV2(doc, update, 'remote'),
    },
  });
  const c: Client = {
    engine,
    doc,
    dir,
    docId: null,
    open(docId) {
      c.docId = docId;
      for (const u of engine.openDocument(docId)) Y.applyUpdateV2(doc, u, 'remote');
    },
    text: () => doc.getText('t').toString(),
    async type(text) {
      doc.getText('t').insert(doc.getText('t').length, text);
      await waitFor('ack', () => engine.state().pending === 0);
    },
    reasons: () => engine.state().warnings.map((w) => w.reason),
  };
  doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote' && c.docId) engine.applyLocalUpdate(c.docId, update);
  });
  cleanups.push(async () => {
    await engine.stop();
    vault.close();
  });
  return c;
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Scene {
  proxy: MaliciousRelay;
  relayDir: string;
  alice: Client;
  bob: Client;
  docId: string;
  spaceId: string;
  bobKey: string;
}

/** Alice (admin) and Bob (editor, the victim) share a space, both through the proxy. */
async function scene(aliceTuning?: { snapshotEvery: number }): Promise<Scene> {
  const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-evil-relay-'));
  const relay = await startRelay({ port: 0, dataDir: relayDir, log: () => undefined });
  cleanups.push(() => relay.close());
  const proxy = await startMaliciousRelay(relay.url);
  cleanups.push(() => proxy.close());
  const alice = await client(proxy.url, aliceTuning);
  const bob = await client(proxy.url);
  for (const c of [alice, bob]) {
    await waitFor('connected', () => c.engine.state().connection === 'connected');
  }
  const space = await alice.engine.createSpace('Briefings');
  await addAndAccept(alice, bob, space.id, 'editor');
  alice.open(space.docId);
  bob.open(space.docId);
  await alice.type('hello ');
  await waitFor('Bob has it', () => bob.text() === 'hello ');
  const bobKey = bob.engine.listSpaces()[0]?.members.find((m) => m.isMe)?.deviceKey ?? '';
  return { proxy, relayDir, alice, bob, docId: space.docId, spaceId: space.id, bobKey };
}

/** Rewrites the next update DELIVER to Bob with `change`; resolves with the original envelope. */
function onNextUpdateToBob(s: Scene, change: (e: Envelope) => Rewrite): Promise<Envelope> {
  return new Promise((resolve) => {
    s.proxy.toClient = (frame, _raw, conn) => {
      if (conn.device !== s.bobKey || frame.type !== 'deliver') return 'pass';
      const envelope = decodeEnvelope(frame.envelope);
      if (envelope.header.kind !== 'update') return 'pass';
      s.proxy.toClient = null;
      resolve(envelope);
      return change(envelope);
    };
  });
}

const deliver = (seq: number, envelope: Uint8Array): Uint8Array =>
  encodeRelayFrame({ type: 'deliver', seq, envelope });

const reencode = (e: Envelope, over: Partial<Omit<Envelope, 'header'>>): Uint8Array =>
  encodeEnvelope({
    headerBytes: over.headerBytes ?? e.headerBytes,
    nonce: over.nonce ?? e.nonce,
    ciphertext: over.ciphertext ?? e.ciphertext,
    signature: over.signature ?? e.signature,
  });

/** Alice types; the proxy changes what Bob receives; Bob warns with `reason` and keeps his text. */
async function expectRefused(s: Scene, reason: string, attack: Promise<unknown>, typed: string) {
  const before = s.bob.text();
  await s.alice.type(typed);
  await attack;
  await waitFor(`a "${reason}" warning`, () => s.bob.reasons().includes(reason));
  await pause(100);
  expect(s.bob.text()).toBe(before);
  expect(s.bob.text()).not.toContain(typed);
  const warning = s.bob.engine.state().warnings.find((w) => w.reason === reason);
  expect(warning?.at).toBeGreaterThan(0);
}

describe('a malicious relay is detected', () => {
  it('tampered: a flipped ciphertext bit', async () => {
    const s = await scene();
    const attack = onNextUpdateToBob(s, (e) => {
      const ciphertext = e.ciphertext.slice();
      ciphertext[0] = (ciphertext[0] ?? 0) ^ 0x01;
      return [deliver(50, reencode(e, { ciphertext }))];
    });
    await expectRefused(s, 'tampered', attack, 'flip');
  });

  it('tampered: a changed header byte', async () => {
    const s = await scene();
    const attack = onNextUpdateToBob(s, (e) => {
      const headerBytes = encodeHeader({ ...e.header, snapshotId: randomBytes(16) });
      return [deliver(50, reencode(e, { headerBytes }))];
    });
    await expectRefused(s, 'tampered', attack, 'header');
  });

  it('tampered: a signature replaced by one from another message', async () => {
    const s = await scene();
    const earlier = onNextUpdateToBob(s, () => 'pass');
    await s.alice.type('first ');
    const first = await earlier;
    await waitFor('Bob has it', () => s.bob.text().includes('first'));
    const attack = onNextUpdateToBob(s, (e) => [
      deliver(60, reencode(e, { signature: first.signature })),
    ]);
    await expectRefused(s, 'tampered', attack, 'resigned');
  });

  it('forged: an update signed by a key that is not a writer of the group', async () => {
    const s = await scene();
    const relayKey = generateSigningKeyPair();
    const attack = onNextUpdateToBob(s, (e) => {
      const forged = sealEnvelope(
        { ...e.header, author: relayKey.publicKey, clock: 1 },
        new Uint8Array([0]),
        randomBytes(32),
        (m) => sign(relayKey.secretKey, m),
      );
      return [deliver(70, forged.bytes)];
    });
    await expectRefused(s, 'forged', attack, 'forged');
  });

  it('spliced: an envelope from another document', async () => {
    const s = await scene();
    // Alice's update to a second space Bob does not have open, captured on its way to the relay.
    const other = await s.alice.engine.createSpace('Other');
    const captured = new Promise<Uint8Array>((resolve) => {
      s.proxy.toRelay = (frame) => {
        if (frame.type === 'publish' && decodeEnvelope(frame.envelope).header.kind === 'update') {
          s.proxy.toRelay = null;
          resolve(frame.envelope);
        }
        return 'pass';
      };
    });
    s.alice.open(other.docId);
    s.alice.engine.applyLocalUpdate(
      other.docId,
      (() => {
        const d = new Y.Doc();
        d.getText('t').insert(0, 'spliced text');
        return Y.encodeStateAsUpdateV2(d);
      })(),
    );
    const envelope = await captured;
    const before = s.bob.text();
    const bobConn = s.proxy.connections.find((c) => c.device === s.bobKey);
    bobConn?.inject({ type: 'deliver', seq: 80, envelope });
    await waitFor('a spliced warning', () => s.bob.reasons().includes('spliced'));
    expect(s.bob.text()).toBe(before);
  });

  it('no alarm for a frame sent again under its own seq, as one crossing a resubscribe is', async () => {
    const s = await scene();
    // An earlier subscription's DELIVER still on the wire when the new catch-up sends it again.
    const twice = new Promise<void>((resolve) => {
      s.proxy.toClient = (frame, raw, conn) => {
        if (conn.device !== s.bobKey || frame.type !== 'deliver') return 'pass';
        s.proxy.toClient = null;
        resolve();
        return [raw, raw];
      };
    });
    const before = s.bob.text();
    await s.alice.type('once');
    await twice;
    // Frames are handled in order: once the next edit shows, the copy has been handled too.
    await s.alice.type(' more');
    await waitFor('Bob has both', () => s.bob.text() === `${before}once more`);
    expect(s.bob.reasons()).toEqual([]);
  });

  it('replayed: an update delivered twice', async () => {
    const s = await scene();
    const attack = onNextUpdateToBob(s, (e) => {
      const bytes = deliver(90, reencode(e, {}));
      return [bytes, deliver(91, reencode(e, {}))];
    });
    const before = s.bob.text();
    await s.alice.type('once');
    await attack;
    await waitFor('a replayed warning', () => s.bob.reasons().includes('replayed'));
    // The first copy is the genuine update and applies once; the replay changes nothing.
    expect(s.bob.text()).toBe(`${before}once`);
  });

  it('gap: an update dropped is noticed, nothing after it is applied, and it is fetched again', async () => {
    const s = await scene();
    const dropped = onNextUpdateToBob(s, () => []);
    await s.alice.type('dropped ');
    await dropped;
    const before = s.bob.text();
    await s.alice.type('after');
    await waitFor('a gap warning', () => s.bob.reasons().includes('gap'));
    expect(s.bob.text()).toBe(before);
    expect(s.bob.text()).not.toContain('after');
    // Bob asks the relay again from what he verified; the dropped update arrives, then the rest.
    await waitFor('bob to recover', () => s.bob.text().endsWith('dropped after'));
  });

  it('rolled-back: an older snapshot served again', async () => {
    const s = await scene({ snapshotEvery: 4 });
    // Bob's first catch-up delivered the genesis snapshot; it was captured on the wire.
    const genesis = s.proxy.captured
      .map((raw) => {
        try {
          return decodeRelayFrame(raw);
        } catch {
          return null;
        }
      })
      .find(
        (f): f is Extract<RelayFrame, { type: 'deliver' }> =>
          f?.type === 'deliver' && decodeEnvelope(f.envelope).header.kind === 'snapshot',
      );
    expect(genesis).toBeDefined();
    for (let i = 0; i < 4; i++) await s.alice.type(`${i}`);
    // Alice's new snapshot reaches Bob and becomes his active one.
    await waitFor(
      'a newer snapshot at Bob',
      () =>
        s.proxy.captured.filter((raw) => {
          try {
            const f = decodeRelayFrame(raw);
            return f.type === 'deliver' && decodeEnvelope(f.envelope).header.kind === 'snapshot';
          } catch {
            return false;
          }
        }).length >= 2,
    );
    await pause(100);
    const before = s.bob.text();
    s.proxy.connections
      .find((c) => c.device === s.bobKey)
      ?.inject({ type: 'deliver', seq: 200, envelope: genesis?.envelope ?? new Uint8Array() });
    await waitFor('a rolled-back warning', () => s.bob.reasons().includes('rolled-back'));
    expect(s.bob.text()).toBe(before);
  });

  it('omits-my-updates: a snapshot that leaves out my confirmed update', async () => {
    const s = await scene({ snapshotEvery: 3 });
    // Alice never sees Bob's update, so her next snapshot does not include it; the real relay
    // refuses that snapshot, but the proxy hands it to Bob as if it had been stored.
    s.proxy.toClient = (frame, _raw, conn) => {
      if (conn.device === s.bobKey || frame.type !== 'deliver') return 'pass';
      const { header } = decodeEnvelope(frame.envelope);
      return header.kind === 'update' && Buffer.from(header.author).toString('hex') === s.bobKey
        ? []
        : 'pass';
    };
    await s.bob.type('bob confirmed ');
    const snapshot = new Promise<Uint8Array>((resolve) => {
      s.proxy.toRelay = (frame) => {
        if (frame.type === 'publish' && decodeEnvelope(frame.envelope).header.kind === 'snapshot') {
          resolve(frame.envelope);
        }
        return 'pass';
      };
    });
    for (let i = 0; i < 3; i++) await s.alice.type(`a${i} `);
    const envelope = await snapshot;
    await waitFor('Bob has Alice’s text', () => s.bob.text().includes('a2'));
    const before = s.bob.text();
    s.proxy.connections
      .find((c) => c.device === s.bobKey)
      ?.inject({ type: 'deliver', seq: 300, envelope });
    await waitFor('an omits-my-updates warning', () =>
      s.bob.reasons().includes('omits-my-updates'),
    );
    expect(s.bob.text()).toBe(before);
  });

  it('reordered: an ACK that comes after the snapshot holding its update wedges nothing', async () => {
    // Alice compacts after every second update on the active snapshot.
    const s = await scene({ snapshotEvery: 2 });
    let held: Uint8Array | null = null;
    let snapshotToBob = false;
    s.proxy.toClient = (frame, raw, conn) => {
      if (conn.device !== s.bobKey) return 'pass';
      if (frame.type === 'ack' && !held) {
        held = raw;
        return [];
      }
      if (frame.type === 'deliver' && decodeEnvelope(frame.envelope).header.kind === 'snapshot') {
        snapshotToBob = true;
      }
      return 'pass';
    };
    // Bob's update is stored; its ACK is held back by the relay.
    s.bob.doc.getText('t').insert(s.bob.text().length, 'bob ');
    await waitFor('Bob’s ACK held', () => held !== null);
    await waitFor('Alice has Bob’s update', () => s.alice.text().includes('bob '));
    // Alice's next update makes her compact: a snapshot that holds Bob's update reaches Bob first.
    await s.alice.type('alice ');
    await waitFor('the snapshot reached Bob', () => snapshotToBob);
    const ack = held as Uint8Array | null;
    if (!ack) throw new Error('no ACK held');
    s.proxy.connections.find((c) => c.device === s.bobKey)?.inject(decodeRelayFrame(ack));
    // Bob goes on writing on the new snapshot, and nothing is refused on either side.
    s.bob.doc.getText('t').insert(s.bob.text().length, 'after ');
    await waitFor('Alice has Bob’s later edit', () => s.alice.text().includes('after '));
    expect(s.bob.reasons()).toEqual([]);
    expect(s.alice.reasons()).toEqual([]);
  });

  it('canary: text typed into a shared document is in no relay file and no frame', async () => {
    const s = await scene();
    const canary = uniqueCanary('sync-canary');
    await s.alice.type(canary);
    await waitFor('Bob has the canary', () => s.bob.text().includes(canary));
    expect(filesContaining(s.relayDir, canary)).toEqual([]);
    const needles = [canary, Buffer.from(canary, 'utf16le').toString('latin1')];
    const leaking = s.proxy.captured.filter((raw) =>
      needles.some((needle) => Buffer.from(raw).includes(Buffer.from(needle, 'latin1'))),
    );
    expect(leaking).toEqual([]);
    // The space's name travels encrypted too.
    expect(filesContaining(s.relayDir, 'Briefings')).toEqual([]);
    expect(s.alice.reasons()).toEqual([]);
    expect(s.bob.reasons()).toEqual([]);
  });
});
