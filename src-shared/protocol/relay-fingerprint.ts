// The relay's fingerprint: its identity key as people compare it (read out, typed, checked against
// what the operator publishes). Pure, so the relay's log, the settings and the LAN relay agree.
import { digest } from 'lib0/hash/sha256';
import * as encoding from 'lib0/encoding';
import { Domain } from './wire-constants';

/** RFC 4648 base32 without padding, lower case: no 0/1/8/9, so no O/0 or I/1 confusion. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 20 characters = 100 bits of the hash: far beyond a second-preimage search for a relay key. */
const CHARS = 20;
const GROUP = 5;

/** e.g. "k3q7d vwx2a mne5r tt4ob": SHA-256 of the domain and key, base32, in four groups of five. */
export function relayFingerprint(publicKey: Uint8Array): string {
  const hash = digest(
    encoding.encode((e) => {
      encoding.writeVarString(e, Domain.relayFingerprint);
      encoding.writeVarUint8Array(e, publicKey);
    }),
  );
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of hash) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < CHARS) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= CHARS) break;
  }
  return (out.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join(' ');
}
