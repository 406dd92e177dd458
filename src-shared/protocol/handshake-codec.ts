// The fields of the handshake frames HELLO and CHALLENGE (docs/protocol.md §2) and what AUTH signs,
// kept out of the frame codecs so the session's opening can be read in one place.
import * as encoding from 'lib0/encoding';
import type { RotationStatement } from './relay-identity';
import {
  CHALLENGE_BYTES,
  Domain,
  HELLO_NONCE_BYTES,
  KEY_BYTES,
  MAX_RELAY_ROTATIONS,
  SIGNATURE_BYTES,
} from './wire-constants';
import type { WireReader } from './wire-reader';

export interface ChallengeFields {
  challenge: Uint8Array;
  /** The relay's identity key (Ed25519), which clients pin. */
  relayKey: Uint8Array;
  /** By relayKey over relayChallengeSigningBytes(hello nonce, challenge, relay host). */
  signature: Uint8Array;
  /** Oldest first; lets a client follow an operator's key rotation from the key it pinned. */
  rotations: RotationStatement[];
}

export function writeHello(e: encoding.Encoder, nonce: Uint8Array): void {
  encoding.writeUint8Array(e, nonce);
}

export function readHello(r: WireReader): { nonce: Uint8Array } {
  return { nonce: r.fixed(HELLO_NONCE_BYTES) };
}

export function writeChallenge(e: encoding.Encoder, f: ChallengeFields): void {
  encoding.writeUint8Array(e, f.challenge);
  encoding.writeUint8Array(e, f.relayKey);
  encoding.writeUint8Array(e, f.signature);
  const rotations = f.rotations.slice(-MAX_RELAY_ROTATIONS);
  encoding.writeVarUint(e, rotations.length);
  for (const s of rotations) {
    encoding.writeUint8Array(e, s.oldKey);
    encoding.writeUint8Array(e, s.newKey);
    encoding.writeVarUint(e, s.signedAt);
    encoding.writeUint8Array(e, s.signature);
  }
}

export function readChallenge(r: WireReader): ChallengeFields {
  const challenge = r.fixed(CHALLENGE_BYTES);
  const relayKey = r.fixed(KEY_BYTES);
  const signature = r.fixed(SIGNATURE_BYTES);
  const count = r.varUint(MAX_RELAY_ROTATIONS);
  const rotations: RotationStatement[] = [];
  for (let i = 0; i < count; i++) {
    rotations.push({
      oldKey: r.fixed(KEY_BYTES),
      newKey: r.fixed(KEY_BYTES),
      signedAt: r.varUint(),
      signature: r.fixed(SIGNATURE_BYTES),
    });
  }
  return { challenge, relayKey, signature, rotations };
}

/**
 * What a device signs to answer the relay's challenge: the challenge and the relay it meant to reach,
 * `relayHost` as relayHostOfUrl (relay-host.ts) gives it for the URL it dialed.
 */
export function authSigningBytes(challenge: Uint8Array, relayHost: string): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.auth);
    encoding.writeUint8Array(e, challenge);
    encoding.writeVarString(e, relayHost);
  });
}
