// Positions in a verified membership log: the head hash and epoch at every length, and who could
// write at each length. Envelopes name the log head their author had seen (protocol v3), so rights
// are judged at that position and a head that differs from ours at the same length shows a fork.
import { decodeEntry } from './membership-entry';
import { applyEntry, type GroupState, type ProtocolCrypto } from './membership-state';
import { bytesEqual } from './bytes';
import type { RoleName } from './wire-constants';

/** A role a device held from a log length on; null once it is no longer a member. */
interface RoleChange {
  from: number;
  role: RoleName | null;
}

export interface LogIndex {
  length: number;
  /** heads[n - 1]: the entry hash that ends a log of length n. */
  heads: readonly Uint8Array[];
  /** epochs[n - 1]: the group's epoch after n entries. */
  epochs: readonly number[];
  /** Per member (hex signing key), its role over the log, oldest first. */
  roles: ReadonlyMap<string, readonly RoleChange[]>;
}

function recordRoles(
  roles: Map<string, RoleChange[]>,
  before: GroupState | null,
  after: GroupState,
): void {
  const changed = new Set<string>([...after.members.keys(), ...(before?.members.keys() ?? [])]);
  for (const hex of changed) {
    const role = after.members.get(hex)?.role ?? null;
    const history = roles.get(hex);
    const last = history?.at(-1)?.role ?? null;
    if (history && last === role) continue;
    if (!history && role === null) continue;
    const change = { from: after.length, role };
    if (history) history.push(change);
    else roles.set(hex, [change]);
  }
}

/**
 * Indexes a log that has ALREADY been verified (entries and signatures): the replay here only
 * tracks positions, so it skips the signature checks that made the log trustworthy.
 */
export function indexVerifiedLog(
  entries: readonly Uint8Array[],
  crypto: Pick<ProtocolCrypto, 'sha256'>,
): LogIndex {
  const trusted: ProtocolCrypto = { sha256: crypto.sha256, verify: () => true };
  const heads: Uint8Array[] = [];
  const epochs: number[] = [];
  const roles = new Map<string, RoleChange[]>();
  let state: GroupState | null = null;
  for (const bytes of entries) {
    // Invite expiry was judged when the entry arrived; here only the order of events matters.
    const entry = decodeEntry(bytes);
    const next: GroupState = applyEntry(state, entry, trusted, { now: entry.timestamp });
    heads.push(next.headHash);
    epochs.push(next.epoch);
    recordRoles(roles, state, next);
    state = next;
  }
  return { length: entries.length, heads, epochs, roles };
}

/** The role `memberHex` held in the log of the given length (null: not a member then). */
export function roleAt(index: LogIndex, memberHex: string, length: number): RoleName | null {
  let role: RoleName | null = null;
  for (const change of index.roles.get(memberHex) ?? []) {
    if (change.from > length) break;
    role = change.role;
  }
  return role;
}

export function canWriteAt(index: LogIndex, memberHex: string, length: number): boolean {
  const role = roleAt(index, memberHex, length);
  return role === 'admin' || role === 'editor';
}

export type HeadCheck = 'same' | 'ahead' | 'forked';

/** How a head someone signed relates to my log: a prefix of it, longer than it, or another history. */
export function compareHead(index: LogIndex, length: number, head: Uint8Array): HeadCheck {
  if (length > index.length) return 'ahead';
  const mine = index.heads[length - 1];
  return mine && bytesEqual(mine, head) ? 'same' : 'forked';
}

export function epochAt(index: LogIndex, length: number): number | null {
  return index.epochs[length - 1] ?? null;
}
