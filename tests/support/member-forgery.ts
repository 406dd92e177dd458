// What a member's modified app signs for an attack test: a Yjs update of some text, and a document
// update sealed with that member's own key on the snapshot the test names (by default the one the
// owner's vault holds as active).
import * as Y from 'yjs';
import type { EnvelopeHeader } from '../../src-shared/protocol/envelope';
import { fromHex, sign } from '../../src-main/core/crypto/sodium';
import { documentKey } from '../../src-main/core/groups/group-crypto';
import { withDeviceSecretKeys } from '../../src-main/core/identity/device-identity';
import type { SnapshotRef } from '../../src-main/core/sync/document-verifier';
import { sealEnvelope } from '../../src-main/core/sync/envelope-crypto';
import { loadDoc } from '../../src-main/core/sync/outbox';
import { myDeviceKey, storedGroup, type Client } from './sync-clients';

export interface Signer {
  key: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

export function yUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdateV2(doc);
}

/** The member's device key as its app would sign with it (kept by the test after a removal). */
export function signerOf(member: Client): Signer {
  return {
    key: fromHex(myDeviceKey(member)),
    sign: (m) => withDeviceSecretKeys(member.vault.db, (k) => sign(k.signingSecretKey, m)),
  };
}

/** An update as a member's app seals it, on the document as `owner` verified it. */
export function memberUpdate(
  owner: Client,
  url: string,
  spaceId: string,
  author: Signer,
  clock: number,
  plaintext: Uint8Array,
  over: Partial<EnvelopeHeader> = {},
  on?: SnapshotRef,
): Uint8Array {
  const group = storedGroup(owner, url, spaceId);
  const active = on ?? loadDoc(owner.vault.db, group.docId)?.verifier.active;
  if (!active) throw new Error('no active snapshot');
  const epoch = over.epoch ?? group.state.epoch;
  const header: EnvelopeHeader = {
    kind: 'update',
    groupId: group.groupId,
    docId: group.docId,
    epoch,
    snapshotId: fromHex(active.id),
    author: author.key,
    clock,
    log: { length: group.state.length, head: group.state.headHash },
    basis: { generation: active.generation, proof: fromHex(active.proof) },
    snapshot: null,
    ...over,
  };
  const epochKey = group.epochKeys.get(epoch);
  if (!epochKey) throw new Error(`no key for epoch ${epoch}`);
  const key = documentKey(epochKey, group.groupId, group.docId, epoch);
  return sealEnvelope(header, plaintext, key, author.sign).bytes;
}
