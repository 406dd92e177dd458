// Briefings at the relay (protocol v5, docs/protocol.md "Briefings"): an item goes to one member
// device and only it fetches it; copies and recalls come from the briefing's author only, receipts
// go only to the author; chunks are read by members only; all count in the group's storage and
// expire on a whole hour. Real relay, raw clients.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../src-shared/limits';
import { MailKind } from '../../src-shared/protocol/briefing-frames';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { InProcessRelay } from '../support/in-process-relay';
import {
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
afterEach(() => vi.restoreAllMocks());

const HOUR = LIMITS.relay.shareExpiryStepMs;
const hourAhead = (hours = 1): number => (Math.floor(Date.now() / HOUR) + hours) * HOUR;
const refusal = (code: keyof typeof RelayError) => ({ type: 'error', code: RelayError[code] });

interface Member {
  device: TestDevice;
  client: RelayTestClient;
}

/** A group of an admin and `n - 1` editors, each connected. */
async function group(n: number): Promise<{ log: TestGroupLog; members: Member[] }> {
  const admin = newDevice();
  const adminClient = await connect(admin);
  const log = await createGroup(adminClient, admin);
  const members: Member[] = [{ device: admin, client: adminClient }];
  for (let i = 1; i < n; i++) {
    const device = newDevice();
    const reply = await adminClient.request({
      type: 'groupAppend',
      entry: log.accept(log.addMember(admin, device, 'editor')),
    });
    expect(reply).toMatchObject({ type: 'ok' });
    members.push({ device, client: await connect(device) });
  }
  return { log, members };
}

function put(
  from: Member,
  log: TestGroupLog,
  to: Member,
  fields: { briefingId?: Uint8Array; kind?: number; expiresAt?: number; bytes?: number } = {},
) {
  return from.client.request({
    type: 'mailPut',
    groupId: log.groupId,
    briefingId: fields.briefingId ?? randomId(),
    kind: fields.kind ?? MailKind.copy,
    recipient: to.device.key,
    expiresAt: fields.expiresAt ?? hourAhead(),
    ciphertext: randomBytesU8(fields.bytes ?? 300),
  });
}

async function fetchAll(m: Member, log: TestGroupLog, afterSeq = 0) {
  const answer = await m.client.request({ type: 'mailFetch', groupId: log.groupId, afterSeq });
  if (answer.type !== 'mailItems') throw new Error(JSON.stringify(answer));
  return answer;
}

describe('relay briefings', () => {
  it('gives each item to its recipient alone, and tells it so', async () => {
    await start();
    const { log, members } = await group(3);
    const [ana, bo, cy] = members as [Member, Member, Member];
    const briefingId = randomId();
    const notice = bo.client.next('mailChanged');
    expect(await put(ana, log, bo, { briefingId })).toMatchObject({ type: 'ack' });
    expect(await notice).toMatchObject({ groupId: log.groupId });
    const forBo = await fetchAll(bo, log);
    expect(forBo.items).toHaveLength(1);
    expect(forBo.items[0]).toMatchObject({
      briefingId,
      kind: MailKind.copy,
      sender: ana.device.key,
    });
    expect((await fetchAll(cy, log)).items).toEqual([]);
    const outsider = { device: newDevice(), client: await connect(newDevice()) };
    expect(
      await outsider.client.request({ type: 'mailFetch', groupId: log.groupId, afterSeq: 0 }),
    ).toMatchObject(refusal('notMember'));
    // Nor can a member address a device outside the group.
    expect(await put(ana, log, outsider)).toMatchObject(refusal('notMember'));
  });

  it('takes copies and recalls from the author only, and receipts only to the author', async () => {
    await start();
    const { log, members } = await group(3);
    const [ana, bo, cy] = members as [Member, Member, Member];
    const briefingId = randomId();
    expect(await put(ana, log, bo, { briefingId })).toMatchObject({ type: 'ack' });
    expect(await put(cy, log, bo, { briefingId })).toMatchObject(refusal('forbidden'));
    expect(await put(cy, log, bo, { briefingId, kind: MailKind.recall })).toMatchObject(
      refusal('forbidden'),
    );
    expect(await put(bo, log, cy, { briefingId, kind: MailKind.receipt })).toMatchObject(
      refusal('unknownBriefing'),
    );
    expect(await put(bo, log, ana, { briefingId, kind: MailKind.receipt })).toMatchObject({
      type: 'ack',
    });
    expect(
      await cy.client.request({ type: 'mailRecall', groupId: log.groupId, briefingId }),
    ).toMatchObject(refusal('forbidden'));
    expect(
      await ana.client.request({ type: 'mailRecall', groupId: log.groupId, briefingId }),
    ).toMatchObject({ type: 'ok' });
    expect((await fetchAll(bo, log)).items).toEqual([]);
    expect((await fetchAll(ana, log)).items).toEqual([]);
  });

  it('serves chunks to members only and counts them, refusing past the group quota', async () => {
    await start({ bytesPerGroup: 200_000 });
    const { log, members } = await group(2);
    const [ana, bo] = members as [Member, Member];
    const blobId = randomId();
    const chunk = (index: number) =>
      ana.client.request({
        type: 'chunkPut',
        groupId: log.groupId,
        briefingId: randomId(),
        blobId,
        index,
        expiresAt: hourAhead(),
        bytes: randomBytesU8(60_000),
      });
    for (const index of [0, 1, 2]) expect(await chunk(index)).toMatchObject({ type: 'ok' });
    expect(await chunk(3)).toMatchObject(refusal('quotaBytes'));
    expect(await bo.client.request({ type: 'chunkCount', blobId })).toMatchObject({ seq: 3 });
    expect(await bo.client.request({ type: 'chunkGet', blobId, index: 1 })).toMatchObject({
      type: 'chunk',
    });
    const outsider = await connect(newDevice());
    expect(await outsider.request({ type: 'chunkGet', blobId, index: 1 })).toMatchObject(
      refusal('unknownChunk'),
    );
    expect(await outsider.request({ type: 'chunkCount', blobId })).toMatchObject({ seq: 0 });
  });

  it('refuses an expiry off the hour or too far ahead, and forgets what expired', async () => {
    await start();
    const { log, members } = await group(2);
    const [ana, bo] = members as [Member, Member];
    for (const expiresAt of [hourAhead() + 1, hourAhead(-1), hourAhead(31 * 24 + 2)]) {
      expect(await put(ana, log, bo, { expiresAt })).toMatchObject(refusal('badExpiry'));
    }
    expect(await put(ana, log, bo, { expiresAt: 0 })).toMatchObject({ type: 'ack' });
    expect(await put(ana, log, bo, { expiresAt: hourAhead(1) })).toMatchObject({ type: 'ack' });
    expect((await fetchAll(bo, log)).items).toHaveLength(2);
    const real = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => real() + 2 * HOUR);
    // Past its hour it is no longer handed out, even before the sweep deletes it.
    const left = (await fetchAll(bo, log)).items;
    expect(left.map((i) => i.expiresAt)).toEqual([0]);
  });
});
