// Shares (protocol v4, docs/protocol.md §4.2 and §8): a member leaves one ciphertext until a whole
// hour, any device that knows its id fetches it, only its author withdraws it, and it counts in the
// group's storage; expired shares are gone, whether fetched or swept. Real relay, raw clients.
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRelayConnection } from '../../src-main/core/sync/relay-connection';
import { RelayRequestError } from '../../src-main/core/sync/relay-requests';
import { LIMITS } from '../../src-shared/limits';
import { encodeClientFrame } from '../../src-shared/protocol/frames';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { RELAY_DB_FILE } from '../../server/store/sqlite-store';
import { InProcessRelay } from '../support/in-process-relay';
import {
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
afterEach(() => vi.restoreAllMocks());

const HOUR = LIMITS.relay.shareExpiryStepMs;
/** The whole hour `hours` after the current one begins, as the app rounds an expiry up. */
const hourAhead = (hours = 1): number => (Math.floor(Date.now() / HOUR) + hours) * HOUR;

/** Moves the relay's clock (Date.now, which it reads in this process) by `ms`. */
function clockAhead(ms: number): void {
  const real = Date.now.bind(Date);
  vi.spyOn(Date, 'now').mockImplementation(() => real() + ms);
}

async function waitFor(what: string, check: () => boolean): Promise<void> {
  for (const started = performance.now(); !check();) {
    if (performance.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function memberWithGroup(): Promise<{
  member: TestDevice;
  client: RelayTestClient;
  log: TestGroupLog;
}> {
  const member = newDevice();
  const client = await connect(member);
  return { member, client, log: await createGroup(client, member) };
}

function put(
  client: RelayTestClient,
  group: { groupId: Uint8Array },
  fields: { shareId?: Uint8Array; expiresAt?: number; ciphertext?: Uint8Array } = {},
) {
  return client.request({
    type: 'sharePut',
    groupId: group.groupId,
    shareId: fields.shareId ?? randomId(),
    expiresAt: fields.expiresAt ?? hourAhead(),
    ciphertext: fields.ciphertext ?? randomBytesU8(500),
  });
}

/** What the relay's database holds: share rows and the group's counted bytes. */
function stored(groupId: Uint8Array): { shares: number; bytes: number } {
  const db = new Database(join(relay.dataDir, RELAY_DB_FILE), { readonly: true });
  try {
    const shares = db.prepare('SELECT count(*) AS n FROM shares').get() as { n: number };
    const group = db.prepare('SELECT bytes FROM groups WHERE group_id = ?').get(groupId) as {
      bytes: number;
    };
    return { shares: shares.n, bytes: group.bytes };
  } finally {
    db.close();
  }
}

const refusal = (code: keyof typeof RelayError) => ({ type: 'error', code: RelayError[code] });

describe('relay shares', () => {
  it('gives the exact bytes to a device outside the group', async () => {
    await start();
    const { client, log } = await memberWithGroup();
    const shareId = randomId();
    const ciphertext = randomBytesU8(LIMITS.relay.maxShareBytes);
    const expiresAt = hourAhead(24);
    expect(await put(client, log, { shareId, expiresAt, ciphertext })).toMatchObject({
      type: 'ok',
    });
    const outsider = await connect(newDevice());
    const answer = await outsider.request({ type: 'shareFetch', shareId });
    expect(answer).toMatchObject({ type: 'share', expiresAt });
    expect(answer.type === 'share' && answer.ciphertext).toEqual(ciphertext);
    expect(await outsider.request({ type: 'shareFetch', shareId: randomId() })).toMatchObject(
      refusal('unknownShare'),
    );
  });

  it('refuses a put for a group the device is not a member of', async () => {
    await start();
    const { log } = await memberWithGroup();
    const outsider = await connect(newDevice());
    expect(await put(outsider, log)).toMatchObject(refusal('notMember'));
    expect(await put(outsider, { groupId: randomId() })).toMatchObject(refusal('unknownGroup'));
  });

  it('refuses an expiry that is not a whole hour, is past, or is too far ahead', async () => {
    await start();
    const { client, log } = await memberWithGroup();
    const days = LIMITS.relay.shareMaxDays;
    for (const expiresAt of [hourAhead() + 1, hourAhead() - 60_000, hourAhead(0), hourAhead(-1)]) {
      expect(await put(client, log, { expiresAt })).toMatchObject(refusal('badExpiry'));
    }
    expect(await put(client, log, { expiresAt: hourAhead(days * 24 + 2) })).toMatchObject(
      refusal('badExpiry'),
    );
    // The longest lifetime, rounded up to the hour as the app does, is taken.
    expect(await put(client, log, { expiresAt: hourAhead(days * 24) })).toMatchObject({
      type: 'ok',
    });
  });

  it('refuses ciphertext over the cap as malformed, and the connection keeps working', async () => {
    await start();
    const { client, log } = await memberWithGroup();
    const tooLarge = randomBytesU8(LIMITS.relay.maxShareBytes + 1);
    expect(await put(client, log, { ciphertext: tooLarge })).toMatchObject(refusal('malformed'));
    // A truncated frame and one with a short share id: refused with their request ids.
    const valid = encodeClientFrame({
      type: 'sharePut',
      requestId: 900,
      groupId: log.groupId,
      shareId: randomId(),
      expiresAt: hourAhead(),
      ciphertext: randomBytesU8(100),
    });
    client.sendRaw(valid.slice(0, -1));
    expect(await client.reply(900)).toMatchObject(refusal('malformed'));
    client.sendRaw(
      encodeClientFrame({ type: 'shareFetch', requestId: 901, shareId: randomId() }).slice(0, 10),
    );
    expect(await client.reply(901)).toMatchObject(refusal('malformed'));
    expect(await put(client, log)).toMatchObject({ type: 'ok' });
  });

  it('takes a retry of a put and refuses other bytes, another device or group under its id', async () => {
    await start();
    const { client, log } = await memberWithGroup();
    const fields = { shareId: randomId(), expiresAt: hourAhead(2), ciphertext: randomBytesU8(300) };
    expect(await put(client, log, fields)).toMatchObject({ type: 'ok' });
    expect(await put(client, log, fields)).toMatchObject({ type: 'ok' });
    expect(stored(log.groupId).shares).toBe(1);
    const other = { ...fields, ciphertext: randomBytesU8(300) };
    expect(await put(client, log, other)).toMatchObject(refusal('logConflict'));
    expect(await put(client, log, { ...fields, expiresAt: hourAhead(3) })).toMatchObject(
      refusal('logConflict'),
    );
    const second = await memberWithGroup();
    expect(await put(second.client, second.log, fields)).toMatchObject(refusal('logConflict'));
    const answer = await second.client.request({ type: 'shareFetch', shareId: fields.shareId });
    expect(answer.type === 'share' && answer.ciphertext).toEqual(fields.ciphertext);
  });

  it('lets only the author delete a share; deleting what is not there is done', async () => {
    await start();
    const { client, log } = await memberWithGroup();
    const shareId = randomId();
    expect(await put(client, log, { shareId })).toMatchObject({ type: 'ok' });
    const holder = await connect(newDevice());
    expect(await holder.request({ type: 'shareDelete', shareId })).toMatchObject(
      refusal('forbidden'),
    );
    expect((await holder.request({ type: 'shareFetch', shareId })).type).toBe('share');
    expect(await client.request({ type: 'shareDelete', shareId })).toMatchObject({ type: 'ok' });
    expect(await holder.request({ type: 'shareFetch', shareId })).toMatchObject(
      refusal('unknownShare'),
    );
    expect(await client.request({ type: 'shareDelete', shareId })).toMatchObject({ type: 'ok' });
    expect(await holder.request({ type: 'shareDelete', shareId })).toMatchObject({ type: 'ok' });
    expect(stored(log.groupId)).toEqual({ shares: 0, bytes: 0 });
  });

  it('counts shares in the group storage and caps live shares per group', async () => {
    await start({ bytesPerGroup: 8 * 1024, sharesPerGroup: 2 });
    const { member, client, log } = await memberWithGroup();
    const first = randomId();
    expect(
      await put(client, log, { shareId: first, ciphertext: randomBytesU8(5000) }),
    ).toMatchObject({ type: 'ok' });
    expect(stored(log.groupId)).toEqual({ shares: 1, bytes: 5000 });
    expect(await put(client, log, { ciphertext: randomBytesU8(5000) })).toMatchObject(
      refusal('quotaBytes'),
    );
    // Documents and shares draw on the same bytes.
    const doc = new TestDoc(log);
    const big = doc.snapshot(member, { ciphertext: randomBytesU8(4000) });
    expect(await client.request({ type: 'publish', envelope: big.bytes })).toMatchObject(
      refusal('quotaBytes'),
    );
    expect(await client.request({ type: 'shareDelete', shareId: first })).toMatchObject({
      type: 'ok',
    });
    expect(stored(log.groupId)).toEqual({ shares: 0, bytes: 0 });
    expect(await put(client, log)).toMatchObject({ type: 'ok' });
    expect(await put(client, log)).toMatchObject({ type: 'ok' });
    expect(await put(client, log)).toMatchObject(refusal('quotaShares'));
  });

  it('answers an expired share with unknownShare and deletes it', async () => {
    await start();
    const { client, log } = await memberWithGroup();
    const shareId = randomId();
    expect(await put(client, log, { shareId, expiresAt: hourAhead() })).toMatchObject({
      type: 'ok',
    });
    expect(stored(log.groupId).shares).toBe(1);
    clockAhead(HOUR);
    const holder = await connect(newDevice());
    expect(await holder.request({ type: 'shareFetch', shareId })).toMatchObject(
      refusal('unknownShare'),
    );
    expect(stored(log.groupId)).toEqual({ shares: 0, bytes: 0 });
  });

  it('sweeps expired shares that nobody asks for', async () => {
    await start({ shareSweepMs: 50 });
    const { client, log } = await memberWithGroup();
    expect(await put(client, log, { expiresAt: hourAhead(1) })).toMatchObject({ type: 'ok' });
    expect(await put(client, log, { expiresAt: hourAhead(3) })).toMatchObject({ type: 'ok' });
    clockAhead(HOUR);
    await waitFor('the expired share swept', () => stored(log.groupId).shares === 1);
    expect(stored(log.groupId).bytes).toBe(500);
  });

  it('serves the app: requests through the relay connection get the share answer', async () => {
    await start();
    const { client, log } = await memberWithGroup();
    const shareId = randomId();
    const ciphertext = randomBytesU8(1000);
    expect(await put(client, log, { shareId, ciphertext })).toMatchObject({ type: 'ok' });
    const device = newDevice();
    const connection = createRelayConnection({
      url: relay.url,
      device: device.key,
      sign: device.sign,
      onStatus: () => undefined,
      onConnected: () => undefined,
      onFrame: () => undefined,
    });
    try {
      await waitFor('connected', () => connection.status() === 'connected');
      const answer = await connection.request({ type: 'shareFetch', shareId });
      expect(answer.type === 'share' && answer.ciphertext).toEqual(ciphertext);
      const missing = connection.request({ type: 'shareFetch', shareId: randomId() });
      await expect(missing).rejects.toBeInstanceOf(RelayRequestError);
      await expect(missing).rejects.toMatchObject({ code: 'unknownShare' });
    } finally {
      await connection.close();
    }
  });
});
