// Reads a group's membership state under its lock and answers the common "may this device…" checks:
// who is a member or an admin, what of the log a device may read, and who hears of a change.
import { bytesEqual, toHex } from '../../src-shared/protocol/bytes';
import type { EnvelopeHeader } from '../../src-shared/protocol/envelope';
import { entryHashInput } from '../../src-shared/protocol/membership-entry';
import { isMember, type GroupState } from '../../src-shared/protocol/membership-state';
import { sha256 } from '../crypto';
import { refuse } from '../refusal';
import type { RelayContext } from '../relay-context';

/** Runs work under the group's lock, so no change to the group interleaves with it. */
export function withGroupLock<T>(
  ctx: RelayContext,
  groupId: Uint8Array,
  work: () => Promise<T>,
): Promise<T> {
  return ctx.locks.run(toHex(groupId), work);
}

/** The group's state; call under its lock. */
export async function existingGroup(ctx: RelayContext, groupId: Uint8Array): Promise<GroupState> {
  const state = await ctx.groups.get(groupId);
  if (!state) refuse('unknownGroup', 'no such group');
  return state;
}

export function requireMember(state: GroupState, device: Uint8Array): void {
  if (!isMember(state, device)) refuse('notMember', 'this device is not a member of the group');
}

export function requireAdmin(state: GroupState, device: Uint8Array, why: string): void {
  requireMember(state, device);
  if (state.members.get(toHex(device))?.role !== 'admin') refuse('forbidden', why);
}

/** Devices whose join waits for an admin's approval. */
export function pendingJoiners(state: GroupState): Uint8Array[] {
  const joiners: Uint8Array[] = [];
  for (const { op } of state.pending.values()) if (op.type === 'join') joiners.push(op.member);
  return joiners;
}

/** How much of a group a device may read with GROUP_FETCH. */
export interface ReadAccess {
  /** The last log index it may read, inclusive. */
  lastIndex: number;
  /** It receives its lockboxes of the epochs below this one only. */
  epochBefore: number;
}

const EVERYTHING: ReadAccess = { lastIndex: Infinity, epochBefore: Infinity };

/**
 * Members and waiting joiners read everything (a joiner must see its approval). A departed device
 * reads up to the entry that removed it, so it learns of its removal but not what came after; null
 * for everyone else.
 */
export function readAccess(state: GroupState, device: Uint8Array): ReadAccess | null {
  if (isMember(state, device)) return EVERYTHING;
  if (pendingJoiners(state).some((joiner) => bytesEqual(joiner, device))) return EVERYTHING;
  const departure = state.departed.get(toHex(device));
  return departure ? { lastIndex: departure.index, epochBefore: departure.epochFrom } : null;
}

/**
 * Who hears GROUP_CHANGED after the entry at entryIndex made the group's state `next`: its members,
 * the devices that entry removed (so a removed app learns it at once) and waiting joiners.
 */
export function changeRecipients(next: GroupState, entryIndex: number): Set<string> {
  const devices = new Set(next.members.keys());
  for (const [hex, departure] of next.departed) {
    if (departure.index === entryIndex) devices.add(hex);
  }
  for (const joiner of pendingJoiners(next)) devices.add(toHex(joiner));
  return devices;
}

/**
 * The log head an envelope names (protocol v3) must be the relay's log or a prefix of it, and no
 * older than the start of the current epoch: then every client judges the author's rights and the
 * envelope's epoch at a position the relay has too. Call under the group's lock.
 */
export async function requireKnownHead(
  ctx: RelayContext,
  state: GroupState,
  header: EnvelopeHeader,
): Promise<void> {
  const { length, head } = header.log;
  if (length > state.length) {
    refuse(
      'unknownLogHead',
      `the envelope names ${length} log entries; the relay has ${state.length}`,
    );
  }
  if (length < state.epochSince) {
    refuse('wrongEpoch', `the envelope names a log from before epoch ${state.epoch} began`);
  }
  if (length === state.length) {
    if (!bytesEqual(head, state.headHash)) refuse('unknownLogHead', 'another log head');
    return;
  }
  const [entry] = await ctx.store.groupEntries(state.groupId, length - 1, 1);
  if (!entry || !bytesEqual(sha256(entryHashInput(entry)), head)) {
    refuse('unknownLogHead', `another log entry ${length - 1}`);
  }
}

/**
 * Clients judge an author's rights at the log position its envelope names; the relay, which knows
 * only the current log, accepts a position no older than where the author's current role began.
 * (Stricter than the clients, never looser: it must not store what they refuse.)
 */
export function requireWriterAtHead(
  state: GroupState,
  device: Uint8Array,
  header: EnvelopeHeader,
): void {
  const member = state.members.get(toHex(device));
  if (!member || header.log.length < member.since) {
    refuse('forbidden', 'the envelope names a log position before the author could write');
  }
}
