// The relay writes commits at once but fsyncs the WAL off its event loop: with the disk's sync held
// back, a publish is neither acknowledged to its author nor delivered to a subscriber, and a new
// subscriber's catch-up does not hand it out, until the sync is done. A failed sync acknowledges
// nothing and fails the relay's health check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRelay, type RunningRelay } from '../../server/relay';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { Fsync } from '../../server/store/sqlite-wal-sync';
import type { RelayFrame } from '../../src-shared/protocol/frames';
import {
  createDoc,
  createGroup,
  newDevice,
  RelayTestClient,
  TestDoc,
  type TestDevice,
} from '../support/relay-test-client';

/** An fsync that waits until the test lets it run (or fail). */
function heldFsync() {
  const pending: ((error: NodeJS.ErrnoException | null) => void)[] = [];
  let holding = false;
  let failWith: NodeJS.ErrnoException | null = null;
  const fsync: Fsync = (_fd, done) => {
    if (failWith) return queueMicrotask(() => done(failWith));
    if (holding) pending.push(done);
    else queueMicrotask(() => done(null));
  };
  return {
    fsync,
    hold: () => (holding = true),
    release() {
      holding = false;
      for (const done of pending.splice(0)) done(null);
    },
    fail(error: NodeJS.ErrnoException) {
      failWith = error;
      for (const done of pending.splice(0)) done(error);
    },
    get waiting() {
      return pending.length;
    },
  };
}

const dirs: string[] = [];
const clients: RelayTestClient[] = [];
let relay: RunningRelay | undefined;
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay?.close();
  relay = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function relayWith(fsync: Fsync): Promise<RunningRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  dirs.push(dataDir);
  const store = openSqliteStore(dataDir, { fsync, log: () => undefined });
  relay = await startRelay({ port: 0, dataDir, store, log: () => undefined });
  return relay;
}

async function connect(device: TestDevice): Promise<RelayTestClient> {
  const client = await RelayTestClient.connect(relay?.url ?? '', device);
  clients.push(client);
  return client;
}

/**
 * Once the relay is waiting on the disk: `probe` sends an ephemeral message (relayed, never stored)
 * that `observer` receives, proving the relay went on handling frames and fanning out meanwhile.
 */
async function whileSyncHeld(
  disk: ReturnType<typeof heldFsync>,
  probe: RelayTestClient,
  observer: RelayTestClient,
  doc: TestDoc,
  prober: TestDevice,
): Promise<void> {
  await vi.waitFor(() => expect(disk.waiting).toBeGreaterThan(0));
  probe.send({ type: 'ephemeral', envelope: doc.ephemeral(prober).bytes });
  await observer.next('ephemeral');
}

async function sharedDoc(admin: TestDevice, member: TestDevice, client: RelayTestClient) {
  const log = await createGroup(client, admin);
  const add = log.accept(log.addMember(admin, member, 'editor'));
  expect((await client.request({ type: 'groupAppend', entry: add })).type).toBe('ok');
  return { log, doc: (await createDoc(client, admin, log)).doc };
}

describe('relay: acknowledged only once durable', () => {
  it('holds the ACK, the live delivery and the catch-up until the WAL is synced', async () => {
    const disk = heldFsync();
    await relayWith(disk.fsync);
    const [admin, member] = [newDevice(), newDevice()];
    const author = await connect(admin);
    const { log, doc } = await sharedDoc(admin, member, author);
    const reader = await connect(member);
    await reader.subscribeAndCatchUp(log.groupId, doc.docId);

    disk.hold();
    const update = doc.update(admin);
    const ack = author.request({ type: 'publish', envelope: update.bytes });
    let acked = false;
    void ack.then(() => (acked = true));
    const delivered: RelayFrame[] = [];
    const live = reader.nextMatching((f) => f.type === 'deliver').then((f) => delivered.push(f));
    // A device subscribing now must not be handed the write either.
    const late = await connect(member);
    const lateOk = late.request({
      type: 'subscribe',
      groupId: log.groupId,
      docId: doc.docId,
      afterSeq: 1,
    });
    const prober = await connect(member);
    await whileSyncHeld(disk, prober, reader, doc, member);
    expect(acked).toBe(false);
    expect(delivered).toEqual([]);
    expect(late.inbox.filter((f) => f.type === 'deliver' || f.type === 'caughtUp')).toEqual([]);

    disk.release();
    expect(await ack).toMatchObject({ type: 'ack', seq: 2 });
    await live;
    expect(delivered).toMatchObject([{ type: 'deliver', seq: 2, envelope: update.bytes }]);
    expect(await lateOk).toMatchObject({ type: 'ok' });
    const caughtUp = await late.collectUntilCaughtUp();
    expect(caughtUp.filter((f) => f.type === 'deliver')).toMatchObject([{ seq: 2 }]);
    // Written before the late subscriber's catch-up read and fanned out after it: sent once. The
    // next update reaches it live, with nothing repeated before it.
    doc.commitUpdate(admin, update.clock);
    const next = doc.update(admin);
    expect(await author.request({ type: 'publish', envelope: next.bytes })).toMatchObject({
      seq: 3,
    });
    expect(await late.next('deliver')).toMatchObject({ seq: 3 });
  });

  it('acknowledges nothing after a failed sync, and says so on /health', async () => {
    const disk = heldFsync();
    const running = await relayWith(disk.fsync);
    const admin = newDevice();
    const author = await connect(admin);
    const doc = new TestDoc(await createGroup(author, admin));
    disk.hold();
    const reply = author.request({ type: 'publish', envelope: doc.snapshot(admin).bytes });
    await vi.waitFor(() => expect(disk.waiting).toBeGreaterThan(0));
    disk.fail(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    expect(await reply).toMatchObject({ type: 'error' });
    const health = await fetch(`${running.url.replace(/^ws/, 'http')}/health`);
    expect(health.status).toBe(503);
  });
});
