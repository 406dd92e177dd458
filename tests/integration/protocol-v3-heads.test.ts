// Protocol v3's signed heads against a relay under the test's control: one that keeps a removal
// from one writer, one that shows two members different membership logs; and the new epoch's key
// that must be in the vault before the relay hears of the epoch.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../src-shared/protocol/bytes';
import { decodeEnvelope } from '../../src-shared/protocol/envelope';
import { encodeRelayFrame } from '../../src-shared/protocol/frames';
import { decodeEntry } from '../../src-shared/protocol/membership-entry';
import { fromHex, sign } from '../../src-main/core/crypto/sodium';
import { buildEntry } from '../../src-main/core/groups/group-ops';
import { withDeviceSecretKeys } from '../../src-main/core/identity/device-identity';
import { startMaliciousRelay } from '../support/malicious-relay';
import { newDevice } from '../support/relay-test-client';
import {
  addAndAccept,
  cleanups,
  client,
  connectedAll,
  relayOn,
  myDeviceKey,
  runCleanups,
  storedGroup,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const relayDir = () => mkdtempSync(join(tmpdir(), 'suviaz-heads-'));
const me = myDeviceKey;
const warned = (c: Client, reason: string, deviceKey: string) => () =>
  c.engine.state().warnings.some((w) => w.reason === reason && w.deviceKey === deviceKey);

describe('protocol v3: a relay that keeps a removal from one writer', () => {
  it('that writer stops encrypting to the old epoch and names who saw more', async () => {
    const relay = await relayOn(relayDir());
    const proxy = await startMaliciousRelay(relay.url);
    cleanups.push(() => proxy.close());
    const alice = await client(relay.url);
    const carol = await client(relay.url);
    const bob = await client(proxy.url);
    await connectedAll([alice, bob, carol]);
    const space = await alice.engine.createSpace('Vilnius');
    await addAndAccept(alice, bob, space.id, 'editor');
    await addAndAccept(alice, carol, space.id, 'editor');
    for (const c of [alice, bob, carol]) c.open(space.docId);
    alice.doc.getText('t').insert(0, 'a');
    await waitFor('bob has it', () => bob.text() === 'a');
    const aliceKey = me(alice);
    const bobKey = me(bob);
    const removalAt = storedGroup(alice, relay.url).state.length;

    // From here the relay shows Bob the log only up to the removal, and no change notices.
    proxy.toClient = (frame, _raw, conn) => {
      if (conn.device !== bobKey) return 'pass';
      if (frame.type === 'groupChanged') return [];
      if (frame.type !== 'groupEntries') return 'pass';
      const keep = Math.max(0, removalAt - frame.fromIndex);
      return [encodeRelayFrame({ ...frame, entries: frame.entries.slice(0, keep) })];
    };
    const bobPublishes: { epoch: number; text: boolean }[] = [];
    proxy.toRelay = (frame, _raw, conn) => {
      if (conn.device === bobKey && frame.type === 'publish') {
        const header = decodeEnvelope(frame.envelope).header;
        bobPublishes.push({ epoch: header.epoch, text: header.kind === 'update' });
      }
      return 'pass';
    };
    await alice.engine.removeMember(space.id, me(carol));
    // Alice's snapshot under the new epoch names the longer log: Bob sees someone has seen more.
    await waitFor('bob names alice', warned(bob, 'log-withheld', aliceKey));
    const sentBefore = bobPublishes.length;
    bob.doc.getText('t').insert(1, ' bob after the removal');
    await waitFor('the edit is in bob’s outbox', () => (bob.last?.pending ?? 0) > 0);

    // The relay stops withholding: Bob fetches the log, and his edit goes out under epoch 1 only.
    proxy.toClient = null;
    for (const conn of proxy.connections) {
      if (conn.device === bobKey) {
        conn.inject({ type: 'groupChanged', groupId: fromHex(space.id) });
      }
    }
    await waitFor('alice has bob’s edit', () => alice.text() === 'a bob after the removal');
    const after = bobPublishes.slice(sentBefore);
    expect(after.some((p) => p.text)).toBe(true);
    expect(after.every((p) => p.epoch === 1)).toBe(true);
  });
});

describe('protocol v3: a relay that forks two members', () => {
  it('is caught when a member’s signed log head differs from mine', async () => {
    const relay = await relayOn(relayDir());
    const proxy = await startMaliciousRelay(relay.url);
    cleanups.push(() => proxy.close());
    const alice = await client(relay.url);
    const bob = await client(proxy.url);
    const dana = await client(relay.url);
    await connectedAll([alice, bob, dana]);
    const space = await alice.engine.createSpace('Coalition');
    await addAndAccept(alice, bob, space.id, 'editor');
    await addAndAccept(alice, dana, space.id, 'editor');
    await alice.engine.setRole(space.id, me(dana), 'admin');
    for (const c of [alice, bob]) c.open(space.docId);
    await waitFor(
      'bob knows dana is admin',
      () =>
        bob.engine
          .listSpaces()[0]
          ?.members.some((m) => m.role === 'admin' && !m.isMe && m.deviceKey === me(dana)) ?? false,
    );
    // The relay's fork: Dana signed another entry at the index where Alice's next one goes, and
    // the relay shows it to Bob instead of Alice's.
    const before = storedGroup(alice, relay.url).state;
    const danaKey = fromHex(me(dana));
    const other = buildEntry({
      state: before,
      author: danaKey,
      op: {
        type: 'invite',
        inviteKey: newDevice().key,
        role: 'viewer',
        expiresAt: Date.now() + 3_600_000,
      },
      sign: (m) => withDeviceSecretKeys(dana.vault.db, (k) => sign(k.signingSecretKey, m)),
      now: Date.now(),
    }).entry;
    const forkAt = before.length;
    proxy.toClient = (frame, _raw, conn) => {
      if (conn.device !== me(bob) || frame.type !== 'groupEntries') return 'pass';
      const entries = frame.entries.map((e, i) => (frame.fromIndex + i === forkAt ? other : e));
      return [encodeRelayFrame({ ...frame, entries })];
    };
    await alice.engine.createInvite(space.id, 'editor', 1);
    await waitFor('bob took the other entry', () =>
      storedGroup(bob, proxy.url).entries.some((e) => toHex(e) === toHex(other)),
    );
    expect(decodeEntry(other).index).toBe(forkAt);
    // Alice writes: her envelope names her log, which differs from Bob's at the same length.
    alice.doc.getText('t').insert(0, 'after the fork');
    await waitFor('bob sees the fork', warned(bob, 'forked-log', me(alice)));
    expect(bob.text()).not.toContain('after the fork');
  });
});

describe('protocol v3: a new epoch’s key', () => {
  it('is in the vault before the relay hears of the epoch, so a crash there loses nothing', async () => {
    const dir = relayDir();
    const relay = await relayOn(dir);
    const proxy = await startMaliciousRelay(relay.url);
    cleanups.push(() => proxy.close());
    const alice = await client(proxy.url);
    const bob = await client(relay.url);
    const carol = await client(relay.url);
    await connectedAll([alice, bob, carol]);
    const space = await alice.engine.createSpace('Minsk');
    await addAndAccept(alice, bob, space.id, 'editor');
    await addAndAccept(alice, carol, space.id, 'editor');
    // The relay takes Alice's removal and then her app dies before hearing anything back.
    let removalSent = false;
    proxy.toRelay = (frame) => {
      if (frame.type === 'groupAppend' && decodeEntry(frame.entry).op.type === 'remove') {
        removalSent = true;
      }
      return 'pass';
    };
    proxy.toClient = () => (removalSent ? [] : 'pass');
    const removal = alice.engine.removeMember(space.id, me(carol)).catch((error: unknown) => error);
    await waitFor(
      'the relay has the new epoch',
      () => storedGroup(bob, relay.url).state.epoch === 1,
    );
    // The relay has the epoch; Alice's app never heard so, and has not stored it as an epoch key.
    expect(storedGroup(alice, proxy.url).epochKeys.has(1)).toBe(false);
    await alice.stop();
    await removal;

    // She starts again (same relay address, which now passes everything).
    proxy.toClient = null;
    const restarted = await client(proxy.url, alice.dir);
    await connectedAll([restarted]);
    await waitFor('alice holds the epoch-1 key', () =>
      storedGroup(restarted, proxy.url).epochKeys.has(1),
    );
    // And Bob gets it from her app: the space goes on under the new key.
    await waitFor('bob holds it too', () => storedGroup(bob, relay.url).epochKeys.has(1));
    for (const c of [restarted, bob]) c.open(space.docId);
    restarted.doc.getText('t').insert(0, 'after the crash');
    await waitFor('bob reads it', () => bob.text() === 'after the crash');
  });
});
