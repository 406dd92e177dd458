// A group's whole life through real engines and a real relay: invite links, joining, co-editing,
// removal with a new key epoch (attacked with the removed member's keys and the relay's raw rows),
// leaving, join approval, the wipe policy, verification and the changed-key warning.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../src-shared/protocol/bytes';
import { decodeEnvelope } from '../../src-shared/protocol/envelope';
import { decodeLockbox } from '../../src-shared/protocol/lockbox';
import { fromHex, openSealedBox } from '../../src-main/core/crypto/sodium';
import { parseDeviceCode } from '../../src-main/core/groups/device-code';
import { documentKey } from '../../src-main/core/groups/group-crypto';
import { withDeviceSecretKeys } from '../../src-main/core/identity/device-identity';
import { decryptEnvelope } from '../../src-main/core/sync/envelope-crypto';
import { RELAY_DB_FILE } from '../../server/store/sqlite-store';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import { encodeRelayFrame } from '../../src-shared/protocol/frames';
import { PolicyFlag } from '../../src-shared/protocol/wire-constants';
import { startMaliciousRelay } from '../support/malicious-relay';
import { newDevice, TestGroupLog } from '../support/relay-test-client';
import {
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
  type Client,
} from '../support/sync-clients';
import { createWipingSpace, heldCount } from '../support/wiping-space';

afterEach(runCleanups);

/** A client's own device key, from the device code it would show. */
const myKey = (c: Client): string => toHex(parseDeviceCode(c.engine.myDeviceCode()).signingKey);
const spaceOf = (c: Client, id: string) => c.engine.listSpaces().find((s) => s.id === id);
const logLengthOf = (c: Client, spaceId: string): number =>
  c.vault.db
    .prepare<[Uint8Array], { n: number }>(
      'SELECT count(*) AS n FROM sync_group_entries WHERE group_id = ?',
    )
    .get(fromHex(spaceId))?.n ?? 0;
const epochKeysOf = (c: Client, spaceId: string): Map<number, Uint8Array> =>
  new Map(
    c.vault.db
      .prepare<[Uint8Array], { epoch: number; key: Uint8Array }>(
        'SELECT epoch, key FROM sync_epoch_keys WHERE group_id = ?',
      )
      .all(fromHex(spaceId))
      .map((row) => [row.epoch, new Uint8Array(row.key)]),
  );

async function relayWithClients(n: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const relay = await relayOn(dataDir);
  const clients: Client[] = [];
  for (let i = 0; i < n; i++) clients.push(await client(relay.url));
  for (const c of clients) await waitFor('connection', connected(c));
  return { dataDir, relay, clients };
}

/** `owner` invites `joiner` with a fresh link; resolves once the joiner holds the space. */
async function inviteAndJoin(
  owner: Client,
  joiner: Client,
  spaceId: string,
  role: 'editor' | 'viewer' = 'editor',
) {
  const invite = await owner.engine.createInvite(spaceId, role, 7);
  expect(invite.link.startsWith('suviaz://join#')).toBe(true);
  const joined = await joiner.engine.join(invite.link);
  expect(joined.id).toBe(spaceId);
  return { invite, joined };
}

