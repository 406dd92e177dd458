// Building what a group is made of: the membership log entries we sign and the lockboxes carrying
// epoch keys to members. Pure; the caller lends `sign`. Checking a served group: group-checks.ts.
import { toHex } from '../../../src-shared/protocol/bytes';
import { ZERO_HASH } from '../../../src-shared/protocol/envelope';
import { encodeLockbox, lockboxSigningBytes } from '../../../src-shared/protocol/lockbox';
import {
  decodeEntry,
  encodeEntry,
  encodeEntryBody,
  entrySigningBytes,
  joinSigningBytes,
  type MembershipEntryBody,
  type MembershipOp,
} from '../../../src-shared/protocol/membership-entry';
import { applyEntry, type GroupState } from '../../../src-shared/protocol/membership-state';
import { ID_BYTES, type RoleName } from '../../../src-shared/protocol/wire-constants';
import { randomBytes, sealToBoxKey } from '../crypto/sodium';
import type { DeviceKeys } from './device-code';
import {
  encryptMetadata,
  EPOCH_KEY_BYTES,
  epochKeyCommitment,
  protocolCrypto,
} from './group-crypto';

export type Sign = (message: Uint8Array) => Uint8Array;

function signEntry(body: MembershipEntryBody, sign: Sign): Uint8Array {
  const bodyBytes = encodeEntryBody(body);
  return encodeEntry(bodyBytes, sign(entrySigningBytes(bodyBytes)));
}

export function makeLockbox(options: {
  groupId: Uint8Array;
  epoch: number;
  epochKey: Uint8Array;
  recipient: DeviceKeys;
  author: Uint8Array;
  sign: Sign;
}): Uint8Array {
  const body = {
    groupId: options.groupId,
    epoch: options.epoch,
    recipient: options.recipient.signingKey,
    sealed: sealToBoxKey(options.recipient.boxKey, options.epochKey),
    author: options.author,
  };
  return encodeLockbox({ ...body, signature: options.sign(lockboxSigningBytes(body)) });
}

export interface CreatedGroup {
  groupId: Uint8Array;
  docId: Uint8Array;
  epochKey: Uint8Array;
  entry: Uint8Array;
  lockbox: Uint8Array;
}

/** Index 0 of a new log: random ids and epoch-0 key, its commitment, encrypted metadata. */
export function buildCreateGroup(options: {
  me: DeviceKeys;
  name: string;
  sign: Sign;
  now: number;
  /** PolicyFlag bits; none by default. */
  policy?: number;
  /** An organisation's coalition (its group id): kept in the encrypted metadata only. */
  parent?: Uint8Array;
}): CreatedGroup {
  const groupId = randomBytes(ID_BYTES);
  const docId = randomBytes(ID_BYTES);
  const epochKey = randomBytes(EPOCH_KEY_BYTES);
  const entry = signEntry(
    {
      groupId,
      index: 0,
      prevHash: ZERO_HASH,
      author: options.me.signingKey,
      timestamp: options.now,
      op: {
        type: 'create',
        creatorBoxKey: options.me.boxKey,
        epochKeyCommitment: epochKeyCommitment(groupId, 0, epochKey),
        metadata: encryptMetadata(epochKey, groupId, {
          name: options.name,
          docId: toHex(docId),
          ...(options.parent ? { parent: toHex(options.parent) } : {}),
        }),
        policy: options.policy ?? 0,
      },
    },
    options.sign,
  );
  const lockbox = makeLockbox({
    groupId,
    epoch: 0,
    epochKey,
    recipient: options.me,
    author: options.me.signingKey,
    sign: options.sign,
  });
  return { groupId, docId, epochKey, entry, lockbox };
}

/**
 * The next entry of the log with `op`, signed by `author`, and the state it leads to. The shared
 * rules run on it before the relay sees it, so "not an admin" or "last admin" are caught here
 * (a MembershipError) with nothing sent.
 */
