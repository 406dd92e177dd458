// What the relay keeps for an invite: the space's name, its document id and (unless joins need an
// admin's approval) its epoch keys, encrypted under a key only the invite link's seed gives.
import * as encoding from 'lib0/encoding';
import { Domain } from '../../../src-shared/protocol/wire-constants';
import { aeadOpen, aeadSeal, keyedHash } from '../crypto/sodium';

export interface InviteMaterial {
  name: string;
  /** Hex id of the space's document. */
  docId: string;
  /**
   * Hex hash of the log's first entry: the joiner refuses a log that does not start with it, so a
   * relay cannot show a log of its own making (with itself as admin) to someone joining.
   */
  genesis: string;
  /** Epoch → key; every key is checked against the log's commitment before it is used. */
  epochKeys: Map<number, Uint8Array>;
}

function materialKey(seed: Uint8Array, groupId: Uint8Array): Uint8Array {
  const input = encoding.encode((e) => {
    encoding.writeVarString(e, Domain.inviteMaterial);
    encoding.writeUint8Array(e, groupId);
  });
  return keyedHash(seed, 32, input);
}

const associated = (groupId: Uint8Array, inviteKey: Uint8Array): Uint8Array => {
  const ad = new Uint8Array(groupId.length + inviteKey.length);
  ad.set(groupId);
  ad.set(inviteKey, groupId.length);
  return ad;
};

export function sealInviteMaterial(
  seed: Uint8Array,
  groupId: Uint8Array,
  inviteKey: Uint8Array,
  material: InviteMaterial,
): Uint8Array {
  const json = JSON.stringify({
    name: material.name,
    docId: material.docId,
    genesis: material.genesis,
    epochKeys: Object.fromEntries(
      [...material.epochKeys].map(([epoch, key]) => [
        String(epoch),
        Buffer.from(key).toString('base64'),
      ]),
    ),
  });
  return aeadSeal(
    materialKey(seed, groupId),
    new TextEncoder().encode(json),
    associated(groupId, inviteKey),
  );
}

/** Throws when the material does not decrypt with this seed or has the wrong shape. */
export function openInviteMaterial(
  seed: Uint8Array,
  groupId: Uint8Array,
  inviteKey: Uint8Array,
  sealed: Uint8Array,
): InviteMaterial {
  const plaintext = aeadOpen(materialKey(seed, groupId), sealed, associated(groupId, inviteKey));
  const parsed = JSON.parse(new TextDecoder().decode(plaintext)) as unknown;
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error('invite material is not an object');
  const { name, docId, genesis, epochKeys } = parsed as Record<string, unknown>;
  if (
    typeof name !== 'string' ||
    typeof docId !== 'string' ||
    !/^[0-9a-f]{32}$/.test(docId) ||
    typeof genesis !== 'string' ||
    !/^[0-9a-f]{64}$/.test(genesis)
  ) {
    throw new Error('invite material has the wrong shape');
  }
  if (typeof epochKeys !== 'object' || epochKeys === null) throw new Error('no epoch keys field');
  const keys = new Map<number, Uint8Array>();
  for (const [epoch, value] of Object.entries(epochKeys)) {
    if (!/^\d{1,9}$/.test(epoch) || typeof value !== 'string') throw new Error('bad epoch key');
    const key = new Uint8Array(Buffer.from(value, 'base64'));
    if (key.length !== 32) throw new Error('bad epoch key length');
    keys.set(Number(epoch), key);
  }
  return { name, docId, genesis, epochKeys: keys };
}
