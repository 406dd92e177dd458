// The sync-by-file bundle (docs/network.md "Sync by file"): the one definition of its binary format.
// The crypto (sealed key slots, AEAD, signature) is done in src-main/core/sneakernet/.
//
//   file      = u8 BUNDLE_VERSION ‖ u8 k ‖ 2^k × slot ‖ nonce(24) ‖ ciphertext
//   slot      = crypto_box_seal(bodyKey, a member device's box key)   (80 bytes; spare ones are seals
//               to throwaway keys, so the count says only a power of two)
//   ciphertext= XChaCha20-Poly1305(bodyKey, body, ad = every byte before the nonce)
//   body      = bytes signed ‖ signature(64)
//   signed    = u8 BUNDLE_VERSION ‖ id group ‖ id doc ‖ key exporter ‖ varuint counter ‖ varuint createdAt
//               ‖ varuint n ‖ n × bytes entry ‖ varuint m ‖ m × bytes lockbox ‖ bytes docState ‖ bytes padding
//               (n ≤ BUNDLE_MAX_ENTRIES, m ≤ BUNDLE_MAX_LOCKBOXES, each refused before an item is read)
//   signature = Ed25519(exporter, string("suviaz/v1/bundle") ‖ bytes signed)
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import { Domain, ID_BYTES, KEY_BYTES, NONCE_BYTES, SIGNATURE_BYTES } from './wire-constants';
import { decodeStrict, ProtocolError, wireReader, type WireReader } from './wire-reader';

/** Its own version, not the frame's: a bundle is a file that may be read long after it was made. */
export const BUNDLE_VERSION = 1;
/** crypto_box_seal of a 32-byte key: ephemeral public key (32) + key (32) + tag (16). */
export const BUNDLE_SLOT_BYTES = 80;
const MAX_SLOTS_LOG2 = Math.log2(LIMITS.bundle.maxSlots);
/**
 * Membership entries a bundle may list (46,875). Every valid entry is more than 128 bytes (a
 * 64-byte signature, a 32-byte author key and a 32-byte previous hash, besides the rest), so no
 * bundle of LIMITS.bundle.maxBytes holds more valid ones, whatever its log: this refuses nothing an
 * honest device makes. It is several times LIMITS.relay.maxLogEntries because what log-room.ts lets past
 * that limit (departures, and the removal proposals and new epochs around them) has no tighter
 * bound worth trusting here. The log's rules, its length limit among them, are checked at import
 * (extendLog); this bound only keeps a hostile count (six million one-byte entries fit the file)
 * from being built before they are.
 */
export const BUNDLE_MAX_ENTRIES = Math.floor(LIMITS.bundle.maxBytes / 128);
/**
 * Lockboxes a bundle may carry: its exporter seals one to each other member, and a bundle is for at
 * most LIMITS.bundle.maxSlots of them (an export for more is refused).
 */
export const BUNDLE_MAX_LOCKBOXES = LIMITS.bundle.maxSlots;

/** The fixed fields the contents start with: enough to check the signature and its signer. */
export interface BundleHeader {
  groupId: Uint8Array;
  docId: Uint8Array;
  exporter: Uint8Array;
}

export interface BundleContents extends BundleHeader {
  /** The exporter's count of bundles made for this space: an importer refuses one not above the last. */
  counter: number;
  createdAt: number;
  /** The exporter's whole verified membership log, exactly as the relay stores it. */
  entries: Uint8Array[];
  /** Lockboxes (as the relay stores them) an admin exporter sealed for the other members. */
  lockboxes: Uint8Array[];
  /** The document's Yjs V2 state; empty when the exporter may not write (a viewer). */
  docState: Uint8Array;
}

export interface BundleFile {
  /** Everything before the nonce: the AEAD's associated data. */
  prefix: Uint8Array;
  slots: Uint8Array[];
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

export class BundleVersionError extends ProtocolError {}

export function bundleSigningBytes(signed: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.bundle);
    encoding.writeVarUint8Array(e, signed);
  });
}

/** The signed part, padded so that its length is a multiple of LIMITS.bundle.padToBytes. */
export function encodeBundleContents(c: BundleContents): Uint8Array {
  if (
    c.groupId.length !== ID_BYTES ||
    c.docId.length !== ID_BYTES ||
    c.exporter.length !== KEY_BYTES
  ) {
    throw new ProtocolError('bundle field of the wrong size');
  }
  const unpadded = encoding.encode((e) => {
    encoding.writeUint8(e, BUNDLE_VERSION);
    encoding.writeUint8Array(e, c.groupId);
    encoding.writeUint8Array(e, c.docId);
    encoding.writeUint8Array(e, c.exporter);
    encoding.writeVarUint(e, c.counter);
    encoding.writeVarUint(e, c.createdAt);
    encoding.writeVarUint(e, c.entries.length);
    for (const entry of c.entries) encoding.writeVarUint8Array(e, entry);
    encoding.writeVarUint(e, c.lockboxes.length);
    for (const box of c.lockboxes) encoding.writeVarUint8Array(e, box);
    encoding.writeVarUint8Array(e, c.docState);
  });
  // Up to the next multiple, less the padding's own length prefix (1 to 3 bytes): near enough.
  const step = LIMITS.bundle.padToBytes;
  const pad = Math.ceil((unpadded.length + 3) / step) * step - unpadded.length - 3;
  return encoding.encode((e) => {
    encoding.writeUint8Array(e, unpadded);
    encoding.writeVarUint8Array(e, new Uint8Array(pad));
  });
}

