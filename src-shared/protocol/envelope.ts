// The envelope every document message travels in (docs/protocol.md §3): a header that is both the
// AEAD associated data and part of what is signed, the nonce, the ciphertext, the Ed25519 signature.
// Pure encoding; the crypto is done by the caller (client: libsodium, relay: node:crypto).
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import {
  Domain,
  EnvelopeKind,
  HASH_BYTES,
  ID_BYTES,
  KEY_BYTES,
  NONCE_BYTES,
  ENVELOPE_VERSION,
  SIGNATURE_BYTES,
  type EnvelopeKindName,
} from './wire-constants';
import { decodeStrict, ProtocolError, type WireReader } from './wire-reader';
import { concatTwo, exactBytes } from './exact-bytes';

/** The domains as lib0's writeVarString puts them: encoded once, prefixed to every envelope's. */
const varString = (text: string): Uint8Array =>
  encoding.encode((e) => encoding.writeVarString(e, text));
const ENVELOPE_DOMAIN = varString(Domain.envelope);
const CIPHERTEXT_HASH_DOMAIN = varString(Domain.ciphertextHash);

export interface AuthorClock {
  author: Uint8Array;
  clock: number;
}

export interface SnapshotFields {
  parentId: Uint8Array;
  parentProof: Uint8Array;
  generation: number;
  /** Per author, the last update clock on the parent snapshot that this snapshot includes. */
  parentClocks: AuthorClock[];
}

/** The author's verified membership log when it wrote: how long, and the hash of its last entry. */
export interface LogHead {
  length: number;
  head: Uint8Array;
}

/** The snapshot an update or presence builds on, as its author verified it (zeros: none yet). */
export interface SnapshotBasis {
  generation: number;
  proof: Uint8Array;
}

export interface EnvelopeHeader {
  kind: EnvelopeKindName;
  groupId: Uint8Array;
  docId: Uint8Array;
  epoch: number;
  /** Update: the snapshot it builds on. Snapshot: its own id. Ephemeral: the sender's active one. */
  snapshotId: Uint8Array;
  author: Uint8Array;
  /** Update: per-author clock on its snapshot (last + 1). Ephemeral: per-author counter. Snapshot: 0. */
  clock: number;
  /**
   * Signed heads (v3): what the author had seen. A client that sees a longer log than its own
   * stops writing until it has it; a head that differs from its own at that length shows a fork.
   */
  log: LogHead;
  /** Update and ephemeral: generation and proof of `snapshotId`. Snapshot: null (its parent fields say it). */
  basis: SnapshotBasis | null;
  snapshot: SnapshotFields | null;
}

export interface Envelope {
  header: EnvelopeHeader;
  /** The exact header bytes as received: what the AEAD and the signature cover. */
  headerBytes: Uint8Array;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  signature: Uint8Array;
}

/** A snapshot without its ciphertext, only its hash: enough to verify a chain of snapshots. */
export interface SnapshotLink {
  header: EnvelopeHeader;
  headerBytes: Uint8Array;
  nonce: Uint8Array;
  ciphertextHash: Uint8Array;
  signature: Uint8Array;
}

const KIND_BY_CODE = new Map<number, EnvelopeKindName>(
  Object.entries(EnvelopeKind).map(([name, code]) => [code, name as EnvelopeKindName]),
);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return a.length - b.length;
}

export function sortClocks(clocks: readonly AuthorClock[]): AuthorClock[] {
  return [...clocks].sort((a, b) => compareBytes(a.author, b.author));
}

function fixedLength(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length !== length) throw new ProtocolError(`${what} must be ${length} bytes`);
  return bytes;
}

export function encodeHeader(header: EnvelopeHeader): Uint8Array {
  return exactBytes((w) => {
    w.u8(ENVELOPE_VERSION);
    w.u8(EnvelopeKind[header.kind]);
    w.bytes(fixedLength(header.groupId, ID_BYTES, 'group id'));
    w.bytes(fixedLength(header.docId, ID_BYTES, 'doc id'));
    w.varUint(header.epoch);
    w.bytes(fixedLength(header.snapshotId, ID_BYTES, 'snapshot id'));
    w.bytes(fixedLength(header.author, KEY_BYTES, 'author'));
    w.varUint(header.clock);
    w.varUint(header.log.length);
    w.bytes(fixedLength(header.log.head, HASH_BYTES, 'log head'));
    if (header.kind !== 'snapshot') {
      const basis = header.basis;
      if (!basis) throw new ProtocolError('an update or ephemeral header needs its basis');
      w.varUint(basis.generation);
      w.bytes(fixedLength(basis.proof, HASH_BYTES, 'basis proof'));
    } else if (header.basis) {
      throw new ProtocolError('a snapshot header names its parent, not a basis');
    }
    if (header.kind === 'snapshot') {
      const s = header.snapshot;
      if (!s) throw new ProtocolError('a snapshot header needs its snapshot fields');
      w.bytes(fixedLength(s.parentId, ID_BYTES, 'parent id'));
      w.bytes(fixedLength(s.parentProof, HASH_BYTES, 'parent proof'));
      w.varUint(s.generation);
      const clocks = sortClocks(s.parentClocks);
      w.varUint(clocks.length);
      for (const { author, clock } of clocks) {
        w.bytes(fixedLength(author, KEY_BYTES, 'clock author'));
        w.varUint(clock);
      }
    } else if (header.snapshot) {
      throw new ProtocolError('only a snapshot header has snapshot fields');
    }
  });
}

