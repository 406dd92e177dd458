// The relay's own identity in the handshake (docs/protocol.md §2 Session): what the relay signs in
// CHALLENGE, what an operator's rotation statement signs, and how a client follows a chain of
// rotations from the key it pinned to the key it is shown. Pure; the caller brings Ed25519 verify.
import * as encoding from 'lib0/encoding';
import { Domain, KEY_BYTES, MAX_RELAY_ROTATIONS } from './wire-constants';

/** The old key says: from signedAt on, newKey speaks for this relay. */
export interface RotationStatement {
  oldKey: Uint8Array;
  newKey: Uint8Array;
  /** Ms since 1970, when the operator rotated. */
  signedAt: number;
  /** By oldKey over rotationSigningBytes. */
  signature: Uint8Array;
}

export type VerifyEd25519 = (
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
) => boolean;

/**
 * What the relay's identity key signs in CHALLENGE: the client's fresh nonce (no replay of an old
 * CHALLENGE), the relay's challenge (so AUTH answers the very challenge this key vouched for) and
 * the relay host the client dialed, normalised as relay-host.ts does (no relaying of a signed
 * CHALLENGE from another relay under this relay's name).
 */
export function relayChallengeSigningBytes(
  nonce: Uint8Array,
  challenge: Uint8Array,
  relayHost: string,
): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.relayChallenge);
    encoding.writeUint8Array(e, nonce);
    encoding.writeUint8Array(e, challenge);
    encoding.writeVarString(e, relayHost);
  });
}

export function rotationSigningBytes(
  oldKey: Uint8Array,
  newKey: Uint8Array,
  signedAt: number,
): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.relayRotation);
    encoding.writeUint8Array(e, oldKey);
    encoding.writeUint8Array(e, newKey);
    encoding.writeVarUint(e, signedAt);
  });
}

const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * True when statements lead from `pinned` to `presented`, each signed by the key it retires. Every
 * step must verify; a statement signed by any other key, or a chain that does not start at the pin,
 * leads nowhere. At most MAX_RELAY_ROTATIONS steps, so a hostile list cannot loop.
 */
export function rotationChainLeadsTo(
  pinned: Uint8Array,
  presented: Uint8Array,
  statements: readonly RotationStatement[],
  verify: VerifyEd25519,
): boolean {
  let current = pinned;
  const valid = statements
    .slice(0, MAX_RELAY_ROTATIONS)
    .filter(
      (s) =>
        s.oldKey.length === KEY_BYTES &&
        s.newKey.length === KEY_BYTES &&
        verify(s.oldKey, rotationSigningBytes(s.oldKey, s.newKey, s.signedAt), s.signature),
    );
  for (let step = 0; step < valid.length; step++) {
    if (same(current, presented)) return true;
    const next = valid.find((s) => same(s.oldKey, current));
    if (!next) return false;
    current = next.newKey;
  }
  return same(current, presented);
}

/** What a client makes of the key a relay presents, against the key it pinned for that address. */
export type RelayKeyVerdict = 'pinned' | 'first-use' | 'rotated' | 'changed';

export function judgeRelayKey(
  pinned: Uint8Array | null,
  presented: Uint8Array,
  statements: readonly RotationStatement[],
  verify: VerifyEd25519,
): RelayKeyVerdict {
  if (!pinned) return 'first-use';
  if (same(pinned, presented)) return 'pinned';
  return rotationChainLeadsTo(pinned, presented, statements, verify) ? 'rotated' : 'changed';
}
