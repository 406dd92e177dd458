// The relay's side of invites and removal over real sockets: INVITE_PUT and INVITE_FETCH, what a
// removed device and a waiting joiner may still read with GROUP_FETCH, and who hears GROUP_CHANGED.
import { describe, expect, it } from 'vitest';
import type { RelayFrame } from '../../src-shared/protocol/frames';
import type { MembershipOp } from '../../src-shared/protocol/membership-entry';
import {
  PolicyFlag,
  RelayError,
  type RelayErrorName,
} from '../../src-shared/protocol/wire-constants';
import { InProcessRelay } from '../support/in-process-relay';
import {
  buildLockbox,
  createGroup,
  inviteFetchSignature,
  newDevice,
  randomBytesU8,
  randomId,
  RelayTestClient,
  TestDoc,
  TestGroupLog,
  type TestDevice,
} from '../support/relay-test-client';

const relay = InProcessRelay.perTest();
const { start, connect } = relay;
const HOUR = 3_600_000;

function expectError(frame: RelayFrame, code: RelayErrorName): void {
  expect(frame).toMatchObject({ type: 'error', code: RelayError[code] });
}

/** Appends an entry that must be accepted and moves the test's log on. */
async function appendOk(client: RelayTestClient, log: TestGroupLog, entry: Uint8Array) {
  expect(await client.request({ type: 'groupAppend', entry })).toMatchObject({ type: 'ok' });
  log.accept(entry);
}

/** A connected admin with a fresh group of the given policy. */
async function adminGroup(policy = 0) {
  const admin = newDevice();
  const adminClient = await connect(admin);
  return { admin, adminClient, log: await createGroup(adminClient, admin, policy) };
}

const inviteOp = (invite: TestDevice, expiresAt = Date.now() + HOUR): MembershipOp => ({
  type: 'invite',
  inviteKey: invite.key,
  role: 'editor',
  expiresAt,
});

/** An admin's invite written to the log, with its material stored; returns the invite key. */
async function invited(
  group: Awaited<ReturnType<typeof adminGroup>>,
  options: { expiresAt?: number; material?: Uint8Array } = {},
): Promise<{ invite: TestDevice; material: Uint8Array }> {
  const { admin, adminClient, log } = group;
  const invite = newDevice();
  await appendOk(adminClient, log, log.entry(admin, inviteOp(invite, options.expiresAt)));
  const material = options.material ?? randomBytesU8(300);
  const put = { type: 'invitePut', groupId: log.groupId, inviteKey: invite.key, material } as const;
  expect(await adminClient.request(put)).toMatchObject({ type: 'ok' });
  return { invite, material };
}

/** INVITE_FETCH as `device`, proving the invite key with `signer` (the invite key by default). */
function fetchInvite(
  client: RelayTestClient,
  device: TestDevice,
  groupId: Uint8Array,
  invite: TestDevice,
  options: { signer?: TestDevice; fromIndex?: number } = {},
) {
  return client.request({
    type: 'inviteFetch',
    groupId,
    inviteKey: invite.key,
    fromIndex: options.fromIndex ?? 0,
    signature: inviteFetchSignature(options.signer ?? invite, groupId, device),
  });
}

const groupFetch = (client: RelayTestClient, groupId: Uint8Array) =>
  client.request({ type: 'groupFetch', groupId, fromIndex: 0 });

