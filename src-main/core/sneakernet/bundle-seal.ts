// Seals a bundle to the member devices of a space and opens one: a fresh key sealed in one slot per
// member, the body under it, the exporter's signature inside, so whoever holds the file sees neither
// the space, nor who made it, nor for whom (docs/network.md "Sync by file").
import {
  BUNDLE_SLOT_BYTES,
  BundleVersionError,
  bundleSigningBytes,
  decodeBundleBody,
  decodeBundleContents,
  decodeBundleFile,
  decodeBundleHeader,
  encodeBundleBody,
  encodeBundleContents,
  encodeBundleFile,
  encodeBundlePrefix,
  type BundleContents,
  type BundleHeader,
} from '../../../src-shared/protocol/bundle';
import { LIMITS } from '../../../src-shared/limits';
import { ProtocolError } from '../../../src-shared/protocol/wire-reader';
import {
  AEAD_KEY_BYTES,
  aeadDecrypt,
  aeadEncrypt,
  generateBoxKeyPair,
  randomBytes,
  sealToBoxKey,
  verify,
} from '../crypto/sodium';
import { SuviazError } from '../errors';

/** Real slots and spare ones (seals to throwaway keys, which look the same) in a random order. */
function slotsFor(recipientBoxKeys: readonly Uint8Array[], bodyKey: Uint8Array): Uint8Array[] {
  if (recipientBoxKeys.length === 0) {
    throw new SuviazError('bundle-no-recipients', 'nobody else is a member of this space');
  }
  if (recipientBoxKeys.length > LIMITS.bundle.maxSlots) {
    throw new SuviazError('bundle-no-recipients', 'too many members for one bundle');
  }
  let count = LIMITS.bundle.minSlots;
  while (count < recipientBoxKeys.length) count *= 2;
  const slots = recipientBoxKeys.map((key) => sealToBoxKey(key, bodyKey));
  while (slots.length < count) {
    slots.push(sealToBoxKey(generateBoxKeyPair().publicKey, randomBytes(AEAD_KEY_BYTES)));
  }
  // Fisher–Yates with the system's randomness: a slot's place says nothing of whose it is.
  for (let i = slots.length - 1; i > 0; i--) {
    const random = randomBytes(4);
    const j = new DataView(random.buffer, random.byteOffset).getUint32(0) % (i + 1);
    [slots[i], slots[j]] = [slots[j] as Uint8Array, slots[i] as Uint8Array];
  }
  return slots;
}

export function sealBundle(
  contents: BundleContents,
  recipientBoxKeys: readonly Uint8Array[],
  sign: (message: Uint8Array) => Uint8Array,
): Uint8Array {
  const bodyKey = randomBytes(AEAD_KEY_BYTES);
  try {
    const prefix = encodeBundlePrefix(slotsFor(recipientBoxKeys, bodyKey));
    const signed = encodeBundleContents(contents);
    const body = encodeBundleBody(signed, sign(bundleSigningBytes(signed)));
    const { nonce, ciphertext } = aeadEncrypt(bodyKey, body, prefix);
    return encodeBundleFile(prefix, nonce, ciphertext);
  } finally {
    bodyKey.fill(0);
  }
}

const unreadable = (why: string) =>
  new SuviazError(
    'bundle-unreadable',
    `This file is not a bundle this device can open (${why}): it may be damaged, made by another version of Suviaz, or for a space this device is not a member of.`,
  );
const damaged = (why: string) =>
  new SuviazError('bundle-damaged', `The bundle was changed or damaged after it was made: ${why}.`);
const malformed = (why: string) =>
  new SuviazError('bundle-damaged', `The bundle was not made as Suviaz makes one: ${why}.`);

/** A decoding error as the refusal it is; anything else (a bug) as it is. */
function refusalOf(error: unknown, refusal: (why: string) => SuviazError): unknown {
  if (error instanceof BundleVersionError) return unreadable(error.message);
  if (error instanceof ProtocolError) return refusal(error.message);
  return error;
}

/**
 * Opens a bundle with this device's box key (openSealed). Refuses the whole file, with nothing
 * decoded for use, when a byte anywhere was changed: the slots are the AEAD's associated data, and
 * the exporter's signature covers every byte of the contents. Sealing a slot needs only a member's
 * public box key, which the relay and former members know: so the signature is checked, and
 * `admit` judges the exporter it names (throwing to refuse), on the contents' fixed header alone,
 * before any of their lists is read; those are bounded besides (bundle.ts).
 */
export function openBundle(
  file: Uint8Array,
  openSealed: (sealed: Uint8Array) => Uint8Array,
  admit: (header: BundleHeader) => void,
): BundleContents {
  let parsed;
  try {
    parsed = decodeBundleFile(file);
  } catch (error) {
    if (error instanceof BundleVersionError) throw unreadable(error.message);
    throw unreadable('not in the bundle format');
  }
  let bodyKey: Uint8Array | null = null;
  for (const slot of parsed.slots) {
    if (slot.length !== BUNDLE_SLOT_BYTES) continue;
    try {
      bodyKey = openSealed(slot);
      if (bodyKey.length === AEAD_KEY_BYTES) break;
      bodyKey = null;
    } catch {
      // Another member's slot, or a spare one.
    }
  }
  if (!bodyKey) throw unreadable('no key slot opens with this device’s key');
  let body: Uint8Array;
  try {
    body = aeadDecrypt(bodyKey, parsed.nonce, parsed.ciphertext, parsed.prefix);
  } catch {
    throw damaged('its encrypted part does not authenticate');
  } finally {
    bodyKey.fill(0);
  }
  let header: BundleHeader;
  let signed: Uint8Array;
  let signature: Uint8Array;
  try {
    ({ signed, signature } = decodeBundleBody(body));
    header = decodeBundleHeader(signed);
  } catch (error) {
    throw refusalOf(error, damaged);
  }
  if (!verify(header.exporter, bundleSigningBytes(signed), signature)) {
    throw damaged('it is not signed by the device it names');
  }
  admit(header);
  try {
    return decodeBundleContents(signed);
  } catch (error) {
    // Signed as it is: made so, not damaged on the way.
    throw refusalOf(error, malformed);
  }
}
