// A group's membership side against its quotas: lockboxes count in the group's bytes (with a
// reserve documents cannot use), and the membership log has a length limit past which only leaving
// and removals are taken, so a group made by strangers cannot grow the relay without bound and a
// full group can still let people out and hand out a new key.
import { describe, expect, it } from 'vitest';
import { decodeLockbox } from '../../src-shared/protocol/lockbox';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { InProcessRelay } from '../support/in-process-relay';
import {
  buildLockbox,
  createGroup,
  newDevice,
  randomBytesU8,
  randomId,
  TestDoc,
  type RelayTestClient,
  type TestDevice,
  type TestGroupLog,
} from '../support/relay-test-client';

const relay = InProcessRelay.perTest();
const { start, connect } = relay;

async function append(client: RelayTestClient, log: TestGroupLog, entry: Uint8Array) {
  const reply = await client.request({ type: 'groupAppend', entry });
  if (reply.type === 'ok') log.accept(entry);
  return reply;
}

async function appendMember(client: RelayTestClient, log: TestGroupLog, admin: TestDevice) {
  const member = newDevice();
  const entry = log.addMember(admin, member, 'editor');
  return { member, entry, reply: await append(client, log, entry) };
}

const lockboxOf = (admin: TestDevice, groupId: Uint8Array, recipient: TestDevice) =>
  buildLockbox(admin, { groupId, epoch: 0, recipient: recipient.key, sealed: randomBytesU8(200) });

describe('relay group quotas', () => {
  it('counts lockboxes in the group bytes, within a reserve that documents cannot use', async () => {
    const admin = newDevice();
    const lockboxBytes = lockboxOf(admin, randomId(), admin).length;
    // A group with no storage of its own (as if its documents had filled it), and room for two
    // and a half lockboxes past it.
    await start({ bytesPerGroup: 1, lockboxReserveBytes: Math.floor(lockboxBytes * 2.5) });
    const client = await connect(admin);
    const log = await createGroup(client, admin);
    const members: TestDevice[] = [];
    for (let i = 0; i < 4; i++) members.push((await appendMember(client, log, admin)).member);

    // A document cannot use the reserve.
    const snapshot = new TestDoc(log).snapshot(admin, { ciphertext: randomBytesU8(64) });
    expect(await client.request({ type: 'publish', envelope: snapshot.bytes })).toMatchObject({
      code: RelayError.quotaBytes,
    });

    // The admin can still hand out keys: two lockboxes fit in the reserve, the rest do not.
    const answers = [];
    for (const member of members) {
      const lockbox = lockboxOf(admin, log.groupId, member);
      answers.push(await client.request({ type: 'lockboxPut', lockbox }));
    }
    expect(answers.map((a) => a.type)).toEqual(['ok', 'ok', 'error', 'error']);
    expect(answers[2]).toMatchObject({ code: RelayError.quotaBytes });

    // A refused lockbox was not stored: its recipient finds none, an accepted one's finds its own.
    const fetchBoxes = async (member: TestDevice) => {
      const member_ = await connect(member);
      const reply = await member_.request({
        type: 'groupFetch',
        groupId: log.groupId,
        fromIndex: 0,
      });
      return reply.type === 'groupEntries' ? reply.lockboxes.map((b) => decodeLockbox(b)) : null;
    };
    expect(await fetchBoxes(members[2] as TestDevice)).toEqual([]);
    expect((await fetchBoxes(members[0] as TestDevice))?.map((b) => b.epoch)).toEqual([0]);
  });

  it('takes only leaving and removals past the log limit, so a full log keeps no one in', async () => {
    await start({ maxLogEntries: 4 });
    const admin = newDevice();
    const client = await connect(admin);
    const log = await createGroup(client, admin);
    const stored = [];
    for (let i = 0; i < 3; i++) stored.push(await appendMember(client, log, admin));
    expect(stored.map((s) => s.reply.type)).toEqual(['ok', 'ok', 'ok']);
    expect(log.length).toBe(4);

    // No one more comes in.
    const over = await appendMember(client, log, admin);
    expect(over.reply).toMatchObject({ type: 'error', code: RelayError.invalidEntry });
    expect((over.reply as { message: string }).message).toContain('full (4 entries)');
    // A client that lost the OK of the last stored entry may send it again and is answered OK.
    expect((await client.request({ type: 'groupAppend', entry: stored[2]!.entry })).type).toBe(
      'ok',
    );

    // A member still leaves, and the admin starts the new epoch the leave asks for, once.
    const leaver = stored[0]!.member;
    const leaverClient = await connect(leaver);
    expect((await append(leaverClient, log, log.entry(leaver, { type: 'leave' }))).type).toBe('ok');
    const rotate = () =>
      log.entry(admin, { type: 'rotate', epochKeyCommitment: randomBytesU8(32) });
    expect((await append(client, log, rotate())).type).toBe('ok');
    expect(await append(client, log, rotate())).toMatchObject({ code: RelayError.invalidEntry });
    // And an admin still removes someone.
    const removal = log.entry(admin, {
      type: 'remove',
      member: stored[1]!.member.key,
      epochKeyCommitment: randomBytesU8(32),
    });
    expect((await append(client, log, removal)).type).toBe('ok');
    expect(log.length).toBe(7);

    // The refused member is not in the group.
    const outsider = await connect(over.member);
    const fetched = await outsider.request({
      type: 'groupFetch',
      groupId: log.groupId,
      fromIndex: 0,
    });
    expect(fetched).toMatchObject({ type: 'error', code: RelayError.notMember });
  });
});
