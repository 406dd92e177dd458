// The heart of the malicious-relay defence: the verifier against crafted streams. Each attack must be
// detected with its own reason, leave the state untouched and hand nothing to apply.
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toHex } from '../../src-shared/protocol/bytes';
import {
  encodeEnvelope,
  encodeHeader,
  encodeSnapshotLink,
  ZERO_HASH,
  ZERO_ID,
  type AuthorClock,
  type EnvelopeHeader,
} from '../../src-shared/protocol/envelope';
import { decodeEntry } from '../../src-shared/protocol/membership-entry';
import { replayLog, type GroupState } from '../../src-shared/protocol/membership-state';
import { indexVerifiedLog } from '../../src-shared/protocol/log-index';
import { randomBytes, sodiumReady } from '../../src-main/core/crypto/sodium';
import { documentKey, protocolCrypto } from '../../src-main/core/groups/group-crypto';
import { buildAddMember, buildCreateGroup } from '../../src-main/core/groups/group-ops';
import {
  initialVerifierState,
  recordMySnapshotAck,
  recordMyUpdateAck,
  startCatchUp,
  verifyDeliver,
  verifyLink,
  type Verdict,
  type VerifierState,
  type VerifyContext,
} from '../../src-main/core/sync/document-verifier';
import { sealEnvelope, snapshotProof } from '../../src-main/core/sync/envelope-crypto';
import { updateHeader } from '../support/envelope-headers';
import { device, keysOf, signer, type Device } from '../support/test-devices';
import { yjsUpdateBomb } from '../support/yjs-update-bomb';

let me: Device, bob: Device, viewer: Device, outsider: Device;
let group: GroupState;
let groupId: Uint8Array, docId: Uint8Array, epochKey: Uint8Array, docKey: Uint8Array;
let ctx: VerifyContext;

beforeAll(async () => {
  await sodiumReady();
  [me, bob, viewer, outsider] = [device(), device(), device(), device()];
  const created = buildCreateGroup({
    me: keysOf(me),
    name: 'Coalition',
    sign: signer(me),
    now: 1,
  });
  ({ groupId, docId, epochKey } = created);
  let state = replayLog([decodeEntry(created.entry)], protocolCrypto);
  const entries = [created.entry];
  for (const [who, role] of [
    [bob, 'editor'],
    [viewer, 'viewer'],
  ] as const) {
    const added = buildAddMember({
      state,
      me: me.signing.publicKey,
      member: keysOf(who),
      role,
      epochKeys: new Map([[0, epochKey]]),
      sign: signer(me),
      now: 2,
    });
    entries.push(added.entry);
    state = replayLog(entries.map(decodeEntry), protocolCrypto);
  }
  group = state;
  docKey = documentKey(epochKey, groupId, docId, 0);
  ctx = {
    me: me.signing.publicKey,
    group,
    log: indexVerifiedLog(entries, protocolCrypto),
    documentKey: (e) => (e === 0 ? docKey : null),
  };
});

function header(over: Partial<EnvelopeHeader> & { author: Uint8Array }): EnvelopeHeader {
  const log = { length: group.length, head: group.headHash };
  return updateHeader({ groupId, docId, clock: 1, log, ...over });
}

function yUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdateV2(doc);
}

function seal(h: EnvelopeHeader, by: Device, plaintext = yUpdate('x'), key = docKey) {
  return sealEnvelope(h, plaintext, key, signer(by));
}

interface Snap {
  id: Uint8Array;
  proof: Uint8Array;
  generation: number;
  bytes: Uint8Array;
  link: Uint8Array;
}

function snapshot(
  parent: { id: Uint8Array; proof: Uint8Array; generation: number },
  by: Device,
  parentClocks: AuthorClock[] = [],
): Snap {
  const id = randomBytes(16);
  const sealed = seal(
    header({
      kind: 'snapshot',
      snapshotId: id,
      author: by.signing.publicKey,
      clock: 0,
      basis: null,
      snapshot: {
        parentId: parent.id,
        parentProof: parent.proof,
        generation: parent.generation + 1,
        parentClocks,
      },
    }),
    by,
    yUpdate('snapshot'),
  );
  const { headerBytes, nonce, signature } = sealed.envelope;
  return {
    id,
    generation: parent.generation + 1,
    proof: snapshotProof(parent.proof, id, sealed.ciphertextHash),
    bytes: sealed.bytes,
    link: encodeSnapshotLink({
      headerBytes,
      nonce,
      ciphertextHash: sealed.ciphertextHash,
      signature,
    }),
  };
}

