// The relay's protocol rules over real sockets: auth, membership log, lockboxes, documents
// (snapshots, updates, clocks, catch-up, live delivery), ephemerals and splicing.
import { describe, expect, it } from 'vitest';
import { decodeSnapshotLink } from '../../src-shared/protocol/envelope';
import { authSigningBytes, type RelayFrame } from '../../src-shared/protocol/frames';
import { RelayError, type RelayErrorName } from '../../src-shared/protocol/wire-constants';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import {
  buildLockbox,
  createDoc,
  createGroup,
  newDevice,
  randomBytesU8,
  RelayTestClient,
  TestDoc,
  TestGroupLog,
} from '../support/relay-test-client';
import { InProcessRelay } from '../support/in-process-relay';
import { DELIVERIES_BEFORE_THEN } from '../../server/fanout/fanout';
import { CATCH_UP_PAGE_BYTES } from '../../server/handlers/doc-handlers';

const relay = InProcessRelay.perTest();
const { connect } = relay;
const start = (authTimeoutMs?: number) => relay.start({ authTimeoutMs });

function expectError(frame: RelayFrame, code: RelayErrorName): void {
  expect(frame).toMatchObject({ type: 'error', code: RelayError[code] });
}

/** A group with an admin and, optionally, an editor and a viewer, all connected. */
async function groupWith(roles: { editor?: boolean; viewer?: boolean } = {}) {
  const admin = newDevice();
  const editor = newDevice();
  const viewer = newDevice();
  const log = new TestGroupLog();
  const adminClient = await connect(admin);
  expect(await adminClient.request({ type: 'groupAppend', entry: log.create(admin) })).toEqual({
    type: 'ok',
    requestId: expect.any(Number),
  });
  for (const [wanted, device, role] of [
    [roles.editor, editor, 'editor'],
    [roles.viewer, viewer, 'viewer'],
  ] as const) {
    if (!wanted) continue;
    const entry = log.addMember(admin, device, role);
    expect((await adminClient.request({ type: 'groupAppend', entry })).type).toBe('ok');
    log.accept(entry);
  }
  return { admin, editor, viewer, log, adminClient };
}

async function publishOk(client: RelayTestClient, envelope: Uint8Array): Promise<number> {
  const reply = await client.request({ type: 'publish', envelope });
  if (reply.type !== 'ack') throw new Error(`expected ACK, got ${JSON.stringify(reply)}`);
  return reply.seq;
}

describe('relay auth', () => {
  it('accepts a signed challenge and refuses a bad signature', async () => {
    const { url } = await start();
    const device = newDevice();
    const good = await connect(device);
    expect((await good.request({ type: 'listGroups' })).type).toBe('groupList');

    const bad = await RelayTestClient.connect(url);
    relay.closeAfterTest(bad);
    const wrongChallenge = authSigningBytes(randomBytesU8(32), new URL(url).host);
    bad.send({ type: 'auth', device: device.key, signature: device.sign(wrongChallenge) });
    expectError(await bad.next('error'), 'authFailed');
    expect((await bad.closed).code).toBe(1008);
  });

  it('closes a connection that does not authenticate in time', async () => {
    const { url } = await start(200);
    const client = await RelayTestClient.connect(url);
    relay.closeAfterTest(client);
    expect((await client.closed).code).toBe(1008);
  });

  it('refuses and closes on any frame before auth', async () => {
    const { url } = await start();
    const client = await RelayTestClient.connect(url);
    relay.closeAfterTest(client);
    client.send({ type: 'listGroups', requestId: 9 });
    expect(await client.next('error')).toMatchObject({
      requestId: 9,
      code: RelayError.notAuthenticated,
    });
    expect((await client.closed).code).toBe(1008);
  });
});