export function buildEntry(options: {
  state: GroupState;
  author: Uint8Array;
  op: MembershipOp;
  sign: Sign;
  now: number;
}): { entry: Uint8Array; next: GroupState } {
  const entry = signEntry(
    {
      groupId: options.state.groupId,
      index: options.state.length,
      prevHash: options.state.headHash,
      author: options.author,
      timestamp: options.now,
      op: options.op,
    },
    options.sign,
  );
  return { entry, next: applyEntry(options.state, decodeEntry(entry), protocolCrypto) };
}

/** Lockboxes carrying each of `epochKeys` to one member device. */
export function lockboxesFor(options: {
  groupId: Uint8Array;
  recipient: DeviceKeys;
  epochKeys: ReadonlyMap<number, Uint8Array>;
  me: Uint8Array;
  sign: Sign;
}): Uint8Array[] {
  return [...options.epochKeys].map(([epoch, epochKey]) =>
    makeLockbox({
      groupId: options.groupId,
      epoch,
      epochKey,
      recipient: options.recipient,
      author: options.me,
      sign: options.sign,
    }),
  );
}

/** The next entry adding `member`, and lockboxes with every epoch key I hold. */
export function buildAddMember(options: {
  state: GroupState;
  me: Uint8Array;
  member: DeviceKeys;
  role: RoleName;
  epochKeys: ReadonlyMap<number, Uint8Array>;
  sign: Sign;
  now: number;
}): { entry: Uint8Array; lockboxes: Uint8Array[] } {
  const { entry } = buildEntry({
    state: options.state,
    author: options.me,
    op: {
      type: 'add-member',
      member: options.member.signingKey,
      memberBoxKey: options.member.boxKey,
      role: options.role,
    },
    sign: options.sign,
    now: options.now,
  });
  const lockboxes = lockboxesFor({
    groupId: options.state.groupId,
    recipient: options.member,
    epochKeys: options.epochKeys,
    me: options.me,
    sign: options.sign,
  });
  return { entry, lockboxes };
}

/**
 * A remove or rotate entry starting epoch + 1 with a fresh key, and that key sealed to every member
 * who stays (never to the removed one: the relay would refuse it, and it must not have it anyway).
 */
export function buildNewEpoch(options: {
  state: GroupState;
  me: Uint8Array;
  remove: Uint8Array | null;
  sign: Sign;
  now: number;
}): {
  entry: Uint8Array;
  next: GroupState;
  epoch: number;
  epochKey: Uint8Array;
  lockboxes: Uint8Array[];
} {
  const epoch = options.state.epoch + 1;
  const epochKey = randomBytes(EPOCH_KEY_BYTES);
  const commitment = epochKeyCommitment(options.state.groupId, epoch, epochKey);
  const { entry, next } = buildEntry({
    state: options.state,
    author: options.me,
    op: options.remove
      ? { type: 'remove', member: options.remove, epochKeyCommitment: commitment }
      : { type: 'rotate', epochKeyCommitment: commitment },
    sign: options.sign,
    now: options.now,
  });
  const lockboxes = [...next.members.values()].map((member) =>
    makeLockbox({
      groupId: next.groupId,
      epoch,
      epochKey,
      recipient: { signingKey: member.key, boxKey: member.boxKey },
      author: options.me,
      sign: options.sign,
    }),
  );
  return { entry, next, epoch, epochKey, lockboxes };
}

/**
 * A join entry: signed by the one-time invite key (the log's author for joins), with the joining
 * device's own signature proving it holds the key it joins with.
 */
export function buildJoin(options: {
  state: GroupState;
  inviteKey: Uint8Array;
  signWithInvite: Sign;
  me: DeviceKeys;
  signWithDevice: Sign;
  now: number;
}): { entry: Uint8Array; next: GroupState } {
  const memberSignature = options.signWithDevice(
    joinSigningBytes(
      options.state.groupId,
      options.inviteKey,
      options.me.signingKey,
      options.me.boxKey,
    ),
  );
  return buildEntry({
    state: options.state,
    author: options.inviteKey,
    op: {
      type: 'join',
      member: options.me.signingKey,
      memberBoxKey: options.me.boxKey,
      memberSignature,
    },
    sign: options.signWithInvite,
    now: options.now,
  });
}
