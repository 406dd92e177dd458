// The opening of a session on the relay's side (docs/protocol.md §2 Session): which hosts this
// relay answers for, the CHALLENGE it signs with its identity key in answer to HELLO, and AUTH's check.
import { randomBytes } from 'node:crypto';
import { authSigningBytes, type RelayFrame } from '../src-shared/protocol/frames';
import { relayChallengeSigningBytes } from '../src-shared/protocol/relay-identity';
import { relayHostForms } from '../src-shared/protocol/relay-host';
import { CHALLENGE_BYTES } from '../src-shared/protocol/wire-constants';
import { verifyEd25519 } from './crypto';
import type { RelayIdentityKey } from './relay-identity';

/** Who this relay is to the client: its key, and the hosts AUTH must be signed for. */
export interface RelayIdentity {
  /** The relay's identity key, which clients pin. */
  key: RelayIdentityKey;
  /** Configured --public-host values; when there are any, the Host header is not looked at. */
  publicHosts: readonly string[];
  /** The HTTP Host header of the WebSocket upgrade request. */
  hostHeader: string | undefined;
}

/** The normalised relay hosts a client may have signed for on this connection. */
export function acceptedRelayHosts(identity: Omit<RelayIdentity, 'key'>): string[] {
  const given =
    identity.publicHosts.length > 0 ? identity.publicHosts : [identity.hostHeader ?? ''];
  return [...new Set(given.flatMap((host) => relayHostForms(host)))];
}

/**
 * The host the relay signs in CHALLENGE: the one the Host header names when it is one this relay
 * answers for (a client sends the host it dialed, so a relay with several public hosts signs the
 * right one), else the first accepted host. "" when the relay knows none; AUTH fails then anyway.
 */
export function signedRelayHost(identity: Omit<RelayIdentity, 'key'>): string {
  const accepted = acceptedRelayHosts(identity);
  const fromHeader = relayHostForms(identity.hostHeader ?? '').find((h) => accepted.includes(h));
  return fromHeader ?? accepted[0] ?? '';
}

export function newChallenge(): Uint8Array {
  return new Uint8Array(randomBytes(CHALLENGE_BYTES));
}

/** CHALLENGE in answer to HELLO: signed over the client's nonce, the challenge and our host. */
export function challengeFrame(
  identity: RelayIdentity,
  nonce: Uint8Array,
  challenge: Uint8Array,
): RelayFrame {
  const host = signedRelayHost(identity);
  return {
    type: 'challenge',
    challenge,
    relayKey: identity.key.publicKey,
    signature: identity.key.sign(relayChallengeSigningBytes(nonce, challenge, host)),
    rotations: [...identity.key.rotations],
  };
}

/**
 * Null when the signature is the device's over the challenge and one of this relay's hosts; else
 * what is wrong. A client that signed for another host dialed another relay, which passed our
 * challenge on to log in here as that client: refused.
 */
export function authProblem(
  relayHosts: readonly string[],
  challenge: Uint8Array,
  device: Uint8Array,
  signature: Uint8Array,
): string | null {
  if (relayHosts.length === 0) {
    return 'this relay does not know its public host (no usable Host header): its operator sets --public-host';
  }
  for (const host of relayHosts) {
    if (verifyEd25519(device, authSigningBytes(challenge, host), signature)) return null;
  }
  return (
    `the challenge signature does not verify for relay host ${relayHosts.join(' or ')}: ` +
    'signed for another relay (a relay passing on our challenge) or not by this device'
  );
}