describe('relay membership log', () => {
  it('creates a group, lets an admin add members and refuses a non-admin and a fork', async () => {
    await start();
    const { admin, editor, log, adminClient } = await groupWith({ editor: true });
    const editorClient = await connect(editor);
    expect(await editorClient.request({ type: 'listGroups' })).toMatchObject({
      groupIds: [log.groupId],
    });

    // A newly added member who is connected hears of the change.
    const newcomer = newDevice();
    const newcomerClient = await connect(newcomer);
    const add = log.addMember(admin, newcomer, 'viewer');
    expect((await adminClient.request({ type: 'groupAppend', entry: add })).type).toBe('ok');
    log.accept(add);
    expect(await newcomerClient.next('groupChanged')).toEqual({
      type: 'groupChanged',
      groupId: log.groupId,
    });
    expect(await editorClient.next('groupChanged')).toMatchObject({ groupId: log.groupId });

    // An editor is not an admin.
    const byEditor = log.addMember(editor, newDevice(), 'editor');
    expectError(await editorClient.request({ type: 'groupAppend', entry: byEditor }), 'forbidden');

    // Reusing an index with a different entry is a fork.
    const fork = log.addMember(admin, newDevice(), 'editor', 1);
    expectError(await adminClient.request({ type: 'groupAppend', entry: fork }), 'logConflict');
    // A second 'create' for the same group is a fork too.
    expectError(
      await adminClient.request({
        type: 'groupAppend',
        entry: new TestGroupLog(log.groupId).create(admin),
      }),
      'logConflict',
    );

    const fetched = await newcomerClient.request({
      type: 'groupFetch',
      groupId: log.groupId,
      fromIndex: 0,
    });
    expect(fetched).toMatchObject({ type: 'groupEntries', fromIndex: 0 });
    expect(fetched.type === 'groupEntries' && fetched.entries.length).toBe(3);
  });

  it('refuses a group created in the name of another device', async () => {
    await start();
    const client = await connect(newDevice());
    const entry = new TestGroupLog().create(newDevice());
    expectError(await client.request({ type: 'groupAppend', entry }), 'notAuthor');
  });
});

