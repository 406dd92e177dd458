// Building and verifying what a group is made of: the membership log entries we sign, the lockboxes
// that carry epoch keys to members, and the check of a group as the relay hands it to us. Pure over
// the crypto facade; the caller lends `sign` / `openSealed` from the device's secret keys.
import { bytesEqual, toHex } from '../../../src-shared/protocol/bytes';
import { ZERO_HASH } from '../../../src-shared/protocol/envelope';
import {
  decodeLockbox,
  encodeLockbox,
  lockboxSigningBytes,
  type Lockbox,
} from '../../../src-shared/protocol/lockbox';
import {
  decodeEntry,
  encodeEntry,
  encodeEntryBody,
  entrySigningBytes,
  joinSigningBytes,
  type MembershipEntryBody,
  type MembershipOp,
} from '../../../src-shared/protocol/membership-entry';
import {
  applyEntry,
  MembershipError,
  type GroupState,
} from '../../../src-shared/protocol/membership-state';
import { ID_BYTES, type RoleName } from '../../../src-shared/protocol/wire-constants';
import { randomBytes, sealToBoxKey, verify } from '../crypto/sodium';
import type { DeviceKeys } from './device-code';
import {
  decryptMetadata,
  encryptMetadata,
  EPOCH_KEY_BYTES,
  epochKeyCommitment,
  protocolCrypto,
  type GroupMetadata,
} from './group-crypto';

export type Sign = (message: Uint8Array) => Uint8Array;
export type OpenSealed = (sealed: Uint8Array) => Uint8Array;

/** Why a group as served by the relay was refused. */
export type GroupRejection =
  | 'invalid-log'
  | 'forked-log'
  | 'no-lockbox'
  | 'lockbox-not-from-admin'
  | 'lockbox-bad-signature'
  | 'lockbox-not-for-me'
  | 'lockbox-key-mismatch'
  | 'bad-metadata';

export class GroupVerificationError extends Error {
  constructor(
    readonly reason: GroupRejection,
    detail: string,
  ) {
    super(`group refused (${reason}): ${detail}`);
    this.name = 'GroupVerificationError';
  }
}

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

/** Whether the log commits to this key for this epoch. */
export function keyMatchesCommitment(state: GroupState, epoch: number, key: Uint8Array): boolean {
  const commitment = state.epochKeyCommitments.get(epoch);
  return (
    commitment !== undefined &&
    bytesEqual(epochKeyCommitment(state.groupId, epoch, key), commitment)
  );
}

/**
 * Replays entries on top of what we already verified (null: nothing yet). A relay that serves a log
 * that does not extend ours (a fork or a rewrite) is refused, never merged.
 */
export function extendLog(
  known: { state: GroupState; entries: Uint8Array[] } | null,
  served: readonly Uint8Array[],
  fromIndex: number,
): { state: GroupState; entries: Uint8Array[] } {
  const knownLength = known?.entries.length ?? 0;
  if (fromIndex > knownLength) {
    throw new GroupVerificationError('forked-log', 'the relay skipped entries');
  }
  let state = known?.state ?? null;
  const entries = [...(known?.entries ?? [])];
  try {
    served.forEach((bytes, i) => {
      const index = fromIndex + i;
      if (index < knownLength) {
        if (!bytesEqual(bytes, entries[index] ?? new Uint8Array())) {
          throw new GroupVerificationError('forked-log', `entry ${index} differs from ours`);
        }
        return;
      }
      state = applyEntry(state, decodeEntry(bytes), protocolCrypto);
      entries.push(bytes);
    });
  } catch (error) {
    if (error instanceof GroupVerificationError) throw error;
    const reason = error instanceof MembershipError ? error.reason : 'undecodable entry';
    throw new GroupVerificationError('invalid-log', reason);
  }
  if (!state) throw new GroupVerificationError('invalid-log', 'empty log');
  return { state, entries };
}

/**
 * My epoch key for `epoch`, from a lockbox that (1) names this group and me, (2) was signed by an
 * admin of the verified log, (3) opens with my box key and (4) holds the key the log commits to.
 * (4) is what stops the relay: it can seal a key of its own to me, but not match the commitment.
 * Every admin may have sealed one for me (the relay keeps one per author, docs/protocol.md §5), and
 * one of them may be bogus on purpose: every candidate is tried and the first valid one wins. Only
 * when none is valid is the first problem thrown, for the caller to warn about.
 */
export function openMyEpochKey(options: {
  state: GroupState;
  me: Uint8Array;
  epoch: number;
  lockboxes: readonly Uint8Array[];
  openSealed: OpenSealed;
}): Uint8Array {
  const commitment = options.state.epochKeyCommitments.get(options.epoch);
  if (!commitment) throw new GroupVerificationError('invalid-log', 'no commitment for the epoch');
  let firstProblem: GroupVerificationError | null = null;
  for (const bytes of options.lockboxes) {
    let box: Lockbox;
    try {
      box = decodeLockbox(bytes);
    } catch {
      continue;
    }
    if (
      box.epoch !== options.epoch ||
      !bytesEqual(box.groupId, options.state.groupId) ||
      !bytesEqual(box.recipient, options.me)
    ) {
      continue;
    }
    try {
      return checkLockbox(options.state, box, commitment, options.openSealed);
    } catch (error) {
      if (!(error instanceof GroupVerificationError)) throw error;
      firstProblem ??= error;
    }
  }
  throw firstProblem ?? new GroupVerificationError('no-lockbox', 'no lockbox for this device');
}

function checkLockbox(
  state: GroupState,
  box: Lockbox,
  commitment: Uint8Array,
  openSealed: OpenSealed,
): Uint8Array {
  if (state.members.get(toHex(box.author))?.role !== 'admin') {
    throw new GroupVerificationError('lockbox-not-from-admin', 'lockbox author is not an admin');
  }
  if (!verify(box.author, lockboxSigningBytes(box), box.signature)) {
    throw new GroupVerificationError('lockbox-bad-signature', 'lockbox signature is invalid');
  }
  let key: Uint8Array;
  try {
    key = openSealed(box.sealed);
  } catch {
    throw new GroupVerificationError('lockbox-not-for-me', 'lockbox does not open with my key');
  }
  if (!bytesEqual(epochKeyCommitment(state.groupId, box.epoch, key), commitment)) {
    key.fill(0);
    throw new GroupVerificationError(
      'lockbox-key-mismatch',
      'the key in the lockbox is not the one the membership log commits to',
    );
  }
  return key;
}

export function readMetadata(state: GroupState, epochKey: Uint8Array): GroupMetadata {
  try {
    return decryptMetadata(epochKey, state.groupId, state.metadata);
  } catch {
    throw new GroupVerificationError('bad-metadata', 'group metadata does not decrypt');
  }
}
