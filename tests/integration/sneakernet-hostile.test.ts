// Sync-by-file bundles a hostile device makes: one of millions of entries, one whose log goes past
// the relay's length limit, thousands of lockboxes against thousands of epochs; and a removal that
// wipes, stored whole or not at all when the app stops half-way.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sodiumReady } from '../../src-main/core/crypto/sodium';
import { sealBundle } from '../../src-main/core/sneakernet/bundle-seal';
import { pendingForwards } from '../../src-main/core/sneakernet/bundle-store';
import { LIMITS } from '../../src-shared/limits';
import { fromHex } from '../../src-shared/protocol/bytes';
import { decodeLockbox, encodeLockbox } from '../../src-shared/protocol/lockbox';
import { randomBytesU8 } from '../support/relay-test-client';
import { device, signer } from '../support/test-devices';
import { client, myDeviceKey, runCleanups, storedGroup, waitFor } from '../support/sync-clients';
import {
  boxKeyOf,
  carried,
  logBuilder,
  manyEmptyEntries,
  refusal,
  sealSigned,
  signerOf,
} from '../support/sneakernet-scene';
import { heldOf, killLogWrites, wipingSpaceWithMember } from '../support/wiping-space';

// Counted, not changed: how often an import reads a lockbox.
vi.mock('../../src-shared/protocol/lockbox', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-shared/protocol/lockbox')>();
  return { ...real, decodeLockbox: vi.fn(real.decodeLockbox) };
});

afterEach(runCleanups);