describe('relay invites', () => {
  it('gives the log and material to a device that proves the invite key, until it is used', async () => {
    await start();
    const group = await adminGroup();
    const { log, adminClient } = group;
    const { invite, material } = await invited(group);
    const joiner = newDevice();
    const joinerClient = await connect(joiner);

    expect(await fetchInvite(joinerClient, joiner, log.groupId, invite)).toEqual({
      type: 'invite',
      requestId: expect.any(Number),
      groupId: log.groupId,
      fromIndex: 0,
      entries: [expect.any(Uint8Array), expect.any(Uint8Array)],
      material,
    });
    const rest = await fetchInvite(joinerClient, joiner, log.groupId, invite, { fromIndex: 1 });
    expect(rest.type === 'invite' && rest.entries.length).toBe(1);

    // A signature by another key, or one made for another device, proves nothing.
    const wrongKey = { signer: newDevice() };
    expectError(
      await fetchInvite(joinerClient, joiner, log.groupId, invite, wrongKey),
      'badSignature',
    );
    const forOther = inviteFetchSignature(invite, log.groupId, newDevice());
    expectError(
      await joinerClient.request({
        type: 'inviteFetch',
        groupId: log.groupId,
        inviteKey: invite.key,
        fromIndex: 0,
        signature: forOther,
      }),
      'badSignature',
    );
    // An invite key the group does not know, and a group the relay does not know.
    expectError(await fetchInvite(joinerClient, joiner, log.groupId, newDevice()), 'unknownInvite');
    expectError(await fetchInvite(joinerClient, joiner, randomId(), invite), 'unknownGroup');

    // The joiner writes its join itself; then the invite is spent.
    await appendOk(joinerClient, log, log.join(invite, joiner));
    expectError(await fetchInvite(joinerClient, joiner, log.groupId, invite), 'inviteUsed');
    const again = log.join(invite, newDevice());
    expectError(await adminClient.request({ type: 'groupAppend', entry: again }), 'inviteUsed');
  });

  it('refuses a revoked invite, an expired one and one without material', async () => {
    await start();
    const group = await adminGroup();
    const { admin, adminClient, log } = group;
    const stranger = newDevice();
    const client = await connect(stranger);

    const { invite: revoked } = await invited(group);
    const revoke: MembershipOp = { type: 'revoke-invite', inviteKey: revoked.key };
    await appendOk(adminClient, log, log.entry(admin, revoke));
    expectError(await fetchInvite(client, stranger, log.groupId, revoked), 'inviteRevoked');

    // The log accepts an invite that is already past its time; only joining with it is refused.
    const { invite: expired } = await invited(group, { expiresAt: Date.now() - 1000 });
    expectError(await fetchInvite(client, stranger, log.groupId, expired), 'inviteExpired');
    const lateJoin = log.join(expired, stranger);
    expectError(await client.request({ type: 'groupAppend', entry: lateJoin }), 'inviteExpired');

    const bare = newDevice();
    await appendOk(adminClient, log, log.entry(admin, inviteOp(bare)));
    expectError(await fetchInvite(client, stranger, log.groupId, bare), 'unknownInvite');
  });

  it('takes material once, from an admin, for an invite of the group', async () => {
    await start();
    const group = await adminGroup();
    const { admin, adminClient, log } = group;
    const editor = newDevice();
    await appendOk(adminClient, log, log.addMember(admin, editor, 'editor'));
    const { invite, material } = await invited(group);
    const put = (inviteKey: Uint8Array, bytes: Uint8Array) =>
      ({ type: 'invitePut', groupId: log.groupId, inviteKey, material: bytes }) as const;

    // A retry of the same bytes is fine; other bytes for the same invite are not.
    expect(await adminClient.request(put(invite.key, material))).toMatchObject({ type: 'ok' });
    const other = put(invite.key, randomBytesU8(300));
    expectError(await adminClient.request(other), 'logConflict');

    const fresh = newDevice();
    await appendOk(adminClient, log, log.entry(admin, inviteOp(fresh)));
    const editorClient = await connect(editor);
    expectError(await editorClient.request(put(fresh.key, material)), 'forbidden');
    const strangerClient = await connect(newDevice());
    expectError(await strangerClient.request(put(fresh.key, material)), 'notMember');
    expectError(await adminClient.request(put(newDevice().key, material)), 'unknownInvite');
    expectError(
      await adminClient.request({ ...put(fresh.key, material), groupId: randomId() }),
      'unknownGroup',
    );
  });

  it('takes material for an invite that waits for a second admin', async () => {
    await start();
    const group = await adminGroup(PolicyFlag.twoAdminApproval);
    const { admin, adminClient, log } = group;
    await appendOk(adminClient, log, log.addMember(admin, newDevice(), 'admin'));
    // With two admins the invite is pending: known to the log, not yet open.
    const { invite } = await invited(group);
    const stranger = newDevice();
    const client = await connect(stranger);
    expectError(await fetchInvite(client, stranger, log.groupId, invite), 'unknownInvite');
  });
});