function readHeader(r: WireReader): BundleHeader {
  const version = r.u8();
  if (version !== BUNDLE_VERSION) {
    throw new BundleVersionError(`bundle version ${version}; this Suviaz reads ${BUNDLE_VERSION}`);
  }
  return { groupId: r.fixed(ID_BYTES), docId: r.fixed(ID_BYTES), exporter: r.fixed(KEY_BYTES) };
}

/**
 * The header alone, at the fixed start of the signed bytes: the exporter's signature is checked,
 * and the exporter judged, before anything of variable count is read (decodeBundleContents).
 */
export function decodeBundleHeader(signed: Uint8Array): BundleHeader {
  return readHeader(wireReader(signed));
}

/** A count of items, refused above `max` before a single item is read. */
function readCount(r: WireReader, max: number, what: string): number {
  const n = r.varUint();
  if (n > max) throw new ProtocolError(`it lists ${n} ${what}; a bundle holds at most ${max}`);
  return n;
}

export function decodeBundleContents(signed: Uint8Array): BundleContents {
  return decodeStrict(signed, (r) => {
    const header = readHeader(r);
    const counter = r.varUint();
    const createdAt = r.varUint();
    const entries: Uint8Array[] = [];
    const n = readCount(r, BUNDLE_MAX_ENTRIES, 'membership entries');
    for (let i = 0; i < n; i++) entries.push(r.bytes(LIMITS.relay.maxEntryBytes));
    const lockboxes: Uint8Array[] = [];
    const m = readCount(r, BUNDLE_MAX_LOCKBOXES, 'lockboxes');
    for (let i = 0; i < m; i++) lockboxes.push(r.bytes(LIMITS.relay.maxEntryBytes));
    const docState = r.bytes(LIMITS.bundle.maxBytes);
    const padding = r.bytes(LIMITS.bundle.maxBytes);
    if (padding.some((b) => b !== 0)) throw new ProtocolError('bundle padding is not zeros');
    return { ...header, counter, createdAt, entries, lockboxes, docState };
  });
}

/** body = bytes signed ‖ signature */
export function encodeBundleBody(signed: Uint8Array, signature: Uint8Array): Uint8Array {
  if (signature.length !== SIGNATURE_BYTES) throw new ProtocolError('bad signature size');
  return encoding.encode((e) => {
    encoding.writeVarUint8Array(e, signed);
    encoding.writeUint8Array(e, signature);
  });
}

export function decodeBundleBody(body: Uint8Array): { signed: Uint8Array; signature: Uint8Array } {
  return decodeStrict(body, (r) => ({
    signed: r.bytes(LIMITS.bundle.maxBytes),
    signature: r.fixed(SIGNATURE_BYTES),
  }));
}

/** The clear prefix (version, slot count, slots), which the AEAD binds as associated data. */
export function encodeBundlePrefix(slots: readonly Uint8Array[]): Uint8Array {
  const k = Math.log2(slots.length);
  if (
    !Number.isInteger(k) ||
    k > MAX_SLOTS_LOG2 ||
    slots.some((s) => s.length !== BUNDLE_SLOT_BYTES)
  ) {
    throw new ProtocolError('bundle slots must be a power of two of 80-byte seals');
  }
  return encoding.encode((e) => {
    encoding.writeUint8(e, BUNDLE_VERSION);
    encoding.writeUint8(e, k);
    for (const slot of slots) encoding.writeUint8Array(e, slot);
  });
}

export function encodeBundleFile(prefix: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array) {
  const out = new Uint8Array(prefix.length + nonce.length + ciphertext.length);
  out.set(prefix);
  out.set(nonce, prefix.length);
  out.set(ciphertext, prefix.length + nonce.length);
  return out;
}

export function decodeBundleFile(file: Uint8Array): BundleFile {
  if (file.length > LIMITS.bundle.maxBytes) throw new ProtocolError('bundle over the size limit');
  const r = wireReader(file);
  const version = r.u8();
  if (version !== BUNDLE_VERSION) {
    throw new BundleVersionError(`bundle version ${version}; this Suviaz reads ${BUNDLE_VERSION}`);
  }
  const k = r.u8();
  if (k > MAX_SLOTS_LOG2) throw new ProtocolError('too many bundle slots');
  const slots: Uint8Array[] = [];
  for (let i = 0; i < 2 ** k; i++) slots.push(r.fixed(BUNDLE_SLOT_BYTES));
  const prefix = r.slice(0, r.position());
  const nonce = r.fixed(NONCE_BYTES);
  const ciphertext = r.slice(r.position(), file.length);
  if (ciphertext.length === 0) throw new ProtocolError('bundle without contents');
  return { prefix, slots, nonce, ciphertext };
}
