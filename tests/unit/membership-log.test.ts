// The membership log's rules, as relay and clients both run them: valid histories are accepted and
// every kind of invalid one is refused with its reason.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateSigningKeyPair,
  type KeyPair,
  sha256,
  sodiumReady,
  verify,
} from '../../src-main/core/crypto/sodium';
import { ZERO_HASH } from '../../src-shared/protocol/envelope';
import {
  decodeEntry,
  encodeEntry,
  encodeEntryBody,
  entrySigningBytes,
  joinSigningBytes,
  type MembershipEntry,
  type MembershipOp,
} from '../../src-shared/protocol/membership-entry';
import {
  applyEntry,
  entryHash,
  MembershipError,
  replayLog,
  type GroupState,
  type ProtocolCrypto,
} from '../../src-shared/protocol/membership-state';
import { PolicyFlag } from '../../src-shared/protocol/wire-constants';
import { toHex } from '../../src-shared/protocol/bytes';
import { device, signer, type Device } from '../support/test-devices';

const crypto: ProtocolCrypto = { sha256, verify };
const GROUP = new Uint8Array(16).fill(7);
const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;

let alice: Device;
let bob: Device;
let carol: Device;
let dave: Device;
beforeAll(async () => {
  await sodiumReady();
  [alice, bob, carol, dave] = [device(), device(), device(), device()];
});

const commitment = (n: number) => new Uint8Array(32).fill(n);

/** Builds a log one signed entry at a time, the way an honest client would. */
function logBuilder() {
  const entries: MembershipEntry[] = [];
  let state: GroupState | null = null;
  const entryFor = (
    author: Uint8Array,
    sign: (m: Uint8Array) => Uint8Array,
    op: MembershipOp,
    options: { timestamp?: number; index?: number; prevHash?: Uint8Array } = {},
  ): MembershipEntry => {
    const last = entries.at(-1);
    const bodyBytes = encodeEntryBody({
      groupId: GROUP,
      index: options.index ?? entries.length,
      prevHash: options.prevHash ?? (last ? entryHash(last, crypto) : ZERO_HASH),
      author,
      timestamp: options.timestamp ?? T0,
      op,
    });
    return decodeEntry(encodeEntry(bodyBytes, sign(entrySigningBytes(bodyBytes))));
  };
  const as = (who: Device) => ({ key: who.signing.publicKey, sign: signer(who) });
  return {
    entries,
    state: () => state,
    entryFor,
    /** Signs and applies; returns the new state or throws the rejection. */
    add(who: Device, op: MembershipOp, options: Parameters<typeof entryFor>[3] = {}) {
      const { key, sign } = as(who);
      const entry = entryFor(key, sign, op, options);
      state = applyEntry(state, entry, crypto, { now: options.timestamp ?? T0 });
      entries.push(entry);
      return state;
    },
    addSignedBy(
      key: Uint8Array,
      sign: (m: Uint8Array) => Uint8Array,
      op: MembershipOp,
      timestamp = T0,
    ) {
      const entry = entryFor(key, sign, op, { timestamp });
      state = applyEntry(state, entry, crypto, { now: timestamp });
      entries.push(entry);
      return state;
    },
    /** An entry signed with a one-time invite key, as a joining device writes it. */
    addWithInvite(invite: KeyPair, op: MembershipOp, timestamp = T0) {
      return this.addSignedBy(
        invite.publicKey,
        signer({ signing: invite, box: invite }),
        op,
        timestamp,
      );
    },
    /** An admin's invite for a role, valid for an hour; returns the one-time invite key pair. */
    invite(admin: Device, role: 'admin' | 'editor' | 'viewer'): KeyPair {
      const invite = generateSigningKeyPair();
      this.add(admin, { type: 'invite', inviteKey: invite.publicKey, role, expiresAt: T0 + HOUR });
      return invite;
    },
    /** The joiner's join with this invite. */
    join(invite: KeyPair, joiner: Device, timestamp = T0) {
      return this.addWithInvite(invite, joinOp(invite.publicKey, joiner), timestamp);
    },
  };
}