function readHeader(r: WireReader): EnvelopeHeader {
  const version = r.u8();
  if (version !== ENVELOPE_VERSION) {
    throw new ProtocolError(`envelope version ${version}; this Suviaz reads ${ENVELOPE_VERSION}`);
  }
  const kind = KIND_BY_CODE.get(r.u8());
  if (!kind) throw new ProtocolError('unknown envelope kind');
  const header: EnvelopeHeader = {
    kind,
    groupId: r.fixed(ID_BYTES),
    docId: r.fixed(ID_BYTES),
    epoch: r.varUint(LIMITS.relay.maxEpoch),
    snapshotId: r.fixed(ID_BYTES),
    author: r.fixed(KEY_BYTES),
    clock: r.varUint(),
    log: { length: r.varUint(), head: r.fixed(HASH_BYTES) },
    basis: null,
    snapshot: null,
  };
  if (header.log.length < 1) throw new ProtocolError('a log head names at least the first entry');
  if (kind !== 'snapshot') {
    header.basis = { generation: r.varUint(), proof: r.fixed(HASH_BYTES) };
  }
  if (kind === 'snapshot') {
    const parentId = r.fixed(ID_BYTES);
    const parentProof = r.fixed(HASH_BYTES);
    const generation = r.varUint();
    const count = r.varUint(LIMITS.relay.maxAuthorsPerSnapshot);
    const parentClocks: AuthorClock[] = [];
    for (let i = 0; i < count; i++) {
      const author = r.fixed(KEY_BYTES);
      const previous = parentClocks.at(-1);
      // Strictly increasing: one clock per author, in one order.
      if (previous && compareBytes(previous.author, author) >= 0) {
        throw new ProtocolError('snapshot clocks not strictly ordered by author');
      }
      parentClocks.push({ author, clock: r.varUint() });
    }
    header.snapshot = { parentId, parentProof, generation, parentClocks };
  }
  return header;
}

/** Decodes header bytes and insists they are in canonical form, so one header has one encoding. */
export function decodeHeader(bytes: Uint8Array): EnvelopeHeader {
  const header = decodeStrict(bytes, readHeader);
  if (compareBytes(encodeHeader(header), bytes) !== 0) {
    throw new ProtocolError('header is not in canonical form');
  }
  return header;
}

export function encodeEnvelope(envelope: Omit<Envelope, 'header'>): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint8Array(e, envelope.headerBytes);
    encoding.writeUint8Array(e, fixedLength(envelope.nonce, NONCE_BYTES, 'nonce'));
    encoding.writeVarUint8Array(e, envelope.ciphertext);
    encoding.writeUint8Array(e, fixedLength(envelope.signature, SIGNATURE_BYTES, 'signature'));
  });
}

export function decodeEnvelope(bytes: Uint8Array): Envelope {
  const parts = decodeStrict(bytes, (r) => ({
    headerBytes: r.bytes(LIMITS.relay.maxHeaderBytes),
    nonce: r.fixed(NONCE_BYTES),
    ciphertext: r.bytes(LIMITS.relay.maxFrameBytes),
    signature: r.fixed(SIGNATURE_BYTES),
  }));
  return { ...parts, header: decodeHeader(parts.headerBytes) };
}

export function encodeSnapshotLink(link: Omit<SnapshotLink, 'header'>): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint8Array(e, link.headerBytes);
    encoding.writeUint8Array(e, fixedLength(link.nonce, NONCE_BYTES, 'nonce'));
    encoding.writeUint8Array(e, fixedLength(link.ciphertextHash, HASH_BYTES, 'ciphertext hash'));
    encoding.writeUint8Array(e, fixedLength(link.signature, SIGNATURE_BYTES, 'signature'));
  });
}

export function decodeSnapshotLink(bytes: Uint8Array): SnapshotLink {
  const parts = decodeStrict(bytes, (r) => ({
    headerBytes: r.bytes(LIMITS.relay.maxHeaderBytes),
    nonce: r.fixed(NONCE_BYTES),
    ciphertextHash: r.fixed(HASH_BYTES),
    signature: r.fixed(SIGNATURE_BYTES),
  }));
  const header = decodeHeader(parts.headerBytes);
  if (header.kind !== 'snapshot') throw new ProtocolError('a snapshot link must hold a snapshot');
  return { ...parts, header };
}

/** Input to SHA-256 for the ciphertext hash that signatures and snapshot proofs cover. */
export function ciphertextHashInput(ciphertext: Uint8Array): Uint8Array {
  return concatTwo(CIPHERTEXT_HASH_DOMAIN, ciphertext);
}

/** What the author signs: domain, header, nonce and the ciphertext's hash. */
export function envelopeSigningBytes(
  headerBytes: Uint8Array,
  nonce: Uint8Array,
  ciphertextHash: Uint8Array,
): Uint8Array {
  return exactBytes((w) => {
    w.bytes(ENVELOPE_DOMAIN);
    w.varUint(headerBytes.length);
    w.bytes(headerBytes);
    w.bytes(nonce);
    w.bytes(ciphertextHash);
  });
}

/** Input to SHA-256 for a snapshot's proof; a child carries its parent's proof as parentProof. */
export function snapshotProofInput(
  parentProof: Uint8Array,
  snapshotId: Uint8Array,
  ciphertextHash: Uint8Array,
): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.snapshotProof);
    encoding.writeUint8Array(e, parentProof);
    encoding.writeUint8Array(e, snapshotId);
    encoding.writeUint8Array(e, ciphertextHash);
  });
}

export const ZERO_ID = new Uint8Array(ID_BYTES);
export const ZERO_HASH = new Uint8Array(HASH_BYTES);
