// A group's membership side against its quotas: lockboxes count in the group's bytes, and the
// membership log has a length limit, so a group made by strangers cannot grow the relay without bound.
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
  type RelayTestClient,
  type TestDevice,
  type TestGroupLog,
} from '../support/relay-test-client';

const relay = InProcessRelay.perTest();
const { start, connect } = relay;

async function appendMember(client: RelayTestClient, log: TestGroupLog, admin: TestDevice) {
  const member = newDevice();
  const entry = log.addMember(admin, member, 'editor');
  const reply = await client.request({ type: 'groupAppend', entry });
  if (reply.type === 'ok') log.accept(entry);
  return { member, entry, reply };
}

describe('relay group quotas', () => {
  it('counts lockboxes in the group bytes and refuses one over the quota, storing nothing', async () => {
    const admin = newDevice();
    const lockboxFor = (groupId: Uint8Array, recipient: TestDevice) =>
      buildLockbox(admin, {
        groupId,
        epoch: 0,
        recipient: recipient.key,
        sealed: randomBytesU8(200),
      });
    // Room for three and a half lockboxes.
    await start({ bytesPerGroup: Math.floor(lockboxFor(randomId(), admin).length * 3.5) });
    const client = await connect(admin);
    const log = await createGroup(client, admin);
    const members: TestDevice[] = [];
    for (let i = 0; i < 6; i++) members.push((await appendMember(client, log, admin)).member);

    const answers = [];
    for (const member of members) {
      const lockbox = lockboxFor(log.groupId, member);
      answers.push(await client.request({ type: 'lockboxPut', lockbox }));
    }
    // Three fit, the fourth and later do not.
    expect(answers.slice(0, 3).every((a) => a.type === 'ok')).toBe(true);
    expect(answers.slice(3)).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ code: RelayError.quotaBytes })),
    );

    // A refused lockbox was not stored: its recipient finds none, an accepted one's finds its own.
    const fetchBoxes = async (member: TestDevice) => {
      const reply = await (
        await connect(member)
      ).request({ type: 'groupFetch', groupId: log.groupId, fromIndex: 0 });
      return reply.type === 'groupEntries' ? reply.lockboxes.map((b) => decodeLockbox(b)) : null;
    };
    expect(await fetchBoxes(members[3] as TestDevice)).toEqual([]);
    expect((await fetchBoxes(members[0] as TestDevice))?.map((b) => b.epoch)).toEqual([0]);
  });

  it('refuses an entry past the membership log limit, and still answers a retry of one stored', async () => {
    await start({ maxLogEntries: 4 });
    const admin = newDevice();
    const client = await connect(admin);
    const log = await createGroup(client, admin);
    const stored = [];
    for (let i = 0; i < 3; i++) stored.push(await appendMember(client, log, admin));
    expect(stored.map((s) => s.reply.type)).toEqual(['ok', 'ok', 'ok']);
    expect(log.length).toBe(4);

    const over = await appendMember(client, log, admin);
    expect(over.reply).toMatchObject({ type: 'error', code: RelayError.quotaBytes });
    expect((over.reply as { message: string }).message).toContain('at most 4 entries');
    // A client that lost the OK of the last stored entry may send it again and is answered OK.
    const retry = await client.request({ type: 'groupAppend', entry: stored[2]!.entry });
    expect(retry.type).toBe('ok');
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
