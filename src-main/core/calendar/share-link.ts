// A one-off event link: the relay's address and a random key, in the URL fragment so nothing that
// logs a URL's path sees it. The relay stores the sealed event under an id derived from the key.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { aeadOpen, aeadSeal, genericHash } from '../crypto/sodium';
import { SuviazError } from '../errors';

export const SHARE_LINK_PREFIX = 'suviaz://event#';
const LINK_VERSION = 1;
export const SHARE_KEY_BYTES = 32;
const SHARE_ID_BYTES = 16;
const ID_DOMAIN = new TextEncoder().encode('suviaz/event-share-id/v1');

export interface ShareLink {
  relayUrl: string;
  key: Uint8Array;
}

/** The id the relay knows the share by: derived from the key, so the link needs to carry only it. */
export const shareIdOf = (key: Uint8Array): Uint8Array =>
  genericHash(SHARE_ID_BYTES, ID_DOMAIN, key);

export const sealShare = (key: Uint8Array, plaintext: Uint8Array): Uint8Array =>
  aeadSeal(key, plaintext, shareIdOf(key));

/** Throws share-invalid when the bytes were not sealed under this link's key. */
export function openSealedShare(key: Uint8Array, sealed: Uint8Array): Uint8Array {
  try {
    return aeadOpen(key, sealed, shareIdOf(key));
  } catch {
    throw new SuviazError('share-invalid', 'The event behind this link does not open with it.');
  }
}

export function encodeShareLink(link: ShareLink): string {
  const bytes = encoding.encode((e) => {
    encoding.writeUint8(e, LINK_VERSION);
    encoding.writeVarString(e, link.relayUrl);
    encoding.writeUint8Array(e, link.key);
  });
  return SHARE_LINK_PREFIX + Buffer.from(bytes).toString('base64url');
}

const invalid = (why: string): never => {
  throw new SuviazError('share-invalid', `This is not a Suviaz event link (${why}).`);
};

/** Accepts the link as pasted: whitespace and line breaks from chat apps are dropped. */
export function parseShareLink(input: string): ShareLink {
  const text = input.replace(/\s+/g, '');
  if (!text.startsWith(SHARE_LINK_PREFIX)) return invalid('it must start with suviaz://event#');
  const payload = text.slice(SHARE_LINK_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return invalid('it contains characters it cannot have');
  try {
    const d = decoding.createDecoder(new Uint8Array(Buffer.from(payload, 'base64url')));
    if (decoding.readUint8(d) !== LINK_VERSION) return invalid('made by another version of Suviaz');
    const relayUrl = decoding.readVarString(d);
    const key = new Uint8Array(decoding.readUint8Array(d, SHARE_KEY_BYTES));
    if (decoding.hasContent(d)) return invalid('it is longer than an event link');
    if (relayUrl.length > 500 || !/^wss?:\/\/[^\s]+$/.test(relayUrl)) {
      return invalid('the relay address in it is not valid');
    }
    return { relayUrl, key };
  } catch (error) {
    if (error instanceof SuviazError) throw error;
    return invalid('it is cut short');
  }
}
