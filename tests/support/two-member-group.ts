// A group of two devices for presence and profile tests: "me" created it and added "bob" as an
// editor; both hold its state and verified log, and the key of its first document at epoch 0.
import { indexVerifiedLog, type LogIndex } from '../../src-shared/protocol/log-index';
import { decodeEntry } from '../../src-shared/protocol/membership-entry';
import { replayLog, type GroupState } from '../../src-shared/protocol/membership-state';
import { sodiumReady } from '../../src-main/core/crypto/sodium';
import { documentKey, protocolCrypto } from '../../src-main/core/groups/group-crypto';
import { buildAddMember, buildCreateGroup } from '../../src-main/core/groups/group-ops';
import { device, keysOf, signer, type Device } from './test-devices';

export interface TwoMemberGroup {
  me: Device;
  bob: Device;
  state: GroupState;
  log: LogIndex;
  groupId: Uint8Array;
  docId: Uint8Array;
  key: Uint8Array;
}

export async function twoMemberGroup(): Promise<TwoMemberGroup> {
  await sodiumReady();
  const [me, bob] = [device(), device()];
  const created = buildCreateGroup({ me: keysOf(me), name: 'P', sign: signer(me), now: 1 });
  const { groupId, docId } = created;
  const added = buildAddMember({
    state: replayLog([decodeEntry(created.entry)], protocolCrypto),
    me: me.signing.publicKey,
    member: keysOf(bob),
    role: 'editor',
    epochKeys: new Map([[0, created.epochKey]]),
    sign: signer(me),
    now: 2,
  });
  const entries = [created.entry, added.entry];
  return {
    me,
    bob,
    state: replayLog(entries.map(decodeEntry), protocolCrypto),
    log: indexVerifiedLog(entries, protocolCrypto),
    groupId,
    docId,
    key: documentKey(created.epochKey, groupId, docId, 0),
  };
}
