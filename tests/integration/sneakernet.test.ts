// Sync by file against a real relay: A, cut off, exports a bundle; B imports it, converges and passes
// it on to the relay, where C gets it. A flipped byte, a replayed older bundle and a bundle from a
// non-member are each refused with their code, and nothing of them is applied (hostile files:
// sneakernet-hostile.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sodiumReady } from '../../src-main/core/crypto/sodium';
import { sealBundle } from '../../src-main/core/sneakernet/bundle-seal';
import { lastCounter, pendingForwards } from '../../src-main/core/sneakernet/bundle-store';
import { createSneakernet, type SneakernetDeps } from '../../src-main/core/sneakernet/sneakernet';
import { decodeBundleFile } from '../../src-shared/protocol/bundle';
import { fromHex } from '../../src-shared/protocol/bytes';
import { device, signer } from '../support/test-devices';
import {
  addAndAccept,
  client,
  relayOn,
  runCleanups,
  sharedSpace,
  storedGroup,
  waitFor,
  type Client,
} from '../support/sync-clients';
import { boxKeyOf, CARRIED, carried, refusal, signerOf } from '../support/sneakernet-scene';

afterEach(runCleanups);

describe('sync by file', () => {
  it('A exports offline, B imports and converges, and B passes it on to the relay for C', async () => {
    const { a, b, c, spaceId, restartRelay } = await carried();
    const { bytes, fileName } = a.engine.exportBundle(spaceId);
    // Neither the app, the space, the day nor the exporter's count of bundles: sticks found
    // together cannot be put in one series by their names.
    const again = a.engine.exportBundle(spaceId).fileName;
    for (const name of [fileName, again]) expect(name).toMatch(/^bundle-[0-9a-f]{8}\.bin$/);
    expect(again).not.toBe(fileName);
    // Whoever holds the stick sees no space id, and only a power of two of key slots (8 for 2).
    expect(Buffer.from(bytes).includes(Buffer.from(fromHex(spaceId)))).toBe(false);
    expect(Buffer.from(bytes).includes('suviaz')).toBe(false);
    expect(decodeBundleFile(bytes).slots).toHaveLength(8);
    await a.stop(); // A stays cut off: only the bundle can bring its words out.

    const result = await b.engine.importBundle(bytes);
    expect(result).toMatchObject({ spaceId, newContent: true, passedOn: true, newEntries: 0 });
    expect(b.text()).toBe(`shared ${CARRIED}`);
    expect(c.text()).toBe('shared ');

    await restartRelay();
    await waitFor('C gets it through B and the relay', () => c.text() === `shared ${CARRIED}`);
    await waitFor('B has sent it', () => b.engine.state().pending === 0);
    for (const x of [b, c]) expect(x.engine.state().warnings).toEqual([]);
  });

  it('brings membership entries a device missed, offered to its relay at the next connection', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await relayOn(dataDir);
    const [a, b] = [await client(relay.url), await client(relay.url)] as [Client, Client];
    await sharedSpace([a, b]);
    const spaceId = a.engine.listSpaces()[0]?.id ?? '';
    const bDir = b.dir;
    await b.stop();
    await a.engine.createInvite(spaceId, 'viewer', 7); // an entry B has not seen
    const length = storedGroup(a, relay.url).entries.length;
    await relay.close();
    const { bytes } = a.engine.exportBundle(spaceId);
    const again = await client(relay.url, bDir);
    expect(storedGroup(again, relay.url).entries.length).toBe(length - 1);
    const result = await again.engine.importBundle(bytes);
    expect(result.newEntries).toBe(1);
    expect(storedGroup(again, relay.url).entries.length).toBe(length);
    expect(again.engine.listSpaces()[0]?.invites.length).toBe(1);
    expect(pendingForwards(again.vault.db).map((f) => f.idx)).toEqual([length - 1]);
    await relayOn(dataDir, relay.port);
    // The relay has the entry already and answers OK: the queue empties without a warning.
    await waitFor('forwarded', () => pendingForwards(again.vault.db).length === 0);
    expect(again.engine.state().warnings).toEqual([]);
  });

  it('offers carried entries only to the relay of their space, never to another', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const [a, b] = [await client(relay.url), await client(relay.url)] as [Client, Client];
    await sharedSpace([a, b]);
    const spaceId = a.engine.listSpaces()[0]?.id ?? '';
    await b.stop();
    await a.engine.createInvite(spaceId, 'viewer', 7);
    const again = await client(relay.url, b.dir);
    await relay.close();
    await again.engine.importBundle(a.engine.exportBundle(spaceId).bytes);
    const queued = pendingForwards(again.vault.db);
    expect(queued).toHaveLength(1);

    // The same vault connected to another relay (the user switched): that engine holds none of
    // this relay's spaces, and must not hand their entries over.
    const asked: string[] = [];
    const otherRelay = {
      status: () => 'connected' as const,
      request: (frame: { type: string }) => {
        asked.push(frame.type);
        return Promise.resolve({ type: 'ok' as const, requestId: 1 });
      },
    };
    const sneakernetOn = (groups: Map<string, unknown>) =>
      createSneakernet({
        db: again.vault.db,
        groups,
        connection: () => otherRelay,
        warn: () => undefined,
      } as unknown as SneakernetDeps); // Only what forwarding uses.
    await sneakernetOn(new Map()).forwardPending();
    expect(asked).toEqual([]);
    expect(pendingForwards(again.vault.db)).toEqual(queued);
    // Its own relay's engine, which holds the space, sends it.
    await sneakernetOn(new Map([[spaceId, {}]])).forwardPending();
    expect(asked).toEqual(['groupAppend']);
    expect(pendingForwards(again.vault.db)).toEqual([]);
  });

  it('takes no bundle from a member whose join it has not seen, until another brings the join', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const [a, b, d] = [await client(relay.url), await client(relay.url), await client(relay.url)];
    await sharedSpace([a, b] as Client[]);
    const spaceId = a.engine.listSpaces()[0]?.id ?? '';
    await (b as Client).stop();
    // D joins through the relay while B is away; then the relay is gone for everyone.
    const invite = await a.engine.createInvite(spaceId, 'editor', 7);
    await d.engine.join(invite.link);
    const bAgain = await client(relay.url, (b as Client).dir);
    await relay.close();
    // D's own bundle is what would make D a member here: refused (a join no relay accepted, an
    // expired invite's, could be carried that way).
    expect(await refusal(bAgain.engine.importBundle(d.engine.exportBundle(spaceId).bytes))).toBe(
      'bundle-not-member',
    );
    // A's bundle brings D's join; then D's own is taken.
    await bAgain.engine.importBundle(a.engine.exportBundle(spaceId).bytes);
    expect(await refusal(bAgain.engine.importBundle(d.engine.exportBundle(spaceId).bytes))).toBe(
      'accepted',
    );
  });

  it('refuses a bundle with one flipped byte, applying nothing, and takes the intact one', async () => {
    const { a, b, spaceId } = await carried();
    const { bytes } = a.engine.exportBundle(spaceId);
    for (const at of [bytes.length - 100, Math.floor(bytes.length / 2), 10]) {
      const flipped = bytes.slice();
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      const code = await refusal(b.engine.importBundle(flipped));
      // A flip in a slot leaves the slot unopenable or the AEAD failing; elsewhere the AEAD fails.
      expect(['bundle-damaged', 'bundle-unreadable']).toContain(code);
      expect(b.text()).toBe('shared ');
    }
    const middle = bytes.slice();
    const half = Math.floor(bytes.length / 2);
    middle[half] = (middle[half] ?? 0) ^ 0x80;
    expect(await refusal(b.engine.importBundle(middle))).toBe('bundle-damaged');
    expect(b.engine.state().pending).toBe(0);
    await b.engine.importBundle(bytes);
    expect(b.text()).toBe(`shared ${CARRIED}`);
  });

  it('refuses a replayed older bundle once a newer one of that member was imported', async () => {
    const { a, b, spaceId } = await carried();
    const older = a.engine.exportBundle(spaceId).bytes;
    a.doc.getText('t').insert(a.text().length, ' and more');
    const newer = a.engine.exportBundle(spaceId).bytes;
    await b.engine.importBundle(newer);
    expect(b.text()).toBe(`shared ${CARRIED} and more`);
    const groupId = fromHex(spaceId);
    const aKey = fromHex(a.engine.listSpaces()[0]?.members.find((m) => m.isMe)?.deviceKey ?? '');
    const counter = lastCounter(b.vault.db, aKey, groupId);
    expect(await refusal(b.engine.importBundle(older))).toBe('bundle-replayed');
    expect(await refusal(b.engine.importBundle(newer))).toBe('bundle-replayed');
    expect(lastCounter(b.vault.db, aKey, groupId)).toBe(counter);
    expect(b.text()).toBe(`shared ${CARRIED} and more`);
  });

  it('takes the same bundle again when its content could not be stored the first time', async () => {
    const { a, b, spaceId } = await carried();
    const long = ' minutes of the meeting'.repeat(10_000);
    a.doc.getText('t').insert(a.text().length, long);
    const bundle = a.engine.exportBundle(spaceId).bytes;
    // B's disk is full: the vault may not grow by a page, and the text needs many.
    b.vault.db.exec('VACUUM');
    const pages = b.vault.db.pragma('page_count', { simple: true }) as number;
    b.vault.db.pragma(`max_page_count = ${pages}`);
    expect(await refusal(b.engine.importBundle(bundle))).toBe('disk-full');
    b.vault.db.pragma('max_page_count = 1073741823');
    // Not "already imported": the file is what B has of A's edits.
    await b.engine.importBundle(bundle);
    await waitFor('B has the carried text', () => b.text() === `shared ${CARRIED}${long}`);
  });

  it('takes it again for a viewer too, however often its content could not be stored', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await relayOn(dataDir);
    const [a, v] = [await client(relay.url), await client(relay.url)] as [Client, Client];
    for (const c of [a, v])
      await waitFor('connection', () => c.engine.state().connection === 'connected');
    const space = await a.engine.createSpace('Briefing room');
    await addAndAccept(a, v, space.id, 'viewer');
    for (const c of [a, v]) c.open(space.docId);
    await relay.close();
    await waitFor('offline', () => v.engine.state().connection !== 'connected');
    const long = ' minutes of the meeting'.repeat(10_000);
    a.doc.getText('t').insert(0, long);
    const bundle = a.engine.exportBundle(space.id).bytes;
    v.vault.db.exec('VACUUM');
    const pages = v.vault.db.pragma('page_count', { simple: true }) as number;
    v.vault.db.pragma(`max_page_count = ${pages}`);
    // Twice while the disk is full: the second finds the text already in memory, not on disk.
    expect(await refusal(v.engine.importBundle(bundle))).toBe('disk-full');
    expect(await refusal(v.engine.importBundle(bundle))).toBe('disk-full');
    v.vault.db.pragma('max_page_count = 1073741823');
    await v.engine.importBundle(bundle);
    expect(v.text()).toBe(long);
    expect(await refusal(v.engine.importBundle(bundle))).toBe('bundle-replayed');
  });

  it('refuses a bundle from a non-member and from a removed member, applying nothing', async () => {
    await sodiumReady();
    const { a, b, c, spaceId, url, restartRelay } = await carried();
    const group = storedGroup(b, url);
    const bBoxKey = boxKeyOf(b);
    const injected = new Y.Doc();
    injected.getText('t').insert(0, 'injected by an outsider');
    const forged = (exporter: Uint8Array, sign: (m: Uint8Array) => Uint8Array) =>
      sealBundle(
        {
          groupId: group.groupId,
          docId: group.docId,
          exporter,
          counter: 1,
          createdAt: Date.now(),
          entries: group.entries,
          lockboxes: [],
          docState: Y.encodeStateAsUpdateV2(injected),
        },
        [bBoxKey],
        sign,
      );
    // Someone who holds the file format and B's public key, but is in no log.
    const outsider = device();
    expect(
      await refusal(b.engine.importBundle(forged(outsider.signing.publicKey, signer(outsider)))),
    ).toBe('bundle-not-member');

    // C, removed by A: it still holds its keys and the old log, but B knows of the removal.
    await restartRelay();
    await waitFor('online', () => a.engine.state().connection === 'connected');
    const cKey = c.engine.listSpaces()[0]?.members.find((m) => m.isMe)?.deviceKey ?? '';
    await a.engine.removeMember(spaceId, cKey);
    await waitFor('B learns of the removal', () =>
      (b.engine.listSpaces()[0]?.members ?? []).every((m) => m.deviceKey !== cKey),
    );
    await waitFor('C learns of it', () => c.engine.listSpaces()[0]?.status === 'removed');
    expect(await refusal(Promise.resolve().then(() => c.engine.exportBundle(spaceId)))).toBe(
      'not-member',
    );
    const before = b.text();
    expect(await refusal(b.engine.importBundle(forged(fromHex(cKey), signerOf(c))))).toBe(
      'bundle-not-member',
    );
    expect(b.text()).toBe(before);
    expect(b.text()).not.toContain('injected');
  });
});