describe('group life cycle through invites and removal', () => {
  it('invite → join → co-edit → remove: the rest converge on a new epoch the removed keys cannot open', async () => {
    const { dataDir, clients } = await relayWithClients(3);
    const [alice, bob, carol] = clients as [Client, Client, Client];
    const space = await alice.engine.createSpace('Coalition plan');
    await inviteAndJoin(alice, bob, space.id);
    await inviteAndJoin(alice, carol, space.id);
    for (const c of clients) {
      await waitFor('keys for epoch 0', () => epochKeysOf(c, space.id).has(0));
      c.open(space.docId);
    }
    alice.doc.getText('t').insert(0, 'Agenda: ');
    await waitFor('bob to see alice', () => bob.text() === 'Agenda: ');
    bob.doc.getText('t').insert(bob.text().length, 'press release. ');
    await waitFor('all three converge', () =>
      clients.every((c) => c.text() === 'Agenda: press release. '),
    );
    await waitFor('nothing pending', () => clients.every((c) => c.engine.state().pending === 0));
    expect(spaceOf(alice, space.id)?.members).toHaveLength(3);

    // What bob holds when he is removed: his epoch keys and his device's box secret key.
    const bobKeys = epochKeysOf(bob, space.id);
    const bobDevice = bob.engine.listSpaces()[0]?.members.find((m) => m.isMe)?.deviceKey ?? '';
    const bobBox = withDeviceSecretKeys(bob.vault.db, (k) => new Uint8Array(k.boxSecretKey));
    const bobBoxPublic = new Uint8Array(
      bob.vault.db
        .prepare<[], { box_public_key: Uint8Array }>('SELECT box_public_key FROM device_identity')
        .get()?.box_public_key ?? [],
    );

    const seen = await alice.engine.createInvite(space.id, 'editor', 7);
    await alice.engine.removeMember(space.id, bobDevice);
    await waitFor(
      'bob to learn he was removed',
      () => spaceOf(bob, space.id)?.status === 'removed',
    );
    // A link bob saw before his removal died with it.
    await expect(bob.engine.join(seen.link)).rejects.toMatchObject({ code: 'invite-revoked' });
    await waitFor('carol to hold the epoch-1 key', () => epochKeysOf(carol, space.id).has(1));
    expect(spaceOf(carol, space.id)?.members.map((m) => m.deviceKey)).not.toContain(bobDevice);
    // Bob keeps (read-only) what he had; the policy did not ask to wipe.
    expect(bob.text()).toBe('Agenda: press release. ');
    expect(spaceOf(bob, space.id)?.wiped).toBe(false);
    await expect(
      bob.engine.applyLocalUpdate(space.docId, new Uint8Array([0, 0])),
    ).rejects.toMatchObject({ code: 'not-member' });

    const canary = uniqueCanary('after-removal');
    alice.doc.getText('t').insert(alice.text().length, canary);
    carol.doc.getText('t').insert(0, '[draft] ');
    const expected = `[draft] Agenda: press release. ${canary}`;
    await waitFor('alice and carol converge under epoch 1', () =>
      [alice, carol].every((c) => c.text() === expected && c.engine.state().pending === 0),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bob.text()).not.toContain(canary);

    // The attack: the removed member's keys against everything the relay stored.
    const relayDb = new Database(join(dataDir, RELAY_DB_FILE), { readonly: true });
    try {
      const rows = relayDb
        .prepare<[], { envelope: Buffer }>('SELECT envelope FROM messages ORDER BY seq')
        .all();
      const envelopes = rows.map((r) => decodeEnvelope(new Uint8Array(r.envelope)));
      const afterRemoval = envelopes.filter((e) => e.header.epoch >= 1);
      // Everything after the removal is under epoch 1, starting with a snapshot of the document.
      expect(afterRemoval.length).toBeGreaterThan(0);
      expect(afterRemoval[0]?.header.kind).toBe('snapshot');
      expect([...bobKeys.keys()].every((epoch) => epoch < 1)).toBe(true);
      for (const envelope of afterRemoval) {
        for (const [epoch, key] of bobKeys) {
          const docKey = documentKey(key, fromHex(space.id), fromHex(space.docId), epoch);
          expect(decryptEnvelope(envelope, docKey)).toBeNull();
        }
      }
      // No lockbox of a later epoch opens with bob's box key.
      const lockboxes = relayDb
        .prepare<[], { lockbox: Buffer }>('SELECT lockbox FROM lockboxes')
        .all()
        .map((r) => decodeLockbox(new Uint8Array(r.lockbox)))
        .filter((box) => box.epoch >= 1);
      expect(lockboxes.length).toBe(2);
      for (const box of lockboxes) {
        expect(toHex(box.recipient)).not.toBe(bobDevice);
        expect(() => openSealedBox(bobBoxPublic, bobBox, box.sealed)).toThrow();
      }
    } finally {
      relayDb.close();
    }
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('an invite made before a new epoch still works: an admin app seals the new key to the joiner', async () => {
    const { clients } = await relayWithClients(3);
    const [alice, bob, carol] = clients as [Client, Client, Client];
    const space = await alice.engine.createSpace('Rotating');
    alice.open(space.docId);
    await inviteAndJoin(alice, bob, space.id);
    const early = await alice.engine.createInvite(space.id, 'editor', 7);
    // Bob leaves; alice's app starts epoch 1 on its own.
    await bob.engine.leave(space.id);
    await waitFor('alice to rotate', () => epochKeysOf(alice, space.id).has(1));
    alice.doc.getText('t').insert(0, 'written under epoch 1');
    await waitFor('alice saved', () => alice.engine.state().pending === 0);

    // The invite's material holds epoch 0 only; carol gets epoch 1 from alice's app.
    const joined = await carol.engine.join(early.link);
    expect(joined.status).toBe('active');
    await waitFor('carol to hold the epoch-1 key', () => epochKeysOf(carol, space.id).has(1));
    carol.open(space.docId);
    await waitFor('carol to read what was written after the removal', () =>
      carol.text().includes('written under epoch 1'),
    );
    expect(carol.engine.state().warnings).toEqual([]);
  });

  it('a used, revoked or mistyped invite is refused with a reason the user can act on', async () => {
    const { clients } = await relayWithClients(4);
    const [alice, bob, carol, dan] = clients as [Client, Client, Client, Client];
    const space = await alice.engine.createSpace('Briefings');
    const { invite } = await inviteAndJoin(alice, bob, space.id, 'viewer');
    await expect(carol.engine.join(invite.link)).rejects.toMatchObject({ code: 'invite-used' });

    const revoked = await alice.engine.createInvite(space.id, 'editor', 1);
    expect(spaceOf(alice, space.id)?.invites.map((i) => i.id)).toEqual([revoked.id]);
    await alice.engine.revokeInvite(space.id, revoked.id);
    expect(spaceOf(alice, space.id)?.invites).toEqual([]);
    await expect(carol.engine.join(revoked.link)).rejects.toMatchObject({
      code: 'invite-revoked',
    });
    await expect(dan.engine.join('suviaz://join#AAAA')).rejects.toMatchObject({
      code: 'invite-invalid',
    });
    const other = revoked.link.replace('suviaz://join#', 'suviaz://join#x');
    await expect(dan.engine.join(other)).rejects.toMatchObject({ code: 'invite-invalid' });
    // Bob joined as a viewer: the relay refuses his writes and his app says so.
    expect(spaceOf(bob, space.id)?.role).toBe('viewer');
    bob.open(space.docId);
    await expect(
      bob.engine.applyLocalUpdate(space.docId, new Uint8Array([0, 0])),
    ).rejects.toMatchObject({ code: 'not-member' });
  });

  it('with join approval the joiner waits without keys until an admin approves or declines', async () => {
    const { clients } = await relayWithClients(3);
    const [alice, bob, carol] = clients as [Client, Client, Client];
    const space = await alice.engine.createSpace('Vetted circle', {
      twoAdminApproval: false,
      joinApproval: true,
      wipeOnRemoval: false,
    });
    alice.open(space.docId);
    alice.doc.getText('t').insert(0, 'members only');
    const { joined } = await inviteAndJoin(alice, bob, space.id);
    expect(joined.status).toBe('pending');
    expect(epochKeysOf(bob, space.id).size).toBe(0);
    await waitFor(
      'alice to see the request',
      () => spaceOf(alice, space.id)?.approvals.length === 1,
    );
    const request = spaceOf(alice, space.id)?.approvals[0];
    expect(request).toMatchObject({ kind: 'join', canApprove: true, role: 'editor' });
    await alice.engine.approve(space.id, request?.index ?? -1);
    await waitFor(
      'bob to become a member with keys',
      () => spaceOf(bob, space.id)?.status === 'active' && epochKeysOf(bob, space.id).has(0),
    );
    bob.open(space.docId);
    await waitFor('bob to read the document', () => bob.text() === 'members only');

    // Carol asks too, and is turned away: she never holds a key and her app says so.
    const { joined: asked } = await inviteAndJoin(alice, carol, space.id);
    expect(asked.status).toBe('pending');
    await waitFor(
      'alice to see carol waiting',
      () => spaceOf(alice, space.id)?.approvals.length === 1,
    );
    await alice.engine.decline(space.id, spaceOf(alice, space.id)?.approvals[0]?.index ?? -1);
    await waitFor('carol to learn it', () => spaceOf(carol, space.id)?.status === 'declined');
    expect(epochKeysOf(carol, space.id).size).toBe(0);
    expect(spaceOf(alice, space.id)?.approvals).toEqual([]);
    expect(spaceOf(alice, space.id)?.members).toHaveLength(2);
  });

  it('under the two-admin rule an invite opens only after a second admin approves it', async () => {
    const { clients } = await relayWithClients(3);
    const [alice, bob, carol] = clients as [Client, Client, Client];
    const space = await alice.engine.createSpace('Two keys', {
      twoAdminApproval: true,
      joinApproval: false,
      wipeOnRemoval: false,
    });
    await inviteAndJoin(alice, bob, space.id);
    const bobDevice = spaceOf(bob, space.id)?.members.find((m) => m.isMe)?.deviceKey ?? '';
    // One admin alone acts directly; from two admins on, each change needs the other.
    await alice.engine.setRole(space.id, bobDevice, 'admin');
    await waitFor('bob to be an admin', () => spaceOf(bob, space.id)?.role === 'admin');

    const invite = await alice.engine.createInvite(space.id, 'viewer', 7);
    const pending = spaceOf(alice, space.id)?.approvals ?? [];
    expect(pending).toMatchObject([{ kind: 'invite', role: 'viewer', canApprove: false }]);
    await expect(alice.engine.approve(space.id, pending[0]?.index ?? -1)).rejects.toMatchObject({
      code: 'relay-refused',
    });
    await expect(carol.engine.join(invite.link)).rejects.toMatchObject({ code: 'invite-invalid' });

    await waitFor('bob to see the request', () =>
      Boolean(spaceOf(bob, space.id)?.approvals.some((a) => a.canApprove)),
    );
    await bob.engine.approve(space.id, pending[0]?.index ?? -1);
    const joined = await carol.engine.join(invite.link);
    expect(joined).toMatchObject({ status: 'active', role: 'viewer' });

    // Switching the rule off is itself approvable, and the other admin sees exactly what and who.
    await alice.engine.setPolicy(space.id, {
      twoAdminApproval: false,
      joinApproval: false,
      wipeOnRemoval: false,
    });
    await waitFor('bob to see the rule change', () =>
      Boolean(spaceOf(bob, space.id)?.approvals.some((a) => a.kind === 'set-policy')),
    );
    expect(spaceOf(bob, space.id)?.approvals.find((a) => a.kind === 'set-policy')).toMatchObject({
      requestedBy: myKey(alice),
      policy: { twoAdminApproval: false, joinApproval: false, wipeOnRemoval: false },
      canApprove: true,
    });
    expect(spaceOf(bob, space.id)?.policy.twoAdminApproval).toBe(true);
  });

  it('leaving makes an admin start a new epoch; the wipe policy deletes a removed copy', async () => {
    const { clients } = await relayWithClients(3);
    const [alice, bob, carol] = clients as [Client, Client, Client];
    const space = await createWipingSpace(alice);
    await inviteAndJoin(alice, bob, space.id);
    await inviteAndJoin(alice, carol, space.id);
    await bob.engine.leave(space.id);
    expect(spaceOf(bob, space.id)?.status).toBe('left');
    await waitFor('alice to rotate after bob left', () => epochKeysOf(alice, space.id).has(1));
    await waitFor('carol to get the new key', () => epochKeysOf(carol, space.id).has(1));
    expect(spaceOf(alice, space.id)?.rotationNeeded).toBe(false);

    carol.open(space.docId);
    carol.doc.getText('t').insert(0, 'carol was here');
    await waitFor('carol saved', () => carol.engine.state().pending === 0);
    const carolDevice = spaceOf(carol, space.id)?.members.find((m) => m.isMe)?.deviceKey ?? '';
    await alice.engine.removeMember(space.id, carolDevice);
    await waitFor('carol wiped', () => spaceOf(carol, space.id)?.wiped === true);
    expect(heldCount(carol, space.id)).toBe(0);
    expect(() => carol.engine.openDocument(space.docId)).toThrow();
    carol.engine.forget(space.id);
    expect(spaceOf(carol, space.id)).toBeUndefined();
  });

  it('holds edits while one who left still has the key, until an admin app starts a new one', async () => {
    const { dataDir, relay, clients } = await relayWithClients(3);
    const [alice, bob, carol] = clients as [Client, Client, Client];
    const space = await alice.engine.createSpace('Held for the new key', {
      twoAdminApproval: false,
      joinApproval: false,
      wipeOnRemoval: false,
    });
    await inviteAndJoin(alice, bob, space.id);
    await inviteAndJoin(alice, carol, space.id);
    bob.open(space.docId);
    // The only admin's app is closed when Carol leaves: nobody can start epoch 1 yet.
    await alice.stop();
    await carol.engine.leave(space.id);
    await waitFor(
      'Bob sees that Carol left',
      () => spaceOf(bob, space.id)?.rotationNeeded === true,
    );
    bob.doc.getText('t').insert(0, 'written after Carol left');
    await waitFor('Bob stored it', () => bob.engine.state().pending === 1);

    // Alice's app comes back and starts epoch 1; Bob's edit goes out then, under it.
    const back = await client(relay.url, alice.dir);
    await waitFor('a new epoch', () => epochKeysOf(back, space.id).has(1));
    await waitFor('Bob sent it', () => bob.engine.state().pending === 0);
    const relayDb = new Database(join(dataDir, RELAY_DB_FILE), { readonly: true });
    try {
      const bobs = relayDb
        .prepare<[], { envelope: Buffer }>('SELECT envelope FROM messages ORDER BY seq')
        .all()
        .map((r) => decodeEnvelope(new Uint8Array(r.envelope)).header)
        .filter((h) => toHex(h.author) === myKey(bob));
      // Nothing of Bob's under epoch 0, whose key Carol holds.
      expect(bobs.length).toBeGreaterThan(0);
      expect(bobs.map((h) => h.epoch)).toEqual(bobs.map(() => 1));
    } finally {
      relayDb.close();
    }
  });

  it('closes a demoted writer’s old log position with a snapshot naming the demotion', async () => {
    const { dataDir, clients } = await relayWithClients(2);
    const [alice, bob] = clients as [Client, Client];
    const space = await alice.engine.createSpace('Demotion', {
      twoAdminApproval: false,
      joinApproval: false,
      wipeOnRemoval: false,
    });
    await inviteAndJoin(alice, bob, space.id);
    alice.open(space.docId);
    alice.doc.getText('t').insert(0, 'before');
    await waitFor('saved', () => alice.engine.state().pending === 0);
    await alice.engine.setRole(space.id, myKey(bob), 'viewer');
    // The log holding the demotion: as long as Alice's is now.
    const demotedAt = logLengthOf(alice, space.id);
    expect(demotedAt).toBeGreaterThan(0);
    const relayDb = new Database(join(dataDir, RELAY_DB_FILE), { readonly: true });
    try {
      await waitFor('a snapshot naming the demotion', () =>
        relayDb
          .prepare<[], { envelope: Buffer }>('SELECT envelope FROM messages ORDER BY seq')
          .all()
          .map((r) => decodeEnvelope(new Uint8Array(r.envelope)).header)
          .some((h) => h.kind === 'snapshot' && h.log.length >= demotedAt),
      );
    } finally {
      relayDb.close();
    }
  });

  it('marks a safety number verified and warns when someone else claims a verified name', async () => {
    const { clients } = await relayWithClients(3);
    const [alice, bob, mallory] = clients as [Client, Client, Client];
    bob.name = 'Bob';
    // Cyrillic В and о: looks like "Bob", compares as "Bob" by its UTS #39 skeleton.
    mallory.name = 'Воb ';
    const space = await alice.engine.createSpace('Verified circle');
    await inviteAndJoin(alice, bob, space.id);
    for (const c of [alice, bob]) c.open(space.docId);
    bob.engine.setPresence(space.docId, bob.name, null);
    const bobDevice = spaceOf(bob, space.id)?.members.find((m) => m.isMe)?.deviceKey ?? '';
    await waitFor('alice to learn bob’s name', () =>
      Boolean(
        spaceOf(alice, space.id)?.members.some(
          (m) => m.deviceKey === bobDevice && m.name === 'Bob',
        ),
      ),
    );
    alice.engine.setVerified(bobDevice, true);
    expect(spaceOf(alice, space.id)?.members.find((m) => m.deviceKey === bobDevice)).toMatchObject({
      verified: true,
      keyChangedFrom: null,
    });

    await inviteAndJoin(alice, mallory, space.id);
    mallory.open(space.docId);
    mallory.engine.setPresence(space.docId, mallory.name, null);
    const malloryDevice = spaceOf(mallory, space.id)?.members.find((m) => m.isMe)?.deviceKey;
    await waitFor('the changed-key warning', () =>
      Boolean(
        spaceOf(alice, space.id)?.members.find((m) => m.deviceKey === malloryDevice)
          ?.keyChangedFrom,
      ),
    );
    const warned = spaceOf(alice, space.id)?.members.find((m) => m.deviceKey === malloryDevice);
    expect(warned?.verified).toBe(false);
    expect(warned?.keyChangedFrom?.name).toBe('Bob');
    alice.engine.setVerified(bobDevice, false);
    expect(spaceOf(alice, space.id)?.members.find((m) => m.deviceKey === bobDevice)?.verified).toBe(
      false,
    );
  });
});

describe('joining through a relay that lies about the log', () => {
  it('refuses a log of the relay’s own making, before writing anything', async () => {
    const upstream = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const proxy = await startMaliciousRelay(upstream.url);
    cleanups.push(() => proxy.close());
    const alice = await client(proxy.url);
    const bob = await client(proxy.url);
    for (const c of [alice, bob]) await waitFor('connection', connected(c));
    // With join approval the material carries no keys: the log is all the joiner has to go on.
    const space = await alice.engine.createSpace('Vetted', {
      twoAdminApproval: false,
      joinApproval: true,
      wipeOnRemoval: false,
    });
    const invite = await alice.engine.createInvite(space.id, 'editor', 7);

    // The relay swaps in a log in which its own device created the group and wrote the invite.
    const mallory = newDevice();
    let inviteKey: Uint8Array | null = null;
    const appendsFromBob: unknown[] = [];
    proxy.toRelay = (frame, _raw, conn) => {
      if (frame.type === 'inviteFetch') inviteKey = frame.inviteKey;
      if (frame.type === 'groupAppend' && conn.device === myKey(bob)) appendsFromBob.push(frame);
      return 'pass';
    };
    proxy.toClient = (frame) => {
      if (frame.type !== 'invite' || !inviteKey) return 'pass';
      const forged = new TestGroupLog(frame.groupId);
      const first = forged.create(mallory, PolicyFlag.joinApproval);
      const second = forged.accept(
        forged.entry(mallory, {
          type: 'invite',
          inviteKey,
          role: 'admin',
          expiresAt: Date.now() + 3_600_000,
        }),
      );
      return [encodeRelayFrame({ ...frame, entries: [first, second] })];
    };
    await expect(bob.engine.join(invite.link)).rejects.toMatchObject({ code: 'invite-invalid' });
    expect(appendsFromBob).toEqual([]);
    expect(spaceOf(bob, space.id)).toBeUndefined();
  });
});
