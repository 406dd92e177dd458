// Checking a group as the relay hands it to us: its log replayed on what we already verified, my
// epoch key from a lockbox the log vouches for, its metadata. Pure; the caller lends `openSealed`.
import { LIMITS } from '../../../src-shared/limits';
import { bytesEqual, toHex } from '../../../src-shared/protocol/bytes';
import {
  decodeLockbox,
  lockboxSigningBytes,
  type Lockbox,
} from '../../../src-shared/protocol/lockbox';
import { logRoomProblem } from '../../../src-shared/protocol/log-room';
import { decodeEntry, type MembershipEntry } from '../../../src-shared/protocol/membership-entry';
import {
  applyEntries,
  applyEntry,
  MembershipError,
  type GroupState,
} from '../../../src-shared/protocol/membership-state';
import { owningMaps } from '../../../src-shared/protocol/state-maps';
import { verify } from '../crypto/sodium';
import {
  decryptMetadata,
  epochKeyCommitment,
  protocolCrypto,
  type GroupMetadata,
} from './group-crypto';

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
 * that does not extend ours (a fork or a rewrite) is refused, never merged, and so is a log that
 * goes past the relay's length limit with anything but what lets people out (log-room.ts).
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
    const fresh: MembershipEntry[] = [];
    served.forEach((bytes, i) => {
      const index = fromIndex + i;
      if (index < knownLength) {
        if (!bytesEqual(bytes, entries[index] ?? new Uint8Array())) {
          throw new GroupVerificationError('forked-log', `entry ${index} differs from ours`);
        }
        return;
      }
      fresh.push(decodeEntry(bytes));
      entries.push(bytes);
    });
    // In one pass: a long log (a relay may serve thousands of entries) replays in linear time.
    state = owningMaps(() => {
      const room = Math.max(0, LIMITS.relay.maxLogEntries - knownLength);
      let next = applyEntries(state, fresh.slice(0, room), protocolCrypto);
      // An honest relay takes nothing else past its limit. A longer log only a hostile or an old
      // relay serves, and this device would pay for it in every later replay and index of the log
      // (space-summary.ts, log-index.ts), which grow with its length times its members.
      for (const entry of fresh.slice(room)) {
        const full = logRoomProblem(next, entry, LIMITS.relay.maxLogEntries);
        if (full) throw new GroupVerificationError('invalid-log', `entry ${entry.index}: ${full}`);
        next = applyEntry(next, entry, protocolCrypto);
      }
      return next;
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