describe('sync by file, against hostile bundles', () => {
  it('refuses millions of entries without reading them, from an outsider or a member', async () => {
    await sodiumReady();
    const { a, b, url } = await carried();
    const group = storedGroup(b, url);
    const count = 5_900_000; // empty entries: a 6 MB file holds this many
    // Sealing to B needs only B's public box key (in the log): the relay or a former member has it.
    // The outsider's list is not even finished: read, it would be refused only after millions of
    // entries were built; it is refused for who made it, before any of it is read.
    const outsider = device();
    const fromOutsider = sealSigned(
      manyEmptyEntries(group, outsider.signing.publicKey, count, { truncated: true }),
      boxKeyOf(b),
      signer(outsider),
    );
    await expect(b.engine.importBundle(fromOutsider)).rejects.toMatchObject({
      code: 'bundle-not-member',
    });
    // A member's signature does not make the count readable: refused before one entry is built.
    const aKey = fromHex(myDeviceKey(a));
    const fromMember = sealSigned(
      manyEmptyEntries(group, aKey, count, { truncated: false }),
      boxKeyOf(b),
      signerOf(a),
    );
    await expect(b.engine.importBundle(fromMember)).rejects.toMatchObject({
      code: 'bundle-damaged',
      message: expect.stringContaining(`${count} membership entries`),
    });
    expect(storedGroup(b, url).entries).toEqual(group.entries);
    expect(b.text()).toBe('shared ');
  });

  it("refuses a log that goes past the relay's length limit with anything but a departure", async () => {
    await sodiumReady();
    const { a, b, c, url } = await carried();
    const group = storedGroup(a, url);
    const aKey = fromHex(myDeviceKey(a));
    // A hostile admin fills the log up to the limit with entries that change nothing.
    const log = logBuilder(group, aKey, signerOf(a));
    while (log.entries.length < LIMITS.relay.maxLogEntries) {
      log.append({ type: 'set-policy', policy: group.state.policy });
    }
    const full = log.entries.length;
    const bundleOf = (entries: Uint8Array[], counter: number) =>
      sealBundle(
        {
          groupId: group.groupId,
          docId: group.docId,
          exporter: aKey,
          counter,
          createdAt: Date.now(),
          entries,
          lockboxes: [],
          docState: new Uint8Array(),
        },
        [boxKeyOf(b)],
        signerOf(a),
      );
    // Past it, an invite: the relay takes none there, nor may a bundle bring one.
    log.append({
      type: 'invite',
      inviteKey: device().signing.publicKey,
      role: 'editor',
      expiresAt: Date.now() + 86_400_000,
    });
    await expect(b.engine.importBundle(bundleOf(log.entries, 1))).rejects.toMatchObject({
      code: 'bundle-conflict',
      message: expect.stringContaining('membership log is full'),
    });
    expect(storedGroup(b, url).entries).toEqual(storedGroup(c, url).entries);
    expect(pendingForwards(b.vault.db)).toEqual([]);
    // What lets someone out still goes past it, as the relay takes it.
    log.entries.length = full;
    log.append({
      type: 'remove',
      member: fromHex(myDeviceKey(c)),
      epochKeyCommitment: randomBytesU8(32),
    });
    const result = await b.engine.importBundle(bundleOf(log.entries, 2));
    expect(result.newEntries).toBe(full + 1 - group.entries.length);
  }, 120_000); // ten thousand signatures made and checked twice: seconds

  it('keeps content and keys when the app stops while adopting the log that removes it', async () => {
    await sodiumReady();
    const { relay, admin: a, member: b, space } = await wipingSpaceWithMember();
    for (const x of [a, b]) x.open(space.docId);
    a.doc.getText('t').insert(0, 'kept until the removal is stored');
    await waitFor('B has it', () => b.text() === 'kept until the removal is stored');
    // B is away while A removes it; then the relay is gone, and only a bundle can tell B.
    const bKey = myDeviceKey(b);
    await b.stop();
    await a.engine.removeMember(space.id, bKey);
    await relay.close();
    const bAgain = await client(relay.url, b.dir);
    const removal = storedGroup(a, relay.url);
    const aKey = fromHex(myDeviceKey(a));
    const bundle = sealBundle(
      {
        groupId: removal.groupId,
        docId: removal.docId,
        exporter: aKey,
        counter: 1,
        createdAt: Date.now(),
        entries: removal.entries,
        lockboxes: [],
        docState: new Uint8Array(),
      },
      [boxKeyOf(bAgain)],
      signerOf(a),
    );
    const held = () => heldOf(bAgain, space.id);
    const before = held();
    expect(before).toEqual({ keys: expect.any(Number), docs: 1 });
    expect(before.keys).toBeGreaterThan(0);
    // The app is killed while it stores the longer log: the write never lands.
    const restart = killLogWrites(bAgain);
    expect(await refusal(bAgain.engine.importBundle(bundle))).not.toBe('accepted');
    // Still a member on the old log, so its content and keys must still be there.
    expect(storedGroup(bAgain, relay.url).status).toBe('active');
    expect(held()).toEqual(before);
    restart();
    await bAgain.engine.importBundle(bundle);
    expect(storedGroup(bAgain, relay.url)).toMatchObject({ status: 'removed', wiped: true });
    expect(held()).toEqual({ keys: 0, docs: 0 });
  });

  it('reads each carried lockbox once, however many epochs this device lacks keys for', async () => {
    await sodiumReady();
    const { a, b, url } = await carried();
    const group = storedGroup(a, url);
    const aKey = fromHex(myDeviceKey(a));
    // A log of many new epochs (each one B has no key for), and as many lockboxes as a bundle may
    // carry, none of them for B.
    const log = logBuilder(group, aKey, signerOf(a));
    for (let i = 0; i < 500; i++) {
      log.append({ type: 'rotate', epochKeyCommitment: randomBytesU8(32) });
    }
    const lockboxes = Array.from({ length: LIMITS.bundle.maxSlots }, () =>
      encodeLockbox({
        groupId: group.groupId,
        epoch: group.state.epoch + 1,
        recipient: randomBytesU8(32),
        sealed: randomBytesU8(80),
        author: aKey,
        signature: randomBytesU8(64),
      }),
    );
    const bundle = sealBundle(
      {
        groupId: group.groupId,
        docId: group.docId,
        exporter: aKey,
        counter: 1,
        createdAt: Date.now(),
        entries: log.entries,
        lockboxes,
        docState: new Uint8Array(),
      },
      [boxKeyOf(b)],
      signerOf(a),
    );
    vi.mocked(decodeLockbox).mockClear();
    const result = await b.engine.importBundle(bundle);
    expect(result.newEntries).toBe(500);
    // Not once per epoch it lacks: 500 × 4096 lockboxes would hold main for seconds.
    expect(vi.mocked(decodeLockbox).mock.calls.length).toBeLessThanOrEqual(lockboxes.length);
  });
});
