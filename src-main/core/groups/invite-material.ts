// What the relay keeps for an invite, encrypted under a key only the invite link's seed gives: the
// space's document id and the hash of its log's first entry. Since protocol v3 it carries no epoch
// key and no name: whoever intercepts a link (and holds the relay's whole store) reads nothing; the
// joiner gets the keys sealed to its own device once its join is in the log.
import * as encoding from 'lib0/encoding';
import { Domain } from '../../../src-shared/protocol/wire-constants';
import { aeadOpen, aeadSeal, keyedHash } from '../crypto/sodium';

export interface InviteMaterial {
  /** Hex id of the space's document. */
  docId: string;
  /**
   * Hex hash of the log's first entry: the joiner refuses a log that does not start with it, so a
   * relay cannot show a log of its own making (with itself as admin) to someone joining.
   */
  genesis: string;
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
  const json = JSON.stringify({ docId: material.docId, genesis: material.genesis });
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
  const { docId, genesis } = parsed as Record<string, unknown>;
  if (
    typeof docId !== 'string' ||
    !/^[0-9a-f]{32}$/.test(docId) ||
    typeof genesis !== 'string' ||
    !/^[0-9a-f]{64}$/.test(genesis)
  ) {
    throw new Error('invite material has the wrong shape');
  }
  return { docId, genesis };
}