const create = (who: Device, policy = 0): MembershipOp => ({
  type: 'create',
  creatorBoxKey: who.box.publicKey,
  epochKeyCommitment: commitment(0),
  metadata: new Uint8Array(8),
  policy,
});
const addMember = (who: Device, role: 'admin' | 'editor' | 'viewer'): MembershipOp => ({
  type: 'add-member',
  member: who.signing.publicKey,
  memberBoxKey: who.box.publicKey,
  role,
});

function rejection(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof MembershipError) return error.reason;
    throw error;
  }
  return 'accepted';
}

/** The join op a device makes with an invite: its keys and its own signature proving it holds them. */
function joinOp(inviteKey: Uint8Array, joiner: Device): MembershipOp {
  const proof = joinSigningBytes(GROUP, inviteKey, joiner.signing.publicKey, joiner.box.publicKey);
  return {
    type: 'join',
    member: joiner.signing.publicKey,
    memberBoxKey: joiner.box.publicKey,
    memberSignature: signer(joiner)(proof),
  };
}

describe('membership log', () => {
  it('accepts a full valid history and replays it to the same state', () => {
    const log = logBuilder();
    log.add(alice, create(alice));
    log.add(alice, addMember(bob, 'admin'));
    log.add(bob, addMember(carol, 'editor'));
    log.add(alice, { type: 'set-role', member: carol.signing.publicKey, role: 'viewer' });
    const invite = log.invite(alice, 'editor');
    log.join(invite, dave);
    log.add(alice, {
      type: 'remove',
      member: carol.signing.publicKey,
      epochKeyCommitment: commitment(1),
    });
    const state = log.add(dave, { type: 'leave' });
    expect(state.epoch).toBe(1);
    expect(state.rotationNeeded).toBe(true);
    expect([...state.members.values()].map((m) => [toHex(m.key), m.role])).toEqual([
      [toHex(alice.signing.publicKey), 'admin'],
      [toHex(bob.signing.publicKey), 'admin'],
    ]);
    // Carol's removal is entry 6 (create, add, add, set-role, invite, join, remove).
    expect(state.departed.get(toHex(carol.signing.publicKey))).toEqual({
      epochFrom: 1,
      how: 'removed',
      index: 6,
    });
    expect(state.departed.get(toHex(dave.signing.publicKey))).toEqual({
      epochFrom: 2,
      how: 'left',
      index: 7,
    });
    const rotated = log.add(bob, { type: 'rotate', epochKeyCommitment: commitment(2) });
    expect(rotated.epoch).toBe(2);
    expect(rotated.rotationNeeded).toBe(false);
    const replayed = replayLog(log.entries, crypto);
    expect(replayed.headHash).toEqual(rotated.headHash);
    expect(replayed.members.size).toBe(2);
  });

  it('refuses a bad signature, a non-admin operation, a fork, a replay and reordered entries', () => {
    const log = logBuilder();
    log.add(alice, create(alice));
    log.add(alice, addMember(bob, 'editor'));
    const state = log.state();
    // Bad signature: Carol signs an entry that names Alice as its author.
    const forged = log.entryFor(alice.signing.publicKey, signer(carol), addMember(carol, 'admin'));
    expect(rejection(() => applyEntry(state, forged, crypto))).toBe('bad-signature');
    // An editor may not add members.
    expect(rejection(() => log.add(bob, addMember(carol, 'editor')))).toBe('not-admin');
    // A stranger may not either.
    expect(rejection(() => log.add(carol, addMember(dave, 'editor')))).toBe('not-member');
    // Fork: a second entry at an index already taken.
    const fork = log.entryFor(alice.signing.publicKey, signer(alice), addMember(carol, 'viewer'), {
      index: 1,
      prevHash: entryHash(log.entries[0]!, crypto),
    });
    expect(rejection(() => applyEntry(state, fork, crypto))).toBe('wrong-index');
    // Replay of an old entry.
    expect(rejection(() => applyEntry(state, log.entries[1]!, crypto))).toBe('wrong-index');
    // Reordered: the right index but a previous hash that is not the head.
    const reordered = log.entryFor(
      alice.signing.publicKey,
      signer(alice),
      addMember(carol, 'viewer'),
      {
        prevHash: ZERO_HASH,
      },
    );
    expect(rejection(() => applyEntry(state, reordered, crypto))).toBe('wrong-previous-hash');
    expect(rejection(() => replayLog([log.entries[1]!, log.entries[0]!], crypto))).toBe(
      'wrong-index',
    );
    // And a second create.
    expect(rejection(() => log.add(alice, create(alice)))).toBe('only-first-entry-creates');
  });

  it('refuses a join with a used, expired, revoked or unknown invite, or a wrong device proof', () => {
    const log = logBuilder();
    log.add(alice, create(alice));
    const invite = log.invite(alice, 'viewer');
    log.join(invite, bob);
    // Used.
    expect(rejection(() => log.join(invite, carol))).toBe('invite-used');
    // Expired.
    const late = log.invite(alice, 'viewer');
    expect(rejection(() => log.join(late, carol, T0 + 2 * HOUR))).toBe('invite-expired');
    // Revoked.
    log.add(alice, { type: 'revoke-invite', inviteKey: late.publicKey });
    expect(rejection(() => log.join(late, carol))).toBe('invite-revoked');
    // Unknown invite key.
    const stray = generateSigningKeyPair();
    expect(rejection(() => log.join(stray, carol))).toBe('unknown-invite');
    // A join whose device proof was made by another device.
    const fresh = log.invite(alice, 'viewer');
    const stolen = {
      ...joinOp(fresh.publicKey, dave),
      member: carol.signing.publicKey,
    } as MembershipOp;
    expect(rejection(() => log.addWithInvite(fresh, stolen))).toBe('bad-member-signature');
  });

  it('revokes every open invite with a removal, and keeps a removed device from joining again', () => {
    const log = logBuilder();
    log.add(alice, create(alice));
    log.join(log.invite(alice, 'editor'), bob);
    // Bob saw this link before he was removed.
    const seen = log.invite(alice, 'editor');
    log.add(alice, {
      type: 'remove',
      member: bob.signing.publicKey,
      epochKeyCommitment: commitment(1),
    });
    expect(log.state()?.invites.get(toHex(seen.publicKey))?.status).toBe('revoked');
    expect(rejection(() => log.join(seen, bob))).toBe('invite-revoked');
    // Nor with a link made after the removal: only an admin's explicit add brings him back.
    expect(rejection(() => log.join(log.invite(alice, 'editor'), bob))).toBe('removed-member');
    expect(rejection(() => log.add(alice, addMember(bob, 'viewer')))).toBe('accepted');
  });

  it('declines a waiting join by revoking its invite; the device cannot try again', () => {
    const log = logBuilder();
    log.add(alice, create(alice, PolicyFlag.joinApproval));
    const invite = log.invite(alice, 'editor');
    log.join(invite, bob);
    expect(log.state()?.pending.size).toBe(1);
    log.add(alice, { type: 'revoke-invite', inviteKey: invite.publicKey });
    expect(log.state()?.pending.size).toBe(0);
    expect(log.state()?.members.has(toHex(bob.signing.publicKey))).toBe(false);
    expect(log.state()?.departed.get(toHex(bob.signing.publicKey))?.how).toBe('removed');
    expect(rejection(() => log.join(log.invite(alice, 'editor'), bob))).toBe('removed-member');
    // A used invite whose join went through cannot be revoked any more.
    const open = log.invite(alice, 'viewer');
    log.join(open, carol);
    log.add(alice, { type: 'approve', index: log.entries.length - 1 });
    expect(
      rejection(() => log.add(alice, { type: 'revoke-invite', inviteKey: open.publicKey })),
    ).toBe('invite-used');
  });

  it('holds a two-admin operation until a second admin approves it', () => {
    const log = logBuilder();
    log.add(alice, create(alice, PolicyFlag.twoAdminApproval));
    // With one admin, approval cannot bind (nobody could ever act).
    log.add(alice, addMember(bob, 'admin'));
    const pendingState = log.add(alice, addMember(carol, 'editor'));
    expect(pendingState.members.has(toHex(carol.signing.publicKey))).toBe(false);
    expect([...pendingState.pending.keys()]).toEqual([2]);
    // One approval by the same admin is not a second approval.
    expect(rejection(() => log.add(alice, { type: 'approve', index: 2 }))).toBe('self-approval');
    const approved = log.add(bob, { type: 'approve', index: 2 });
    expect(approved.members.get(toHex(carol.signing.publicKey))?.role).toBe('editor');
    // Approving twice does nothing more.
    expect(rejection(() => log.add(bob, { type: 'approve', index: 2 }))).toBe('not-pending');
    // A coerced admin cannot switch the rule off alone either.
    const policyChange = log.add(alice, { type: 'set-policy', policy: 0 });
    expect(policyChange.policy).toBe(PolicyFlag.twoAdminApproval);
  });

  it('holds the removal of an admin until a second admin approves it; then a new epoch is due', () => {
    const log = logBuilder();
    log.add(alice, create(alice, PolicyFlag.twoAdminApproval));
    log.add(alice, addMember(bob, 'admin'));
    log.add(alice, addMember(carol, 'admin'));
    log.add(bob, { type: 'approve', index: 2 });
    // Alice alone (coerced) cannot push Bob out and then act on her own.
    const removeBob: MembershipOp = {
      type: 'remove',
      member: bob.signing.publicKey,
      epochKeyCommitment: commitment(1),
    };
    const proposed = log.add(alice, removeBob);
    expect(proposed.members.get(toHex(bob.signing.publicKey))?.role).toBe('admin');
    expect(proposed.epoch).toBe(0);
    expect(rejection(() => log.add(alice, { type: 'approve', index: 4 }))).toBe('self-approval');
    const approved = log.add(carol, { type: 'approve', index: 4 });
    expect(approved.members.has(toHex(bob.signing.publicKey))).toBe(false);
    expect(approved.departed.get(toHex(bob.signing.publicKey))).toMatchObject({
      how: 'removed',
      epochFrom: 1,
      index: 5,
    });
    // The proposer's key may be out of reach: the next admin action starts the epoch.
    expect(approved.rotationNeeded).toBe(true);
    expect(approved.epoch).toBe(0);
    // A removed editor still goes at once: removal must stay fast where it can.
    log.add(alice, addMember(dave, 'editor'));
    log.add(carol, { type: 'approve', index: 6 });
    const editorGone = log.add(alice, {
      type: 'remove',
      member: dave.signing.publicKey,
      epochKeyCommitment: commitment(1),
    });
    expect(editorGone.members.has(toHex(dave.signing.publicKey))).toBe(false);
    expect(editorGone.epoch).toBe(1);
  });

  it('drops what a removed admin proposed, and invites still waiting, with the removal', () => {
    const log = logBuilder();
    log.add(alice, create(alice, PolicyFlag.twoAdminApproval));
    log.add(alice, addMember(bob, 'admin'));
    log.add(alice, addMember(carol, 'admin'));
    log.add(bob, { type: 'approve', index: 2 });
    // Bob proposes an invite (he holds its link) and a new editor; neither is approved yet.
    const invite = generateSigningKeyPair();
    log.add(bob, {
      type: 'invite',
      inviteKey: invite.publicKey,
      role: 'editor',
      expiresAt: T0 + HOUR,
    });
    log.add(bob, addMember(dave, 'editor'));
    expect([...(log.state()?.pending.keys() ?? [])]).toEqual([4, 5]);
    log.add(alice, {
      type: 'remove',
      member: bob.signing.publicKey,
      epochKeyCommitment: commitment(1),
    });
    const removed = log.add(carol, { type: 'approve', index: 6 });
    expect(removed.members.has(toHex(bob.signing.publicKey))).toBe(false);
    expect([...removed.pending.keys()]).toEqual([]);
    expect(rejection(() => log.add(carol, { type: 'approve', index: 4 }))).toBe('not-pending');
  });

  it('keeps a join waiting for approval when the group asks for it, and never removes the last admin', () => {
    const log = logBuilder();
    log.add(alice, create(alice, PolicyFlag.joinApproval));
    const invite = log.invite(alice, 'editor');
    const waiting = log.join(invite, bob);
    expect(waiting.members.has(toHex(bob.signing.publicKey))).toBe(false);
    const joined = log.add(alice, { type: 'approve', index: 2 });
    expect(joined.members.get(toHex(bob.signing.publicKey))?.role).toBe('editor');
    expect(rejection(() => log.add(alice, { type: 'leave' }))).toBe('last-admin');
    expect(
      rejection(() =>
        log.add(alice, { type: 'set-role', member: alice.signing.publicKey, role: 'editor' }),
      ),
    ).toBe('last-admin');
  });
});