describe('relay access after removal', () => {
  it('tells a removed device at once and shows it the log up to its removal only', async () => {
    await start();
    const { admin, adminClient, log } = await adminGroup();
    const removed = newDevice();
    const removedClient = await connect(removed);
    await appendOk(adminClient, log, log.addMember(admin, removed, 'editor'));
    await removedClient.next('groupChanged');
    const box = buildLockbox(admin, { groupId: log.groupId, epoch: 0, recipient: removed.key });
    expect(await adminClient.request({ type: 'lockboxPut', lockbox: box })).toMatchObject({
      type: 'ok',
    });
    await removedClient.next('groupChanged');

    const remove = log.entry(admin, {
      type: 'remove',
      member: removed.key,
      epochKeyCommitment: randomBytesU8(32),
    });
    await appendOk(adminClient, log, remove);
    expect(await removedClient.next('groupChanged')).toEqual({
      type: 'groupChanged',
      groupId: log.groupId,
    });
    // What comes after the removal is none of its business, and it is not told of it.
    await appendOk(adminClient, log, log.addMember(admin, newDevice(), 'viewer'));
    expect(await groupFetch(removedClient, log.groupId)).toEqual({
      type: 'groupEntries',
      requestId: expect.any(Number),
      groupId: log.groupId,
      fromIndex: 0,
      entries: [expect.any(Uint8Array), expect.any(Uint8Array), remove],
      lockboxes: [box],
    });
    expect(removedClient.inbox.filter((f) => f.type === 'groupChanged')).toEqual([]);
    const past = await removedClient.request({
      type: 'groupFetch',
      groupId: log.groupId,
      fromIndex: 3,
    });
    expect(past).toMatchObject({ type: 'groupEntries', entries: [] });

    // Reconnecting later, it still finds the group, so it can learn of its removal.
    const later = await connect(removed);
    expect(await later.request({ type: 'listGroups' })).toMatchObject({ groupIds: [log.groupId] });
    expectError(await groupFetch(await connect(newDevice()), log.groupId), 'notMember');
  });
});

describe('relay subscriptions after removal', () => {
  it("ends a removed member's live subscription: no later update reaches it", async () => {
    await start();
    const { admin, adminClient, log } = await adminGroup();
    const removed = newDevice();
    await appendOk(adminClient, log, log.addMember(admin, removed, 'editor'));
    const doc = new TestDoc(log);
    const first = doc.snapshot(admin);
    expect(await adminClient.request({ type: 'publish', envelope: first.bytes })).toMatchObject({
      type: 'ack',
    });
    doc.commitSnapshot(first);
    const removedClient = await connect(removed);
    expect(
      await removedClient.request({
        type: 'subscribe',
        groupId: log.groupId,
        docId: doc.docId,
        afterSeq: 0,
      }),
    ).toMatchObject({ type: 'ok' });
    await removedClient.collectUntilCaughtUp();

    const remove = log.entry(admin, {
      type: 'remove',
      member: removed.key,
      epochKeyCommitment: randomBytesU8(32),
    });
    await appendOk(adminClient, log, remove);
    await removedClient.next('groupChanged');
    doc.epoch = 1;
    const after = doc.update(admin);
    expect(await adminClient.request({ type: 'publish', envelope: after.bytes })).toMatchObject({
      type: 'ack',
    });
    // The relay answers a later request in order, so anything it was going to forward came first.
    await removedClient.request({ type: 'listGroups' });
    expect(removedClient.inbox.filter((f) => f.type === 'deliver')).toEqual([]);
  });
});

describe('relay access while a join waits for approval', () => {
  it('lets the waiting joiner read the log and tells it of its approval', async () => {
    await start();
    const group = await adminGroup(PolicyFlag.joinApproval);
    const { admin, adminClient, log } = group;
    const { invite } = await invited(group);
    const joiner = newDevice();
    const joinerClient = await connect(joiner);
    await appendOk(joinerClient, log, log.join(invite, joiner));
    await joinerClient.next('groupChanged');

    const waiting = await groupFetch(joinerClient, log.groupId);
    expect(waiting.type === 'groupEntries' && waiting.entries.length).toBe(3);
    expectError(await groupFetch(await connect(newDevice()), log.groupId), 'notMember');

    await appendOk(adminClient, log, log.entry(admin, { type: 'approve', index: 2 }));
    expect(await joinerClient.next('groupChanged')).toMatchObject({ groupId: log.groupId });
    expect(await joinerClient.request({ type: 'listGroups' })).toMatchObject({
      groupIds: [log.groupId],
    });
  });
});