const GENESIS = { id: ZERO_ID, proof: ZERO_HASH, generation: 0 };

/** A state with snapshot 1 active, as after a first catch-up. */
function withSnapshot(): { state: VerifierState; s1: Snap } {
  const s1 = snapshot(GENESIS, bob);
  const verdict = verifyDeliver(initialVerifierState(groupId, docId), ctx, 1, s1.bytes);
  if (!verdict.ok) throw new Error(verdict.detail);
  return { state: verdict.state, s1 };
}

function update(s: Snap, by: Device, clock: number, text = 'x') {
  const basis = { generation: s.generation, proof: s.proof };
  return seal(
    header({ snapshotId: s.id, author: by.signing.publicKey, clock, basis }),
    by,
    yUpdate(text),
  );
}

function expectRejected(verdict: Verdict, reason: string): void {
  expect(verdict.ok).toBe(false);
  if (verdict.ok) return;
  expect(verdict.reason).toBe(reason);
  // Nothing to apply on a rejection: the verdict carries no plaintext and no state.
  expect(verdict).not.toHaveProperty('apply');
  expect(verdict).not.toHaveProperty('state');
}

describe('document verifier: accepts an honest stream', () => {
  it('applies a genesis snapshot, then updates in clock order from several authors', () => {
    const start = withSnapshot();
    const s1 = start.s1;
    let state = start.state;
    expect(state.active?.generation).toBe(1);
    for (const [by, clock, seq] of [
      [bob, 1, 2],
      [me, 1, 3],
      [bob, 2, 4],
    ] as const) {
      const v = verifyDeliver(state, ctx, seq, update(s1, by, clock).bytes);
      expect(v.ok && v.kind).toBe('update');
      if (!v.ok) return;
      expect(v.apply).not.toBeNull();
      state = v.state;
    }
    expect(state.clocks[toHex(bob.signing.publicKey)]).toBe(2);
    expect(state.lastSeq).toBe(4);
  });

  it('follows a chain of links to the relay’s active snapshot and then takes it', () => {
    const start = withSnapshot();
    const s1 = start.s1;
    let state = start.state;
    const s2 = snapshot(s1, bob);
    const s3 = snapshot(s2, me);
    state = startCatchUp(state);
    const link = verifyLink(state, ctx, s2.link);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const deliver = verifyDeliver(link.state, ctx, 20, s3.bytes);
    expect(deliver.ok && deliver.kind).toBe('snapshot');
    if (deliver.ok) expect(deliver.state.active?.proof).toBe(toHex(s3.proof));
  });

  it('treats my own acknowledged update coming back in a catch-up as an echo, not a replay', () => {
    const start = withSnapshot();
    const s1 = start.s1;
    let state = start.state;
    const mine = update(s1, me, 1);
    state = recordMyUpdateAck(state, me.signing.publicKey, 1, 7, mine.ciphertextHash);
    const v = verifyDeliver(state, ctx, 7, mine.bytes);
    expect(v.ok && v.kind).toBe('echo');
  });
});

