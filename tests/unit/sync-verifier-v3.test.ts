// Protocol v3's attacks against the verifier: a member's poisoned content, a removed member writing
// with its old epoch, signed log heads that are ahead of mine or another history, forks of the
// document, a demoted editor's earlier updates, and a catch-up cut off after its snapshot links.
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toHex } from '../../src-shared/protocol/bytes';
import {
  encodeSnapshotLink,
  ZERO_HASH,
  ZERO_ID,
  type AuthorClock,
  type EnvelopeHeader,
  type LogHead,
} from '../../src-shared/protocol/envelope';
import { indexVerifiedLog } from '../../src-shared/protocol/log-index';
import { decodeEntry } from '../../src-shared/protocol/membership-entry';
import { replayLog, type GroupState } from '../../src-shared/protocol/membership-state';
import { randomBytes, sodiumReady } from '../../src-main/core/crypto/sodium';
import { documentKey, protocolCrypto } from '../../src-main/core/groups/group-crypto';
import {
  buildAddMember,
  buildCreateGroup,
  buildEntry,
  buildNewEpoch,
} from '../../src-main/core/groups/group-ops';
import {
  initialVerifierState,
  startCatchUp,
  verifyDeliver,
  verifyLink,
  type Verdict,
  type VerifierState,
  type VerifyContext,
} from '../../src-main/core/sync/document-verifier';
import { sealEnvelope, snapshotProof } from '../../src-main/core/sync/envelope-crypto';
import { device, keysOf, signer, type Device } from '../support/test-devices';

let admin: Device, bob: Device, carol: Device;
let groupId: Uint8Array, docId: Uint8Array;
const epochKeys = new Map<number, Uint8Array>();
/** The log after each entry: [create, add bob, add carol, demote bob, remove carol]. */
const states: GroupState[] = [];
const entries: Uint8Array[] = [];

beforeAll(async () => {
  await sodiumReady();
  [admin, bob, carol] = [device(), device(), device()];
  const created = buildCreateGroup({ me: keysOf(admin), name: 'C', sign: signer(admin), now: 1 });
  ({ groupId, docId } = created);
  epochKeys.set(0, created.epochKey);
  const push = (entry: Uint8Array) => {
    entries.push(entry);
    states.push(replayLog(entries.map(decodeEntry), protocolCrypto));
  };
  push(created.entry);
  for (const who of [bob, carol]) {
    const state = states.at(-1) as GroupState;
    push(
      buildAddMember({
        state,
        me: admin.signing.publicKey,
        member: keysOf(who),
        role: 'editor',
        epochKeys,
        sign: signer(admin),
        now: 2,
      }).entry,
    );
  }
  push(
    buildEntry({
      state: states.at(-1) as GroupState,
      author: admin.signing.publicKey,
      op: { type: 'set-role', member: bob.signing.publicKey, role: 'viewer' },
      sign: signer(admin),
      now: 3,
    }).entry,
  );
  const removal = buildNewEpoch({
    state: states.at(-1) as GroupState,
    me: admin.signing.publicKey,
    remove: carol.signing.publicKey,
    sign: signer(admin),
    now: 4,
  });
  epochKeys.set(removal.epoch, removal.epochKey);
  push(removal.entry);
});

/** My view: the log up to `length` entries (I am the admin). */
function ctxAt(length: number): VerifyContext {
  const state = states[length - 1] as GroupState;
  return {
    me: admin.signing.publicKey,
    group: state,
    log: indexVerifiedLog(entries.slice(0, length), protocolCrypto),
    documentKey: (epoch) => {
      const key = epochKeys.get(epoch);
      return key ? documentKey(key, groupId, docId, epoch) : null;
    },
  };
}

const headAt = (length: number): LogHead => ({
  length,
  head: (states[length - 1] as GroupState).headHash,
});

function yUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdateV2(doc);
}

interface Snap {
  id: Uint8Array;
  proof: Uint8Array;
  generation: number;
  epoch: number;
  bytes: Uint8Array;
  link: Uint8Array;
}

const GENESIS = { id: ZERO_ID, proof: ZERO_HASH, generation: 0 };

function seal(h: EnvelopeHeader, by: Device, plaintext: Uint8Array) {
  const key = documentKey(epochKeys.get(h.epoch) as Uint8Array, groupId, docId, h.epoch);
  return sealEnvelope(h, plaintext, key, signer(by));
}

