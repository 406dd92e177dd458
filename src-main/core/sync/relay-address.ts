// A relay address as a person enters or scans it: `ws://host:port`, optionally with the relay's
// identity key after `#` (what the local-network relay's QR code holds). The key is pinned as an
// invite link's would be; only the address is ever dialed (a fragment is never sent anyway).
import { SuviazError } from '../errors';

const KEY_BYTES = 32;

export function splitRelayAddress(text: string): { url: string; key: Uint8Array | null } {
  const hash = text.indexOf('#');
  if (hash < 0) return { url: text, key: null };
  const fragment = text.slice(hash + 1);
  const key = /^[A-Za-z0-9_-]{43}$/.test(fragment)
    ? new Uint8Array(Buffer.from(fragment, 'base64url'))
    : null;
  if (!key || key.length !== KEY_BYTES) {
    throw new SuviazError(
      'invalid-args',
      'The part after # in the relay address is not a relay key: enter the address alone, or scan the relay’s code again.',
    );
  }
  return { url: text.slice(0, hash), key };
}

/** The address with the relay's key, as a QR code carries it. */
export const relayAddressWithKey = (url: string, key: Uint8Array): string =>
  `${url}#${Buffer.from(key).toString('base64url')}`;