describe('relay documents', () => {
  it('refuses a non-member on SUBSCRIBE and PUBLISH', async () => {
    await start();
    const { log, admin, adminClient } = await groupWith();
    const doc = new TestDoc(log);
    const first = doc.snapshot(admin);
    await publishOk(adminClient, first.bytes);

    const stranger = newDevice();
    const strangerClient = await connect(stranger);
    expectError(
      await strangerClient.request({
        type: 'subscribe',
        groupId: log.groupId,
        docId: doc.docId,
        afterSeq: 0,
      }),
      'notMember',
    );
    doc.commitSnapshot(first);
    const update = doc.update(stranger);
    expectError(
      await strangerClient.request({ type: 'publish', envelope: update.bytes }),
      'notMember',
    );
  });

  it('gives a device subscribed to a document id under its own group nothing another group stores there', async () => {
    await start();
    const { log, admin, editor, adminClient } = await groupWith({ editor: true });
    const doc = new TestDoc(log);
    // Before the group stores the document, a stranger who learned its id subscribes to it under
    // a group of their own: the relay answers as for any new document.
    const stranger = newDevice();
    const strangerClient = await connect(stranger);
    const own = await createGroup(strangerClient, stranger);
    expect(
      await strangerClient.request({
        type: 'subscribe',
        groupId: own.groupId,
        docId: doc.docId,
        afterSeq: 0,
      }),
    ).toMatchObject({ type: 'ok' });
    expect((await strangerClient.next('caughtUp')).seq).toBe(0);
    const editorClient = await connect(editor);
    await editorClient.subscribeAndCatchUp(log.groupId, doc.docId);

    const canary = uniqueCanary('first snapshot');
    await publishOk(
      adminClient,
      doc.snapshot(admin, { ciphertext: new TextEncoder().encode(canary) }).bytes,
    );
    expect((await editorClient.next('deliver')).type).toBe('deliver');
    // A reply after the publish: a DELIVER sent to the stranger would have come before it.
    expect(
      await strangerClient.request({ type: 'groupFetch', groupId: own.groupId, fromIndex: 0 }),
    ).toMatchObject({ type: 'groupEntries' });
    expect(strangerClient.inbox.filter((frame) => frame.type === 'deliver')).toEqual([]);
  });

  it("refuses a viewer's PUBLISH but lets the viewer SUBSCRIBE", async () => {
    await start();
    const { log, admin, viewer, adminClient } = await groupWith({ viewer: true });
    const doc = new TestDoc(log);
    const first = doc.snapshot(admin);
    await publishOk(adminClient, first.bytes);
    doc.commitSnapshot(first);

    const viewerClient = await connect(viewer);
    expectError(
      await viewerClient.request({ type: 'publish', envelope: doc.update(viewer).bytes }),
      'forbidden',
    );
    expect(
      await viewerClient.request({
        type: 'subscribe',
        groupId: log.groupId,
        docId: doc.docId,
        afterSeq: 0,
      }),
    ).toMatchObject({ type: 'ok' });
    const frames = await viewerClient.collectUntilCaughtUp();
    expect(frames.map((f) => f.type)).toEqual(['deliver', 'caughtUp']);
  });

  it('runs a document through snapshots and updates, checking every rule', async () => {
    await start();
    const { log, admin, editor, adminClient } = await groupWith({ editor: true });
    const editorClient = await connect(editor);
    const doc = new TestDoc(log);

    // An update before any snapshot has nothing to build on.
    expectError(
      await adminClient.request({ type: 'publish', envelope: doc.update(admin).bytes }),
      'staleSnapshot',
    );

    const first = doc.snapshot(admin);
    expect(await publishOk(adminClient, first.bytes)).toBe(1);
    doc.commitSnapshot(first);

    const sent: Uint8Array[] = [];
    for (const expectedClock of [1, 2, 3]) {
      const update = doc.update(expectedClock === 2 ? editor : admin);
      const client = expectedClock === 2 ? editorClient : adminClient;
      const seq = await publishOk(client, update.bytes);
      sent.push(update.bytes);
      doc.commitUpdate(expectedClock === 2 ? editor : admin, update.clock);
      expect(seq).toBe(expectedClock + 1);
    }
    // admin is at clock 2, editor at 1.

    // The same envelope again (a retry after a lost ACK) gets its original seq back...
    expect(await publishOk(adminClient, sent[2] as Uint8Array)).toBe(4);
    // ...but other content under a used clock is refused, and so is a gap.
    expectError(
      await adminClient.request({
        type: 'publish',
        envelope: doc.update(admin, { clock: 2 }).bytes,
      }),
      'clockMismatch',
    );
    expectError(
      await adminClient.request({
        type: 'publish',
        envelope: doc.update(admin, { clock: 4 }).bytes,
      }),
      'clockMismatch',
    );

    // A snapshot claiming other clocks than those stored is refused.
    const wrongClocks = doc.snapshot(admin, { parentClocks: [{ author: admin.key, clock: 2 }] });
    expectError(
      await adminClient.request({ type: 'publish', envelope: wrongClocks.bytes }),
      'snapshotConflict',
    );

    const second = doc.snapshot(editor);
    expect(await publishOk(editorClient, second.bytes)).toBe(5);
    const oldSnapshotId = doc.activeId;
    doc.commitSnapshot(second);

    // An update on the old snapshot is stale; the relay's active one is the new snapshot.
    expectError(
      await adminClient.request({
        type: 'publish',
        envelope: doc.update(admin, { snapshotId: oldSnapshotId, clock: 3 }).bytes,
      }),
      'staleSnapshot',
    );
    const onSecond = doc.update(admin);
    expect(onSecond.clock).toBe(1);
    expect(await publishOk(adminClient, onSecond.bytes)).toBe(6);
    doc.commitUpdate(admin, 1);

    // A snapshot forking from the first (no longer active) is refused...
    const fork = new TestDoc(log);
    Object.assign(fork, { docId: doc.docId, activeId: first.snapshotId, proof: first.proof });
    Object.assign(fork, { generation: 1 });
    expectError(
      await adminClient.request({ type: 'publish', envelope: fork.snapshot(admin).bytes }),
      'snapshotConflict',
    );
    // ...while the first snapshot sent again is a retry: its original seq, nothing new stored.
    const replay = await adminClient.request({ type: 'publish', envelope: first.bytes });
    expect(replay).toMatchObject({ type: 'ack', seq: 1 });

    // Catch-up from 0: the old snapshot as a link, the active snapshot, its updates, CAUGHT_UP.
    const reader = await connect(editor);
    const all = await reader.subscribeAndCatchUp(log.groupId, doc.docId);
    expect(all.map((f) => [f.type, 'seq' in f ? f.seq : null])).toEqual([
      ['snapshotLink', 1],
      ['deliver', 5],
      ['deliver', 6],
      ['caughtUp', 6],
    ]);
    const link = all[0];
    if (link?.type !== 'snapshotLink') throw new Error('expected a link');
    const decoded = decodeSnapshotLink(link.link);
    expect(decoded.ciphertextHash).toEqual(first.ciphertextHash);
    expect(decoded.header.snapshotId).toEqual(first.snapshotId);
    expect(all[1]).toMatchObject({ envelope: second.bytes });
    expect(all[2]).toMatchObject({ envelope: onSecond.bytes });

    // From a middle seq: only what comes after it.
    const rest = await reader.subscribeAndCatchUp(log.groupId, doc.docId, 5);
    expect(rest.map((f) => [f.type, 'seq' in f ? f.seq : null])).toEqual([
      ['deliver', 6],
      ['caughtUp', 6],
    ]);
  });

  it('catches up the links of more snapshots than one page holds, a page at a time', async () => {
    // How many links each read of the store returned.
    const pages: number[] = [];
    await relay.start(
      { ratePerSecond: 10_000 },
      {
        wrapStore: (store) => ({
          ...store,
          snapshotLinks: async (...args) => {
            const page = await store.snapshotLinks(...args);
            pages.push(page.length);
            return page;
          },
        }),
      },
    );
    const { log, admin, editor, adminClient } = await groupWith({ editor: true });
    const doc = new TestDoc(log);
    // 600 snapshots: over two pages of links (a writer may make any number).
    for (let i = 0; i < 600; i++) {
      const snapshot = doc.snapshot(admin);
      await publishOk(adminClient, snapshot.bytes);
      doc.commitSnapshot(snapshot);
    }
    const editorClient = await connect(editor);
    const frames = await editorClient.subscribeAndCatchUp(log.groupId, doc.docId);
    const links = frames.filter((f) => f.type === 'snapshotLink').map((f) => f.seq);
    expect(links).toEqual(Array.from({ length: 599 }, (_, i) => i + 1));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const size of pages) expect(size).toBeLessThanOrEqual(256);
    expect(frames.slice(-2).map((f) => [f.type, 'seq' in f ? f.seq : null])).toEqual([
      ['deliver', 600],
      ['caughtUp', 600],
    ]);
  });

  it('catches up from the middle of the first snapshot and then delivers live', async () => {
    await start();
    const { log, admin, editor, adminClient } = await groupWith({ editor: true });
    const doc = new TestDoc(log);
    const first = doc.snapshot(admin);
    await publishOk(adminClient, first.bytes);
    doc.commitSnapshot(first);
    for (let i = 0; i < 3; i++) {
      const u = doc.update(admin);
      await publishOk(adminClient, u.bytes);
      doc.commitUpdate(admin, u.clock);
    }
    const editorClient = await connect(editor);
    const caughtUp = await editorClient.subscribeAndCatchUp(log.groupId, doc.docId, 2);
    expect(caughtUp.map((f) => [f.type, 'seq' in f ? f.seq : null])).toEqual([
      ['deliver', 3],
      ['deliver', 4],
      ['caughtUp', 4],
    ]);

    // The admin is subscribed too: it gets the editor's update live, but not its own.
    expect(
      (await adminClient.subscribeAndCatchUp(log.groupId, doc.docId, 4)).map((f) => f.type),
    ).toEqual(['caughtUp']);
    const live = doc.update(editor);
    expect(await publishOk(editorClient, live.bytes)).toBe(5);
    doc.commitUpdate(editor, live.clock);
    expect(await adminClient.next('deliver')).toEqual({
      type: 'deliver',
      seq: 5,
      envelope: live.bytes,
    });
    const own = doc.update(admin);
    expect(await publishOk(adminClient, own.bytes)).toBe(6);
    doc.commitUpdate(admin, own.clock);
    expect(await editorClient.next('deliver')).toMatchObject({ seq: 6 });
    expect(adminClient.inbox.filter((f) => f.type === 'deliver')).toEqual([]);

    // After UNSUBSCRIBE nothing more arrives.
    editorClient.send({ type: 'unsubscribe', groupId: log.groupId, docId: doc.docId });
    const after = doc.update(admin);
    expect(await publishOk(adminClient, after.bytes)).toBe(7);
    await expect(editorClient.next('deliver', 300)).rejects.toThrow('no matching frame');
  });

  it('catches up large updates a few at a time, and delivers every one in order', async () => {
    // What the relay reads for a catch-up at once: each page's envelope bytes.
    const pages: number[] = [];
    await relay.start(
      {},
      {
        wrapStore: (store) => ({
          ...store,
          updates: async (...args) => {
            const page = await store.updates(...args);
            pages.push(page.reduce((sum, m) => sum + m.envelope.length, 0));
            return page;
          },
        }),
      },
    );
    const { log, admin, editor, adminClient } = await groupWith({ editor: true });
    const doc = new TestDoc(log);
    const first = doc.snapshot(admin);
    await publishOk(adminClient, first.bytes);
    doc.commitSnapshot(first);
    const sent: Uint8Array[] = [];
    for (let i = 0; i < 12; i++) {
      const u = doc.update(admin, { ciphertext: randomBytesU8(900 * 1024) });
      await publishOk(adminClient, u.bytes);
      doc.commitUpdate(admin, u.clock);
      sent.push(u.bytes);
    }
    const editorClient = await connect(editor);
    const caughtUp = await editorClient.subscribeAndCatchUp(log.groupId, doc.docId, 0);
    expect(caughtUp.flatMap((f) => (f.type === 'deliver' ? [f.envelope] : []))).toEqual([
      first.bytes,
      ...sent,
    ]);
    // 11 MB of updates were read in several pages, none holding much more than the budget.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const bytes of pages) expect(bytes).toBeLessThan(CATCH_UP_PAGE_BYTES + 1024 * 1024);
  });

  it('closes the connection when its store fails mid catch-up, so the client subscribes again', async () => {
    let failing = false;
    await relay.start(
      {},
      {
        wrapStore: (store) => ({
          ...store,
          updates: async (...args) => {
            if (failing) throw new Error('the database went away');
            return store.updates(...args);
          },
        }),
      },
    );
    const { log, admin, editor, adminClient } = await groupWith({ editor: true });
    const { doc } = await createDoc(adminClient, admin, log);
    const u = doc.update(admin);
    await publishOk(adminClient, u.bytes);
    doc.commitUpdate(admin, u.clock);
    const editorClient = await connect(editor);
    failing = true;
    // Answered OK before the catch-up read failed: no CAUGHT_UP will come, so no silent wait.
    expect(
      await editorClient.request({
        type: 'subscribe',
        groupId: log.groupId,
        docId: doc.docId,
        afterSeq: 0,
      }),
    ).toMatchObject({ type: 'ok' });
    expect((await editorClient.closed).code).toBe(1001);
    failing = false;
    const again = await connect(editor);
    const caughtUp = await again.subscribeAndCatchUp(log.groupId, doc.docId, 0);
    expect(caughtUp.filter((f) => f.type === 'deliver')).toHaveLength(2);
  });

  it('in a space larger than the ACK waits for, delivers to every subscriber and ACKs once', async () => {
    // Every reader is the admin device again: allow it that many connections.
    await relay.start({ maxConnectionsPerDevice: DELIVERIES_BEFORE_THEN + 8 });
    const { log, admin, adminClient } = await groupWith();
    const { doc } = await createDoc(adminClient, admin, log);
    const readers: RelayTestClient[] = [];
    for (let i = 0; i < DELIVERIES_BEFORE_THEN + 4; i++) {
      const reader = await connect(admin);
      await reader.subscribeAndCatchUp(log.groupId, doc.docId, 1);
      readers.push(reader);
    }
    await adminClient.subscribeAndCatchUp(log.groupId, doc.docId, 1);
    const update = doc.update(admin);
    const requestId = adminClient.fire({ type: 'publish', envelope: update.bytes });
    for (const reader of readers) {
      expect(await reader.next('deliver')).toEqual({
        type: 'deliver',
        seq: 2,
        envelope: update.bytes,
      });
    }
    expect(await adminClient.reply(requestId)).toMatchObject({ type: 'ack', seq: 2 });
    // A later request's reply comes after anything still due for this one: no second ACK.
    expect(await adminClient.request({ type: 'listGroups' })).toMatchObject({ type: 'groupList' });
    const acks = adminClient.inbox.filter((f) => f.type === 'ack' && f.requestId === requestId);
    expect(acks).toEqual([]);
    expect(adminClient.inbox.filter((f) => f.type === 'deliver')).toEqual([]);
  });

  it('refuses a snapshot that reuses an id of the document with snapshotConflict', async () => {
    await start();
    const { log, admin, adminClient } = await groupWith();
    const { doc } = await createDoc(adminClient, admin, log);
    const firstId = doc.activeId;
    const second = doc.snapshot(admin);
    await publishOk(adminClient, second.bytes);
    doc.commitSnapshot(second);
    for (const used of [firstId, second.snapshotId]) {
      const reused = doc.snapshot(admin, { snapshotId: used });
      expectError(
        await adminClient.request({ type: 'publish', envelope: reused.bytes }),
        'snapshotConflict',
      );
    }
    // The document goes on: a snapshot with a new id is taken.
    expect(await publishOk(adminClient, doc.snapshot(admin).bytes)).toBe(3);
  });

  it('fans ephemerals out to the other subscribers, never stores them, and refuses large ones', async () => {
    const { url } = await start();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const { log, admin, editor, adminClient } = await groupWith({ editor: true });
    const doc = new TestDoc(log);
    const storedCanary = uniqueCanary('stored');
    const first = doc.snapshot(admin, { ciphertext: new TextEncoder().encode(storedCanary) });
    await publishOk(adminClient, first.bytes);
    doc.commitSnapshot(first);

    const editorClient = await connect(editor);
    await editorClient.subscribeAndCatchUp(log.groupId, doc.docId);

    const canary = uniqueCanary('ephemeral');
    const presence = doc.ephemeral(admin, new TextEncoder().encode(canary));
    adminClient.send({ type: 'ephemeral', envelope: presence.bytes });
    expect(await editorClient.next('ephemeral')).toEqual({
      type: 'ephemeral',
      envelope: presence.bytes,
    });
    // The scan finds what is stored, so its silence about the ephemeral means something.
    expect(filesContaining(relay.storageDir, storedCanary).length).toBeGreaterThan(0);
    expect(filesContaining(relay.storageDir, canary)).toEqual([]);

    const late = await connect(editor);
    expect((await late.subscribeAndCatchUp(log.groupId, doc.docId)).map((f) => f.type)).toEqual([
      'deliver',
      'caughtUp',
    ]);

    // One larger than presence ever is is refused, and reaches no one: the editor next gets the
    // small one sent after it.
    adminClient.send({
      type: 'ephemeral',
      envelope: doc.ephemeral(admin, randomBytesU8(40_000)).bytes,
    });
    expectError(await adminClient.next('error'), 'frameTooLarge');
    const after = doc.ephemeral(admin, new TextEncoder().encode('after'));
    adminClient.send({ type: 'ephemeral', envelope: after.bytes });
    expect(await editorClient.next('ephemeral')).toEqual({
      type: 'ephemeral',
      envelope: after.bytes,
    });

    // An ephemeral for a document the group does not have is refused.
    const other = new TestDoc(log);
    adminClient.send({ type: 'ephemeral', envelope: other.ephemeral(admin).bytes });
    expectError(await adminClient.next('error'), 'wrongGroup');
  });

  it('refuses splicing a document into another group, forged authors and bad signatures', async () => {
    await start();
    const a = await groupWith();
    const doc = new TestDoc(a.log);
    const first = doc.snapshot(a.admin);
    await publishOk(a.adminClient, first.bytes);
    doc.commitSnapshot(first);

    // The same admin runs a second group and tries to put an update of the doc into it.
    const logB = new TestGroupLog();
    expect(
      (await a.adminClient.request({ type: 'groupAppend', entry: logB.create(a.admin) })).type,
    ).toBe('ok');
    const spliced = new TestDoc(logB);
    Object.assign(spliced, { docId: doc.docId, activeId: doc.activeId });
    expectError(
      await a.adminClient.request({ type: 'publish', envelope: spliced.update(a.admin).bytes }),
      'wrongGroup',
    );
    expectError(
      await a.adminClient.request({
        type: 'subscribe',
        groupId: logB.groupId,
        docId: doc.docId,
        afterSeq: 0,
      }),
      'wrongGroup',
    );

    // An envelope naming another author, and one whose signature does not match.
    const other = newDevice();
    const forged = doc.update(other);
    expectError(
      await a.adminClient.request({ type: 'publish', envelope: forged.bytes }),
      'notAuthor',
    );
    const tampered = doc.update(a.admin).bytes.slice();
    tampered[tampered.length - 70] = (tampered[tampered.length - 70] ?? 0) ^ 1; // in the ciphertext
    expectError(
      await a.adminClient.request({ type: 'publish', envelope: tampered }),
      'badSignature',
    );
    // The wrong epoch.
    doc.epoch = 1;
    expectError(
      await a.adminClient.request({ type: 'publish', envelope: doc.update(a.admin).bytes }),
      'wrongEpoch',
    );
  });
});