function snapshot(
  parent: { id: Uint8Array; proof: Uint8Array; generation: number },
  by: Device,
  options: { log: LogHead; epoch?: number; parentClocks?: AuthorClock[] },
): Snap {
  const id = randomBytes(16);
  const epoch = options.epoch ?? 0;
  const sealed = seal(
    {
      kind: 'snapshot',
      groupId,
      docId,
      epoch,
      snapshotId: id,
      author: by.signing.publicKey,
      clock: 0,
      log: options.log,
      basis: null,
      snapshot: {
        parentId: parent.id,
        parentProof: parent.proof,
        generation: parent.generation + 1,
        parentClocks: options.parentClocks ?? [],
      },
    },
    by,
    yUpdate('snapshot'),
  );
  const { headerBytes, nonce, signature } = sealed.envelope;
  return {
    id,
    epoch,
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

function update(
  on: Snap,
  by: Device,
  clock: number,
  options: { log: LogHead; epoch?: number; plaintext?: Uint8Array; basisProof?: Uint8Array },
) {
  return seal(
    {
      kind: 'update',
      groupId,
      docId,
      epoch: options.epoch ?? on.epoch,
      snapshotId: on.id,
      author: by.signing.publicKey,
      clock,
      log: options.log,
      basis: { generation: on.generation, proof: options.basisProof ?? on.proof },
      snapshot: null,
    },
    by,
    options.plaintext ?? yUpdate(`u${clock}`),
  );
}

function accepted(verdict: Verdict): VerifierState {
  if (!verdict.ok) throw new Error(`${verdict.reason}: ${verdict.detail}`);
  return verdict.state;
}

function expectRejected(verdict: Verdict, reason: string): void {
  expect(verdict.ok ? 'accepted' : verdict.reason).toBe(reason);
}

/** A document whose first snapshot is active, as the admin wrote it at the log of `length`. */
function started(length: number): { state: VerifierState; s1: Snap } {
  const s1 = snapshot(GENESIS, admin, { log: headAt(length), epoch: states[length - 1]?.epoch });
  const state = accepted(
    verifyDeliver(initialVerifierState(groupId, docId), ctxAt(length), 1, s1.bytes),
  );
  return { state, s1 };
}

describe('protocol v3: a member’s poisoned content', () => {
  it('refuses bytes that are not a Yjs update without applying them, and the author goes on', () => {
    const { state, s1 } = started(3);
    const poisoned = update(s1, bob, 1, {
      log: headAt(3),
      plaintext: new Uint8Array([0, 1, 2, 200]),
    });
    const verdict = verifyDeliver(state, ctxAt(3), 2, poisoned.bytes);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.apply).toBeNull();
    expect(verdict.bad?.reason).toBe('bad-update');
    expect(toHex(verdict.bad?.author ?? new Uint8Array())).toBe(toHex(bob.signing.publicKey));
    // Counted in Bob's clock: his next, honest update is not a "gap".
    const next = verifyDeliver(
      verdict.state,
      ctxAt(3),
      3,
      update(s1, bob, 2, { log: headAt(3) }).bytes,
    );
    expect(next.ok && next.apply).not.toBeNull();
  });
});

describe('protocol v3: a removed member stays out, even with a colluding relay', () => {
  it('refuses an update the removed member signs with its last epoch on the new snapshot', () => {
    // Carol was removed at entry 5 (epoch 1); the admin re-snapshotted under epoch 1.
    const { state, s1 } = started(3);
    const s2 = snapshot(s1, admin, { log: headAt(5), epoch: 1 });
    const moved = accepted(verifyDeliver(state, ctxAt(5), 2, s2.bytes));
    // Carol names the log as it was before her removal, and epoch 0 whose key she holds.
    const forged = update(s2, carol, 1, { log: headAt(4), epoch: 0 });
    expectRejected(verifyDeliver(moved, ctxAt(5), 3, forged.bytes), 'forged');
    // Naming the log after her removal does not help either.
    const named = update(s2, carol, 1, { log: headAt(5), epoch: 1 });
    expectRejected(verifyDeliver(moved, ctxAt(5), 3, named.bytes), 'forged');
  });

  it('still accepts what she wrote before her removal, in a catch-up after it', () => {
    const { state, s1 } = started(3);
    const before = update(s1, carol, 1, { log: headAt(3) });
    expect(verifyDeliver(state, ctxAt(5), 2, before.bytes).ok).toBe(true);
  });

  it('refuses a snapshot that goes back to an older epoch or an older log', () => {
    const { state, s1 } = started(5);
    const older = snapshot(s1, admin, { log: headAt(3), epoch: 0 });
    expectRejected(verifyDeliver(state, ctxAt(5), 2, older.bytes), 'forged');
  });
});

describe('protocol v3: signed log heads', () => {
  it('says when the author has seen a longer log than mine', () => {
    const { state, s1 } = started(3);
    const ahead = update(s1, admin, 1, { log: headAt(4) });
    expectRejected(verifyDeliver(state, ctxAt(3), 2, ahead.bytes), 'log-ahead');
  });

  it('says when the author’s log is another history than mine', () => {
    const { state, s1 } = started(3);
    const other = update(s1, admin, 1, { log: { length: 3, head: randomBytes(32) } });
    expectRejected(verifyDeliver(state, ctxAt(3), 2, other.bytes), 'forked-log');
  });

  it('refuses an epoch that is not the epoch of the log the author names', () => {
    const { state, s1 } = started(3);
    const wrong = update(s1, admin, 1, { log: headAt(3), epoch: 1 });
    expectRejected(verifyDeliver(state, ctxAt(3), 2, wrong.bytes), 'forged');
  });
});

describe('protocol v3: rights are judged where the author stood', () => {
  it('keeps a demoted editor’s earlier updates valid and refuses later ones', () => {
    const { state, s1 } = started(3);
    // Bob wrote while an editor (log of 3); I read it after his demotion (log of 4).
    const earlier = update(s1, bob, 1, { log: headAt(3) });
    const after = accepted(verifyDeliver(state, ctxAt(4), 2, earlier.bytes));
    const later = update(s1, bob, 2, { log: headAt(4) });
    expectRejected(verifyDeliver(after, ctxAt(4), 3, later.bytes), 'forged');
  });

  it('does not let an update name an older log than the snapshot it builds on', () => {
    const { state, s1 } = started(3);
    const s2 = snapshot(s1, admin, { log: headAt(4) });
    const moved = accepted(verifyDeliver(state, ctxAt(4), 2, s2.bytes));
    // Bob, demoted at entry 4, pretends not to know it.
    const stale = update(s2, bob, 1, { log: headAt(3) });
    expectRejected(verifyDeliver(moved, ctxAt(4), 3, stale.bytes), 'forged');
  });
});

describe('protocol v3: forks of the document', () => {
  it('sees an update built on another snapshot of the same generation', () => {
    const { state, s1 } = started(3);
    const sibling = snapshot(GENESIS, admin, { log: headAt(3) });
    const onSibling = update(sibling, bob, 1, { log: headAt(3) });
    expectRejected(verifyDeliver(state, ctxAt(3), 2, onSibling.bytes), 'forked-document');
    // The active snapshot's id with another proof is the same lie told differently.
    const sameId = update(s1, bob, 1, { log: headAt(3), basisProof: randomBytes(32) });
    expectRejected(verifyDeliver(state, ctxAt(3), 2, sameId.bytes), 'forked-document');
  });

  it('sees a snapshot whose author never saw an update I verified on its parent', () => {
    const { state, s1 } = started(3);
    const seen = accepted(
      verifyDeliver(state, ctxAt(3), 2, update(s1, bob, 1, { log: headAt(3) }).bytes),
    );
    const blind = snapshot(s1, admin, { log: headAt(3) });
    expectRejected(verifyDeliver(seen, ctxAt(3), 3, blind.bytes), 'forked-document');
    const covering = snapshot(s1, admin, {
      log: headAt(3),
      parentClocks: [{ author: bob.signing.publicKey, clock: 1 }],
    });
    expect(verifyDeliver(seen, ctxAt(3), 3, covering.bytes).ok).toBe(true);
  });
});

describe('protocol v3: an interrupted catch-up', () => {
  it('does not move lastSeq past links, so the next catch-up starts before them again', () => {
    const { state, s1 } = started(3);
    const s2 = snapshot(s1, admin, { log: headAt(3) });
    const s3 = snapshot(s2, admin, { log: headAt(3) });
    const linked = accepted(verifyLink(startCatchUp(state), ctxAt(3), s2.link));
    expect(linked.lastSeq).toBe(state.lastSeq);
    // The connection drops here; the next catch-up (from lastSeq) sends the link and s3 again.
    const again = accepted(verifyLink(startCatchUp(linked), ctxAt(3), s2.link));
    const done = verifyDeliver(again, ctxAt(3), 6, s3.bytes);
    expect(done.ok && done.kind).toBe('snapshot');
    // Without the link (what a lastSeq moved past it would give), s3 cannot attach: a false alarm.
    expectRejected(verifyDeliver(startCatchUp(linked), ctxAt(3), 6, s3.bytes), 'rolled-back');
  });
});
