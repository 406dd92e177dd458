// What the renderer sees of a group: members with names, roles, verification and key-change
// warnings, open invites and operations waiting for approval, read from the verified log.
import type { SpaceSummary } from '../../../src-shared/api';
import { toHex } from '../../../src-shared/protocol/bytes';
import { decodeEntry } from '../../../src-shared/protocol/membership-entry';
import { applyEntry, type GroupState } from '../../../src-shared/protocol/membership-state';
import { PolicyFlag } from '../../../src-shared/protocol/wire-constants';
import { safetyNumber } from '../identity/device-identity';
import type { VerifiedDevice } from './contacts-store';
import { protocolCrypto } from './group-crypto';
import { confusableNames } from './name-skeleton';
import type { StoredGroup } from './group-store';

/** When each device became a member and each invite or pending operation was written (ms). */
export interface LogTimes {
  memberSince: Map<string, number>;
  inviteCreated: Map<string, number>;
  entryTime: Map<number, number>;
}

const timesCache = new WeakMap<GroupState, LogTimes>();

/**
 * The stored log's signatures were checked when it was received and again when the vault loaded it;
 * this pass only wants the times, so it does not pay for every Ed25519 check a third time.
 */
const REPLAY_VERIFIED = { sha256: protocolCrypto.sha256, verify: () => true };

/** One pass over the log, cached per verified state (the state object changes when the log grows). */
export function logTimes(group: StoredGroup): LogTimes {
  const cached = timesCache.get(group.state);
  if (cached) return cached;
  const times: LogTimes = {
    memberSince: new Map(),
    inviteCreated: new Map(),
    entryTime: new Map(),
  };
  let state: GroupState | null = null;
  for (const bytes of group.entries) {
    const entry = decodeEntry(bytes);
    const next: GroupState = applyEntry(state, entry, REPLAY_VERIFIED, { now: entry.timestamp });
    times.entryTime.set(entry.index, entry.timestamp);
    for (const hex of next.members.keys()) {
      if (!state?.members.has(hex)) times.memberSince.set(hex, entry.timestamp);
    }
    if (entry.op.type === 'invite')
      times.inviteCreated.set(toHex(entry.op.inviteKey), entry.timestamp);
    state = next;
  }
  timesCache.set(group.state, times);
  return times;
}

function policyOf(bits: number): SpaceSummary['policy'] {
  return {
    twoAdminApproval: (bits & PolicyFlag.twoAdminApproval) !== 0,
    joinApproval: (bits & PolicyFlag.joinApproval) !== 0,
    wipeOnRemoval: (bits & PolicyFlag.wipeOnRemoval) !== 0,
  };
}

/**
 * A member whose safety number differs from what I verified, or who claims the name of a device I
 * verified: a new device of that person, or someone pretending to be them.
 */
function keyChange(
  deviceHex: string,
  fingerprint: string,
  name: string | null,
  verified: ReadonlyMap<string, VerifiedDevice>,
  names: ReadonlyMap<string, string>,
): { name: string; fingerprint: string } | null {
  const mine = verified.get(deviceHex);
  if (mine) {
    return mine.fingerprint === fingerprint
      ? null
      : { name: mine.name ?? name ?? '', fingerprint: mine.fingerprint };
  }
  if (!name) return null;
  for (const [otherHex, other] of verified) {
    const otherName = names.get(otherHex) ?? other.name;
    if (otherHex !== deviceHex && otherName && confusableNames(otherName, name)) {
      return { name: otherName, fingerprint: other.fingerprint };
    }
  }
  return null;
}

export function spaceSummary(
  group: StoredGroup,
  view: {
    meHex: string;
    myName: string;
    names: ReadonlyMap<string, string>;
    verified: ReadonlyMap<string, VerifiedDevice>;
  },
): SpaceSummary {
  const { state } = group;
  const times = logTimes(group);
  const myRole = state.members.get(view.meHex)?.role ?? null;
  const amAdmin = myRole === 'admin' && group.status === 'active';
  const members = [...state.members.values()].map((m) => {
    const hex = toHex(m.key);
    const fingerprint = safetyNumber(m.key, m.boxKey);
    const isMe = hex === view.meHex;
    const name = isMe ? view.myName.trim() || null : (view.names.get(hex) ?? null);
    const verifiedAs = view.verified.get(hex);
    return {
      deviceKey: hex,
      role: m.role,
      fingerprint,
      isMe,
      name,
      verified: verifiedAs?.fingerprint === fingerprint,
      keyChangedFrom: isMe ? null : keyChange(hex, fingerprint, name, view.verified, view.names),
      memberSince: times.memberSince.get(hex) ?? 0,
    };
  });
  const invites = [...state.invites.values()]
    .filter((invite) => invite.status === 'open')
    .map((invite) => ({
      id: toHex(invite.key),
      role: invite.role,
      expiresAt: invite.expiresAt,
      createdAt: times.inviteCreated.get(toHex(invite.key)) ?? 0,
    }));
  const approvals = [...state.pending.values()].map((pending) => {
    const op = pending.op;
    const device =
      op.type === 'join' || op.type === 'add-member'
        ? { key: op.member, boxKey: op.memberBoxKey }
        : op.type === 'set-role' || op.type === 'remove'
          ? (state.members.get(toHex(op.member)) ?? null)
          : null;
    const role =
      op.type === 'join'
        ? pending.role
        : op.type === 'add-member' || op.type === 'set-role' || op.type === 'invite'
          ? op.role
          : null;
    const kind = op.type as SpaceSummary['approvals'][number]['kind'];
    return {
      index: pending.index,
      kind,
      deviceKey: device ? toHex(device.key) : null,
      fingerprint: device ? safetyNumber(device.key, device.boxKey) : null,
      role,
      requestedAt: times.entryTime.get(pending.index) ?? 0,
      requestedBy: op.type === 'join' ? null : toHex(pending.author),
      policy: op.type === 'set-policy' ? policyOf(op.policy) : null,
      // The two-admin rule: the admin who asked cannot approve; a join any admin may approve.
      canApprove: amAdmin && (kind === 'join' || toHex(pending.author) !== view.meHex),
    };
  });
  return {
    id: toHex(group.groupId),
    name: group.name,
    docId: toHex(group.docId),
    role: myRole ?? 'viewer',
    // Turned away before ever being a member: the store says 'removed', the person was declined.
    status:
      group.status === 'removed' && !times.memberSince.has(view.meHex) ? 'declined' : group.status,
    wiped: group.wiped,
    policy: policyOf(state.policy),
    members,
    invites,
    approvals,
    rotationNeeded: state.rotationNeeded,
    fingerprint: spaceFingerprint(state),
    waitingForKeys: group.status === 'active' && !group.epochKeys.has(state.epoch),
    // A device turned away before it ever was a member has no place in anyone's history.
    formerMembers: [...state.departed]
      .filter(([hex]) => times.memberSince.has(hex))
      .map(([hex, departure]) => ({
        deviceKey: hex,
        name: view.names.get(hex) ?? null,
        how: departure.how,
      })),
  };
}

/**
 * The space fingerprint: the log's length and 20 digits from its head hash, which commits to every
 * entry before it. Two members who read the same to each other see one history of the space.
 */
export function spaceFingerprint(state: GroupState): string {
  const groups: string[] = [];
  for (let i = 0; i < 4; i++) {
    const [a = 0, b = 0, c = 0] = state.headHash.subarray(i * 3, i * 3 + 3);
    groups.push(String(((a << 16) | (b << 8) | c) % 100000).padStart(5, '0'));
  }
  return `${state.length} · ${groups.join(' ')}`;
}