describe('relay lockboxes', () => {
  it('answers a retried lockbox that another relay process is storing at that moment with OK', async () => {
    // The retry's read misses the row the other process's put is committing (a cluster race):
    // its own put then finds the key taken.
    let missNextRead = false;
    await relay.start(
      {},
      {
        wrapStore: (store) => ({
          ...store,
          getLockbox: async (...args) => {
            if (missNextRead) {
              missNextRead = false;
              return null;
            }
            return store.getLockbox(...args);
          },
        }),
      },
    );
    const { admin, editor, log, adminClient } = await groupWith({ editor: true });
    const box = buildLockbox(admin, { groupId: log.groupId, epoch: 0, recipient: editor.key });
    expect((await adminClient.request({ type: 'lockboxPut', lockbox: box })).type).toBe('ok');
    missNextRead = true;
    expect((await adminClient.request({ type: 'lockboxPut', lockbox: box })).type).toBe('ok');
    // Another lockbox under the same key is still refused, whichever way the race went.
    missNextRead = true;
    const other = buildLockbox(admin, { groupId: log.groupId, epoch: 0, recipient: editor.key });
    expectError(await adminClient.request({ type: 'lockboxPut', lockbox: other }), 'logConflict');
  });

  it('stores an admin-signed lockbox for a member and enforces the rules', async () => {
    await start();
    const { log, admin, editor, adminClient } = await groupWith({ editor: true });
    const editorClient = await connect(editor);
    const groupId = log.groupId;
    const box = buildLockbox(admin, { groupId, epoch: 0, recipient: editor.key });
    expect((await adminClient.request({ type: 'lockboxPut', lockbox: box })).type).toBe('ok');
    expect(await editorClient.next('groupChanged')).toMatchObject({ groupId });
    // Idempotent with the same bytes, a conflict with others.
    expect((await adminClient.request({ type: 'lockboxPut', lockbox: box })).type).toBe('ok');
    const other = buildLockbox(admin, { groupId, epoch: 0, recipient: editor.key });
    expectError(await adminClient.request({ type: 'lockboxPut', lockbox: other }), 'logConflict');

    const byEditor = buildLockbox(editor, { groupId, epoch: 0, recipient: admin.key });
    expectError(await editorClient.request({ type: 'lockboxPut', lockbox: byEditor }), 'forbidden');
    const toStranger = buildLockbox(admin, { groupId, epoch: 0, recipient: newDevice().key });
    expectError(
      await adminClient.request({ type: 'lockboxPut', lockbox: toStranger }),
      'notMember',
    );
    const future = buildLockbox(admin, { groupId, epoch: 1, recipient: editor.key });
    expectError(await adminClient.request({ type: 'lockboxPut', lockbox: future }), 'wrongEpoch');
    expectError(await editorClient.request({ type: 'lockboxPut', lockbox: box }), 'notAuthor');
    const forged = box.slice();
    forged[forged.length - 1] = (forged[forged.length - 1] ?? 0) ^ 1;
    expectError(await adminClient.request({ type: 'lockboxPut', lockbox: forged }), 'badSignature');

    // GROUP_FETCH returns a member's own lockboxes only.
    const forEditor = await editorClient.request({ type: 'groupFetch', groupId, fromIndex: 0 });
    expect(forEditor).toMatchObject({ type: 'groupEntries', lockboxes: [box] });
    const forAdmin = await adminClient.request({ type: 'groupFetch', groupId, fromIndex: 1 });
    expect(forAdmin).toMatchObject({ type: 'groupEntries', lockboxes: [] });
    expect(forAdmin.type === 'groupEntries' && forAdmin.entries.length).toBe(1);
  });
});
