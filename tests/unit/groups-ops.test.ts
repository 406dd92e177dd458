// Groups: create, add a member, and the checks on a group as a relay serves it, including a
// relay-substituted lockbox (sealed to me, but with a key the log does not commit to).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeLockbox,
  encodeLockbox,
  lockboxSigningBytes,
} from '../../src-shared/protocol/lockbox';
import {
  openSealedBox,
  randomBytes,
  sealToBoxKey,
  sign,
  sodiumReady,
} from '../../src-main/core/crypto/sodium';
import { documentKey, epochKeyCommitment } from '../../src-main/core/groups/group-crypto';
import {
  extendLog,
  GroupVerificationError,
  openMyEpochKey,
  readMetadata,
} from '../../src-main/core/groups/group-checks';
import {
  buildAddMember,
  buildCreateGroup,
  makeLockbox,
} from '../../src-main/core/groups/group-ops';
import { device, keysOf, signer, type Device } from '../support/test-devices';

const opener = (d: Device) => (sealed: Uint8Array) =>
  openSealedBox(d.box.publicKey, d.box.secretKey, sealed);

let admin: Device, member: Device, stranger: Device;
beforeAll(async () => {
  await sodiumReady();
  [admin, member, stranger] = [device(), device(), device()];
});

function createdAndAdded(role: 'editor' | 'viewer' = 'editor') {
  const created = buildCreateGroup({
    me: keysOf(admin),
    name: 'Exile Network',
    sign: signer(admin),
    now: 1,
  });
  const first = extendLog(null, [created.entry], 0);
  const added = buildAddMember({
    state: first.state,
    me: admin.signing.publicKey,
    member: keysOf(member),
    role,
    epochKeys: new Map([[0, created.epochKey]]),
    sign: signer(admin),
    now: 2,
  });
  const log = extendLog(first, [added.entry], 1);
  return { created, log, lockboxes: added.lockboxes };
}

function refusal(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(GroupVerificationError);
    return (error as GroupVerificationError).reason;
  }
}

describe('groups', () => {
  it('creates a group whose log commits to the key and whose metadata only members can read', () => {
    const { created, log } = createdAndAdded();
    expect(log.state.members.size).toBe(2);
    expect(log.state.epochKeyCommitments.get(0)).toEqual(
      epochKeyCommitment(created.groupId, 0, created.epochKey),
    );
    const metadata = readMetadata(log.state, created.epochKey);
    expect(metadata.name).toBe('Exile Network');
    expect(metadata.docId).toBe(Buffer.from(created.docId).toString('hex'));
    expect(Buffer.from(log.entries[0] ?? []).includes(Buffer.from('Exile'))).toBe(false);
    expect(refusal(() => readMetadata(log.state, randomBytes(32)))).toBe('bad-metadata');
    // The creator's own lockbox opens to the key.
    const mine = openMyEpochKey({
      state: log.state,
      me: admin.signing.publicKey,
      epoch: 0,
      lockboxes: [created.lockbox],
      openSealed: opener(admin),
    });
    expect(mine).toEqual(created.epochKey);
  });

  it('a new member opens their lockbox and derives the same document key', () => {
    const { created, log, lockboxes } = createdAndAdded();
    const key = openMyEpochKey({
      state: log.state,
      me: member.signing.publicKey,
      epoch: 0,
      lockboxes,
      openSealed: opener(member),
    });
    expect(documentKey(key, created.groupId, created.docId, 0)).toEqual(
      documentKey(created.epochKey, created.groupId, created.docId, 0),
    );
    expect(documentKey(key, created.groupId, randomBytes(16), 0)).not.toEqual(
      documentKey(key, created.groupId, created.docId, 0),
    );
  });

  it('refuses a relay-substituted lockbox: sealed to me, signed by an admin, wrong key', () => {
    const { created, log } = createdAndAdded();
    // Even with an admin's signature the key must match the commitment; here the relay's own key.
    const substituted = makeLockbox({
      groupId: created.groupId,
      epoch: 0,
      epochKey: randomBytes(32),
      recipient: keysOf(member),
      author: admin.signing.publicKey,
      sign: signer(admin),
    });
    expect(
      refusal(() =>
        openMyEpochKey({
          state: log.state,
          me: member.signing.publicKey,
          epoch: 0,
          lockboxes: [substituted],
          openSealed: opener(member),
        }),
      ),
    ).toBe('lockbox-key-mismatch');
  });

  it('refuses lockboxes not signed by an admin, with a bad signature, or not for my key', () => {
    const { created, log, lockboxes } = createdAndAdded();
    const byStranger = makeLockbox({
      groupId: created.groupId,
      epoch: 0,
      epochKey: created.epochKey,
      recipient: keysOf(member),
      author: stranger.signing.publicKey,
      sign: signer(stranger),
    });
    const open = (boxes: Uint8Array[]) => () =>
      openMyEpochKey({
        state: log.state,
        me: member.signing.publicKey,
        epoch: 0,
        lockboxes: boxes,
        openSealed: opener(member),
      });
    expect(refusal(open([byStranger]))).toBe('lockbox-not-from-admin');
    const genuine = decodeLockbox(lockboxes[0] ?? new Uint8Array());
    const badSig = encodeLockbox({ ...genuine, signature: new Uint8Array(64).fill(3) });
    expect(refusal(open([badSig]))).toBe('lockbox-bad-signature');
    // Signed properly by the admin but sealed to another box key.
    const body = {
      groupId: created.groupId,
      epoch: 0,
      recipient: member.signing.publicKey,
      sealed: sealToBoxKey(stranger.box.publicKey, created.epochKey),
      author: admin.signing.publicKey,
    };
    const notForMe = encodeLockbox({
      ...body,
      signature: sign(admin.signing.secretKey, lockboxSigningBytes(body)),
    });
    expect(refusal(open([notForMe]))).toBe('lockbox-not-for-me');
    expect(refusal(open([]))).toBe('no-lockbox');
    // A good lockbox among bad ones is found.
    expect(open([byStranger, ...lockboxes])()).toEqual(created.epochKey);
  });

  it('refuses a log that is forked, rewritten or invalid', () => {
    const { created, log } = createdAndAdded();
    const other = buildAddMember({
      state: extendLog(null, [created.entry], 0).state,
      me: admin.signing.publicKey,
      member: keysOf(stranger),
      role: 'viewer',
      epochKeys: new Map(),
      sign: signer(admin),
      now: 3,
    });
    expect(refusal(() => extendLog(log, [created.entry, other.entry], 0))).toBe('forked-log');
    expect(refusal(() => extendLog(log, [], 5))).toBe('forked-log');
    const tampered = log.entries[1]?.slice() ?? new Uint8Array();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(refusal(() => extendLog(null, [created.entry, tampered], 0))).toBe('invalid-log');
    // A member who is not an admin cannot add anyone.
    expect(() =>
      buildAddMember({
        state: log.state,
        me: member.signing.publicKey,
        member: keysOf(stranger),
        role: 'viewer',
        epochKeys: new Map(),
        sign: signer(member),
        now: 4,
      }),
    ).toThrow(/not-admin/);
  });
});
