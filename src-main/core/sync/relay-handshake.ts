// The client's side of the session's opening (docs/protocol.md §2 Session): a fresh nonce in HELLO,
// then the relay's CHALLENGE judged before anything is signed: its signature by the key it presents,
// and that key against the one pinned for this relay address (docs/network.md "Pinned relay identity").
import { randomBytes } from 'node:crypto';
import type { RelayFrame } from '../../../src-shared/protocol/frames';
import {
  judgeRelayKey,
  relayChallengeSigningBytes,
  type VerifyEd25519,
} from '../../../src-shared/protocol/relay-identity';
import { HELLO_NONCE_BYTES } from '../../../src-shared/protocol/wire-constants';

/** Why the client would not answer a relay's CHALLENGE; shown in the sync state. */
export type RelayIdentityProblem = 'relay-key-changed' | 'relay-signature-invalid';

/** The key pinned for one relay address (the vault's relay_pins, or nothing in tests). */
export interface RelayPin {
  pinned(): Uint8Array | null;
  /** Pin `key`: seen for the first time, or reached by a verified chain of rotations. */
  accept(key: Uint8Array, how: 'first-use' | 'rotated'): void;
}

export const helloNonce = (): Uint8Array => new Uint8Array(randomBytes(HELLO_NONCE_BYTES));

/**
 * Null when the CHALLENGE comes from the relay this device trusts at this address (the key is
 * pinned, or is first seen, or a valid rotation chain leads to it from the pin, which is then moved);
 * else why not. Nothing is signed for a relay that fails here.
 */
export function judgeChallenge(
  frame: Extract<RelayFrame, { type: 'challenge' }>,
  nonce: Uint8Array,
  relayHost: string,
  verify: VerifyEd25519,
  pin: RelayPin | undefined,
): RelayIdentityProblem | null {
  const signed = relayChallengeSigningBytes(nonce, frame.challenge, relayHost);
  if (!verify(frame.relayKey, signed, frame.signature)) return 'relay-signature-invalid';
  if (!pin) return null;
  const verdict = judgeRelayKey(pin.pinned(), frame.relayKey, frame.rotations, verify);
  if (verdict === 'changed') return 'relay-key-changed';
  if (verdict !== 'pinned') pin.accept(frame.relayKey, verdict);
  return null;
}