describe('document verifier: detects every attack', () => {
  it('tampered: a flipped ciphertext bit', () => {
    const { state, s1 } = withSnapshot();
    const sealed = update(s1, bob, 1);
    const { headerBytes, nonce, ciphertext, signature } = sealed.envelope;
    const flipped = ciphertext.slice();
    flipped[3] = (flipped[3] ?? 0) ^ 0x01;
    const bytes = encodeEnvelope({ headerBytes, nonce, ciphertext: flipped, signature });
    expectRejected(verifyDeliver(state, ctx, 2, bytes), 'tampered');
  });

  it('tampered: a changed header byte (clock), a changed nonce, garbage', () => {
    const { state, s1 } = withSnapshot();
    const sealed = update(s1, bob, 1);
    const { nonce, ciphertext, signature } = sealed.envelope;
    const changedHeader = encodeHeader({ ...sealed.envelope.header, clock: 2 });
    expectRejected(
      verifyDeliver(
        state,
        ctx,
        2,
        encodeEnvelope({ headerBytes: changedHeader, nonce, ciphertext, signature }),
      ),
      'tampered',
    );
    const otherNonce = nonce.slice();
    otherNonce[0] = (otherNonce[0] ?? 0) ^ 0x80;
    expectRejected(
      verifyDeliver(
        state,
        ctx,
        2,
        encodeEnvelope({
          headerBytes: sealed.envelope.headerBytes,
          nonce: otherNonce,
          ciphertext,
          signature,
        }),
      ),
      'tampered',
    );
    expectRejected(verifyDeliver(state, ctx, 2, new Uint8Array([1, 2, 3])), 'tampered');
  });

  it('bad content: signed by its author but encrypted under another key is counted, not applied', () => {
    const { state, s1 } = withSnapshot();
    const sealed = seal(
      header({
        snapshotId: s1.id,
        author: bob.signing.publicKey,
        clock: 1,
        basis: { generation: s1.generation, proof: s1.proof },
      }),
      bob,
      yUpdate('x'),
      randomBytes(32),
    );
    const v = verifyDeliver(state, ctx, 2, sealed.bytes);
    expect(v.ok && v.apply).toBeNull();
    expect(v.ok && v.bad?.reason).toBe('bad-update');
    expect(v.ok && v.state.clocks[toHex(bob.signing.publicKey)]).toBe(1);
  });

  it('bad content: an update of a few bytes that claims millions of structs is counted, not applied', () => {
    const { state, s1 } = withSnapshot();
    const h = header({
      snapshotId: s1.id,
      author: bob.signing.publicKey,
      clock: 1,
      basis: { generation: s1.generation, proof: s1.proof },
    });
    const v = verifyDeliver(state, ctx, 2, seal(h, bob, yjsUpdateBomb(10_000_000)).bytes);
    expect(v.ok && v.apply).toBeNull();
    expect(v.ok && v.bad?.reason).toBe('bad-update');
    // The document goes on: bob's clock moved past it.
    expect(v.ok && v.state.clocks[toHex(bob.signing.publicKey)]).toBe(1);
  });

  it('tampered: a signature replaced by that of another message of the same author', () => {
    const { state, s1 } = withSnapshot();
    const a = update(s1, bob, 1, 'a');
    const b = update(s1, bob, 1, 'b');
    const { headerBytes, nonce, ciphertext } = a.envelope;
    const bytes = encodeEnvelope({
      headerBytes,
      nonce,
      ciphertext,
      signature: b.envelope.signature,
    });
    expectRejected(verifyDeliver(state, ctx, 2, bytes), 'tampered');
  });

  it('forged: an author who is not a member, a viewer, or another member’s signature', () => {
    const { state, s1 } = withSnapshot();
    expectRejected(verifyDeliver(state, ctx, 2, update(s1, outsider, 1).bytes), 'forged');
    expectRejected(verifyDeliver(state, ctx, 2, update(s1, viewer, 1).bytes), 'forged');
    // Bob's header, my signature: claims Bob wrote what I signed.
    const byMe = seal(header({ snapshotId: s1.id, author: bob.signing.publicKey, clock: 1 }), me);
    expectRejected(verifyDeliver(state, ctx, 2, byMe.bytes), 'forged');
  });

  it('spliced: an envelope of another document or another group', () => {
    const { state, s1 } = withSnapshot();
    const otherDoc = seal(
      header({ docId: randomBytes(16), snapshotId: s1.id, author: bob.signing.publicKey }),
      bob,
    );
    expectRejected(verifyDeliver(state, ctx, 2, otherDoc.bytes), 'spliced');
    const otherGroup = seal(
      header({ groupId: randomBytes(16), snapshotId: s1.id, author: bob.signing.publicKey }),
      bob,
    );
    expectRejected(verifyDeliver(state, ctx, 2, otherGroup.bytes), 'spliced');
  });

  it('replayed: the same update twice, or an older clock', () => {
    const { state, s1 } = withSnapshot();
    const first = update(s1, bob, 1);
    const v = verifyDeliver(state, ctx, 2, first.bytes);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expectRejected(verifyDeliver(v.state, ctx, 3, first.bytes), 'replayed');
    // My own update with a seq the relay never acknowledged to me is a replay too.
    const acked = recordMyUpdateAck(v.state, me.signing.publicKey, 1, 3, new Uint8Array(32));
    expectRejected(verifyDeliver(acked, ctx, 9, update(s1, me, 1).bytes), 'replayed');
  });

  it('gap: a dropped or reordered update', () => {
    const { state, s1 } = withSnapshot();
    expectRejected(verifyDeliver(state, ctx, 2, update(s1, bob, 2).bytes), 'gap');
  });

  it('unknown-snapshot: an update on a snapshot that is not the active one', () => {
    const { state, s1 } = withSnapshot();
    const s2 = snapshot(s1, bob);
    expectRejected(verifyDeliver(state, ctx, 2, update(s2, bob, 1).bytes), 'unknown-snapshot');
    // Before any snapshot is verified, no update can be placed.
    expectRejected(
      verifyDeliver(initialVerifierState(groupId, docId), ctx, 2, update(s1, bob, 1).bytes),
      'unknown-snapshot',
    );
  });

  it('rolled-back: an older snapshot, a sibling, a broken chain, a forged proof', () => {
    const { state, s1 } = withSnapshot();
    const s2 = snapshot(s1, bob);
    const v = verifyDeliver(state, ctx, 5, s2.bytes);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    // s1 again: generation not above the active one.
    expectRejected(verifyDeliver(v.state, ctx, 6, s1.bytes), 'rolled-back');
    expectRejected(verifyLink(startCatchUp(v.state), ctx, s1.link), 'rolled-back');
    // A sibling of s2 (child of s1) with a higher generation claim cannot attach either.
    const fake = snapshot({ ...s1, generation: 2 }, bob);
    expectRejected(verifyDeliver(v.state, ctx, 6, fake.bytes), 'rolled-back');
    // The right parent id but another parent proof (a rewritten history).
    const wrongProof = snapshot({ id: s2.id, proof: randomBytes(32), generation: 2 }, bob);
    expectRejected(verifyDeliver(v.state, ctx, 6, wrongProof.bytes), 'rolled-back');
    // A chain that skips a link: s4 offered right after s2.
    const s3 = snapshot(s2, bob);
    const s4 = snapshot(s3, bob);
    expectRejected(verifyDeliver(startCatchUp(v.state), ctx, 9, s4.bytes), 'rolled-back');
  });

  it('omits-my-updates: a snapshot whose clocks for me are below what the relay confirmed', () => {
    const { state, s1 } = withSnapshot();
    const acked = recordMyUpdateAck(state, me.signing.publicKey, 3, 4, new Uint8Array(32));
    const omitting = snapshot(s1, bob, [
      { author: me.signing.publicKey, clock: 2 },
      { author: bob.signing.publicKey, clock: 5 },
    ]);
    expectRejected(verifyDeliver(acked, ctx, 9, omitting.bytes), 'omits-my-updates');
    expectRejected(verifyLink(startCatchUp(acked), ctx, omitting.link), 'omits-my-updates');
    const honest = snapshot(s1, bob, [{ author: me.signing.publicKey, clock: 3 }]);
    expect(verifyDeliver(acked, ctx, 9, honest.bytes).ok).toBe(true);
  });

  it('my acknowledged snapshot moves the last seq even past a frame still held, with its mark', () => {
    const { state, s1 } = withSnapshot();
    const ref = { id: toHex(s1.id), generation: 2, proof: toHex(s1.proof), epoch: 0, logLength: 1 };
    // The relay took it at seq 4 while the frame at 2 waited for a key here: the relay took it
    // only with every clock on the parent verified, so nothing before 4 is outstanding.
    const mark = new Uint8Array(32).fill(7);
    const acked = recordMySnapshotAck(state, ref, 4, mark);
    expect(acked.lastSeq).toBe(4);
    expect(acked.lastMark).toBe(toHex(mark));
    // An update's ACK past a gap does not move it: its seqs before may hold others' updates.
    const update = recordMyUpdateAck(acked, me.signing.publicKey, 1, 9, mark);
    expect(update.lastSeq).toBe(4);
  });

  it('a rejection leaves the state as it was, so the honest next message is still accepted', () => {
    const { state, s1 } = withSnapshot();
    const before = JSON.stringify(state);
    expectRejected(verifyDeliver(state, ctx, 2, update(s1, bob, 2).bytes), 'gap');
    expect(JSON.stringify(state)).toBe(before);
    expect(verifyDeliver(state, ctx, 2, update(s1, bob, 1).bytes).ok).toBe(true);
  });
});
