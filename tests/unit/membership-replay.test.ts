// Replaying a membership log in one pass (applyEntries) changes the states' maps in place for
// speed: it must end in exactly the state of applying each entry on its own, leave the state it
// started from untouched, and keep refusing what the rules refuse.
import { describe, expect, it } from 'vitest';
import { nodeProtocolCrypto } from '../../server/crypto';
import { decodeEntry } from '../../src-shared/protocol/membership-entry';
import {
  applyEntries,
  applyEntry,
  MembershipError,
  type GroupState,
} from '../../src-shared/protocol/membership-state';
import { owningMaps, trialOnCopies, writable } from '../../src-shared/protocol/state-maps';
import { PolicyFlag } from '../../src-shared/protocol/wire-constants';
import { newDevice, randomBytesU8, TestGroupLog } from '../support/relay-test-client';

const crypto = nodeProtocolCrypto;

/** A log that changes every map of the state: members, invites, pending, departed, epochs. */
function busyLog() {
  const admin = newDevice();
  const second = newDevice();
  const [ana, ben, cira] = [newDevice(), newDevice(), newDevice()];
  const [inviteA, inviteB] = [newDevice(), newDevice()];
  const log = new TestGroupLog();
  const later = Date.now() + 86_400_000;
  const entries = [
    log.create(admin),
    log.accept(log.addMember(admin, second, 'admin')),
    log.accept(log.addMember(admin, ana, 'editor')),
    log.accept(
      log.entry(admin, {
        type: 'invite',
        inviteKey: inviteA.key,
        role: 'viewer',
        expiresAt: later,
      }),
    ),
    log.accept(
      log.entry(admin, {
        type: 'invite',
        inviteKey: inviteB.key,
        role: 'editor',
        expiresAt: later,
      }),
    ),
    log.accept(log.join(inviteA, ben)),
    log.accept(log.entry(admin, { type: 'set-role', member: ben.key, role: 'editor' })),
    log.accept(
      log.entry(admin, { type: 'remove', member: ana.key, epochKeyCommitment: randomBytesU8(32) }),
    ),
    log.accept(log.entry(admin, { type: 'set-policy', policy: PolicyFlag.twoAdminApproval })),
    log.accept(log.addMember(admin, cira, 'viewer')),
    log.accept(log.entry(second, { type: 'approve', index: 9 })),
    log.accept(log.entry(admin, { type: 'rotate', epochKeyCommitment: randomBytesU8(32) })),
    // Removing an admin now waits for a second admin's approval.
    log.accept(
      log.entry(admin, {
        type: 'remove',
        member: second.key,
        epochKeyCommitment: randomBytesU8(32),
      }),
    ),
  ];
  return { admin, log, entries: entries.map(decodeEntry) };
}

/** The state as plain data, to compare states and to see whether one changed. */
function plain(state: GroupState | null) {
  return state && structuredClone({ ...state });
}

describe('membership replay in one pass', () => {
  it('ends in the state of applying each entry alone', () => {
    const { entries } = busyLog();
    let stepwise: GroupState | null = null;
    for (const entry of entries) stepwise = applyEntry(stepwise, entry, crypto);
    const batch = applyEntries(null, entries, crypto);
    expect(plain(batch)).toEqual(plain(stepwise));
    // The log did reach every map: a member left, an invite was used, approval is on.
    expect(batch?.departed.size).toBe(1);
    expect([...(batch?.invites.values() ?? [])].map((i) => i.status)).toEqual(['used', 'revoked']);
    expect(batch?.epoch).toBe(2);
    expect(batch?.pending.size).toBe(1);
    expect(batch?.members.size).toBe(4);
  });

  it('leaves the state it started from, and states taken from it, as they were', () => {
    const { entries } = busyLog();
    const start = applyEntries(null, entries.slice(0, 5), crypto);
    const before = plain(start);
    const oneMore = applyEntry(start, entries[5]!, crypto);
    const oneMoreBefore = plain(oneMore);
    applyEntries(start, entries.slice(5), crypto);
    applyEntries(oneMore, entries.slice(6), crypto);
    expect(plain(start)).toEqual(before);
    expect(plain(oneMore)).toEqual(oneMoreBefore);
  });

  it('still refuses a bad entry in the middle, and leaves its starting state unchanged', () => {
    const { log, entries } = busyLog();
    const start = applyEntries(null, entries.slice(0, 3), crypto);
    const before = plain(start);
    // A device that is no member adds someone, after two good entries.
    const stranger = newDevice();
    const bad = decodeEntry(log.addMember(stranger, newDevice(), 'viewer', 5));
    let refusal: unknown;
    try {
      applyEntries(start, [...entries.slice(3, 5), bad], crypto);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(MembershipError);
    expect((refusal as MembershipError).reason).toBe('not-member');
    expect(plain(start)).toEqual(before);
  });
});

describe('copy-on-write maps', () => {
  it('copies a map once per replay, and every time outside one', () => {
    const given = new Map([['a', 1]]);
    const inReplay = owningMaps(() => {
      const first = writable(given);
      return { first, again: writable(first) };
    });
    // Within a replay, the copy it made is its own to change again.
    expect(inReplay.first).not.toBe(given);
    expect(inReplay.again).toBe(inReplay.first);
    // Outside one, and in a trial within one, every write copies.
    expect(writable(inReplay.first)).not.toBe(inReplay.first);
    owningMaps(() => {
      const owned = writable(given);
      expect(trialOnCopies(() => writable(owned))).not.toBe(owned);
      expect(writable(owned)).toBe(owned);
    });
    expect(given).toEqual(new Map([['a', 1]]));
  });
});
