// The relay refuses what every client refuses (protocol v3): an envelope naming a log the relay does
// not have, an older log than the active snapshot's, another proof of the active snapshot, or a log
// position before its author could write. Storing any of them would wedge the document for everyone.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { RelayError, type RelayErrorName } from '../../src-shared/protocol/wire-constants';
import type { RelayFrame } from '../../src-shared/protocol/frames';
import {
  buildEnvelope,
  newDevice,
  randomId,
  TestDoc,
  TestGroupLog,
  type TestDevice,
} from '../support/relay-test-client';
import { InProcessRelay } from '../support/in-process-relay';

const relay = InProcessRelay.perTest();

function expectError(frame: RelayFrame, code: RelayErrorName): void {
  expect(frame).toMatchObject({ type: 'error', code: RelayError[code] });
}

/** An admin and an editor on one document with a first snapshot; the log has grown since. */
async function scene() {
  await relay.start();
  const admin = newDevice();
  const editor = newDevice();
  const viewer = newDevice();
  const log = new TestGroupLog();
  const adminClient = await relay.connect(admin);
  await adminClient.request({ type: 'groupAppend', entry: log.create(admin) });
  for (const [device, role] of [
    [editor, 'editor'],
    [viewer, 'viewer'],
  ] as const) {
    const entry = log.addMember(admin, device, role);
    expect((await adminClient.request({ type: 'groupAppend', entry })).type).toBe('ok');
    log.accept(entry);
  }
  const doc = new TestDoc(log);
  const first = doc.snapshot(admin);
  expect((await adminClient.request({ type: 'publish', envelope: first.bytes })).type).toBe('ack');
  doc.commitSnapshot(first);
  const editorClient = await relay.connect(editor);
  return { admin, editor, viewer, log, doc, adminClient, editorClient };
}

/** The admin makes the viewer an editor: the log grows to 4 entries. */
async function promoteViewer(s: Awaited<ReturnType<typeof scene>>): Promise<void> {
  const promote = s.log.entry(s.admin, { type: 'set-role', member: s.viewer.key, role: 'editor' });
  expect((await s.adminClient.request({ type: 'groupAppend', entry: promote })).type).toBe('ok');
  s.log.accept(promote);
}

function update(
  doc: TestDoc,
  author: TestDevice,
  over: { log?: { length: number; head: Uint8Array }; proof?: Uint8Array },
) {
  return buildEnvelope(author, {
    kind: 'update',
    groupId: doc.groupId,
    docId: doc.docId,
    epoch: 0,
    snapshotId: doc.activeId,
    clock: 1,
    log: over.log ?? doc.logHead(),
    basis: { generation: doc.generation, proof: over.proof ?? doc.proof },
    snapshot: null,
  });
}

describe('the relay refuses what clients refuse', () => {
  it('an update naming another proof of the active snapshot', async () => {
    const s = await scene();
    const forged = update(s.doc, s.editor, { proof: new Uint8Array(randomBytes(32)) });
    expectError(
      await s.editorClient.request({ type: 'publish', envelope: forged.bytes }),
      'snapshotConflict',
    );
  });

  it('an update or a snapshot naming an older log than the active snapshot', async () => {
    const s = await scene();
    // The active snapshot names the log of 3 entries; the viewer is promoted meanwhile (4).
    await promoteViewer(s);
    const second = s.doc.snapshot(s.admin);
    expect((await s.adminClient.request({ type: 'publish', envelope: second.bytes })).type).toBe(
      'ack',
    );
    s.doc.commitSnapshot(second);
    const older = { length: 3, head: s.log.hashes[2] as Uint8Array };
    const stale = update(s.doc, s.editor, { log: older });
    expectError(
      await s.editorClient.request({ type: 'publish', envelope: stale.bytes }),
      'staleSnapshot',
    );
    const staleSnapshot = buildEnvelope(s.editor, {
      kind: 'snapshot',
      groupId: s.doc.groupId,
      docId: s.doc.docId,
      epoch: 0,
      snapshotId: randomId(),
      clock: 0,
      log: older,
      basis: null,
      snapshot: {
        parentId: s.doc.activeId,
        parentProof: s.doc.proof,
        generation: s.doc.generation + 1,
        parentClocks: [],
      },
    });
    expectError(
      await s.editorClient.request({ type: 'publish', envelope: staleSnapshot.bytes }),
      'staleSnapshot',
    );
    // The honest one, naming the current log, goes through.
    expect(
      (
        await s.editorClient.request({
          type: 'publish',
          envelope: update(s.doc, s.editor, {}).bytes,
        })
      ).type,
    ).toBe('ack');
  });

  it('an envelope naming a log position before its author could write', async () => {
    const s = await scene();
    await promoteViewer(s);
    const promoted = await relay.connect(s.viewer);
    // Naming the log from before the promotion, where every client sees a viewer.
    const before = { length: 3, head: s.log.hashes[2] as Uint8Array };
    expectError(
      await promoted.request({
        type: 'publish',
        envelope: update(s.doc, s.viewer, { log: before }).bytes,
      }),
      'forbidden',
    );
    expect(
      (await promoted.request({ type: 'publish', envelope: update(s.doc, s.viewer, {}).bytes }))
        .type,
    ).toBe('ack');
  });
});
