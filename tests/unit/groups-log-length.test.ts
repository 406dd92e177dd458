// A group's log as a hostile relay may serve it: past the relay's length limit an honest relay
// takes only what lets people out (docs/protocol.md, GROUP_APPEND), so a longer log holding anything
// else is refused before this device replays and indexes it again and again; a full group's members
// still leave.
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src-shared/limits';
import { sodiumReady } from '../../src-main/core/crypto/sodium';
import { extendLog, GroupVerificationError } from '../../src-main/core/groups/group-checks';
import { pagedLog, type VerifiedLog } from '../../src-main/core/sync/membership-rules';
import {
  newDevice,
  randomBytesU8,
  TestGroupLog,
  type TestDevice,
} from '../support/relay-test-client';

const MAX = LIMITS.relay.maxLogEntries;
// Ten thousand signatures made and checked: seconds, not milliseconds.
const SLOW = 120_000;

let admin: TestDevice, member: TestDevice, log: TestGroupLog;
/** A log exactly as long as the limit, and the same verified. */
let full: Uint8Array[], verified: VerifiedLog;

beforeAll(async () => {
  await sodiumReady();
  [admin, member] = [newDevice(), newDevice()];
  log = new TestGroupLog();
  full = [log.create(admin), log.accept(log.addMember(admin, member, 'editor'))];
  // The cheapest entry an admin may repeat: it changes nothing.
  while (full.length < MAX)
    full.push(log.accept(log.entry(admin, { type: 'set-policy', policy: 0 })));
  verified = extendLog(null, full, 0);
}, SLOW);

function refusal(run: () => unknown): GroupVerificationError {
  try {
    run();
  } catch (error) {
    if (error instanceof GroupVerificationError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('a log longer than the relay keeps', () => {
  it(
    'is refused when an entry past the limit lets no one out',
    async () => {
      expect(verified.entries).toHaveLength(MAX);
      const stranger = newDevice();
      const all = [...full, log.addMember(admin, stranger, 'editor')];
      // Served as a relay serves it, page by page from nothing (a device joining, or a new one).
      const served = pagedLog(null, async (fromIndex) => ({
        fromIndex,
        entries: all.slice(fromIndex, fromIndex + 256),
      }));
      await expect(served).rejects.toMatchObject({
        reason: 'invalid-log',
        message: expect.stringContaining(`entry ${MAX}: the group's membership log is full`),
      });
      // And on top of the log this device already holds.
      const more = refusal(() => extendLog(verified, [all[MAX]!], MAX));
      expect(more.reason).toBe('invalid-log');
    },
    SLOW,
  );

  it(
    'is taken when what goes past the limit lets people out, as the relay takes it',
    () => {
      const leave = log.accept(log.entry(member, { type: 'leave' }));
      const rotate = () =>
        log.entry(admin, { type: 'rotate', epochKeyCommitment: randomBytesU8(32) });
      const rotated = log.accept(rotate());
      const longer = extendLog(verified, [leave, rotated], MAX);
      expect(longer.entries).toHaveLength(MAX + 2);
      expect(longer.state.members.size).toBe(1);
      // The new epoch the leave asked for came; another is not one anybody needs.
      expect(refusal(() => extendLog(longer, [rotate()], MAX + 2)).reason).toBe('invalid-log');
    },
    SLOW,
  );
});
