// The envelope's hot encodings (the header, its canonical check, the signed bytes, the ciphertext
// hash's input) are written into one exact-size buffer instead of through lib0's encoder. The relay
// and every client must keep producing and accepting exactly the same bytes: compared here with
// lib0's encoding of the same fields, over headers with varints at every length boundary.
import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  ciphertextHashInput,
  decodeHeader,
  encodeHeader,
  envelopeSigningBytes,
  sortClocks,
  type EnvelopeHeader,
} from '../../src-shared/protocol/envelope';
import {
  Domain,
  ENVELOPE_VERSION,
  EnvelopeKind,
  HASH_BYTES,
  ID_BYTES,
  KEY_BYTES,
} from '../../src-shared/protocol/wire-constants';
import { ProtocolError } from '../../src-shared/protocol/wire-reader';

const bytes = (n: number) => new Uint8Array(randomBytes(n));
const VARINTS = [
  0,
  1,
  127,
  128,
  255,
  16_383,
  16_384,
  2 ** 21,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32 + 5,
  2 ** 53 - 1,
];
const pick = (i: number) => VARINTS[i % VARINTS.length] as number;

/** The header as lib0 encodes it: the layout of docs/protocol.md §3, written the old way. */
function lib0Header(h: EnvelopeHeader): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeUint8(e, ENVELOPE_VERSION);
    encoding.writeUint8(e, EnvelopeKind[h.kind]);
    for (const part of [h.groupId, h.docId]) encoding.writeUint8Array(e, part);
    encoding.writeVarUint(e, h.epoch);
    encoding.writeUint8Array(e, h.snapshotId);
    encoding.writeUint8Array(e, h.author);
    encoding.writeVarUint(e, h.clock);
    encoding.writeVarUint(e, h.log.length);
    encoding.writeUint8Array(e, h.log.head);
    if (h.basis) {
      encoding.writeVarUint(e, h.basis.generation);
      encoding.writeUint8Array(e, h.basis.proof);
    }
    if (h.snapshot) {
      encoding.writeUint8Array(e, h.snapshot.parentId);
      encoding.writeUint8Array(e, h.snapshot.parentProof);
      encoding.writeVarUint(e, h.snapshot.generation);
      const clocks = sortClocks(h.snapshot.parentClocks);
      encoding.writeVarUint(e, clocks.length);
      for (const c of clocks) {
        encoding.writeUint8Array(e, c.author);
        encoding.writeVarUint(e, c.clock);
      }
    }
  });
}

function header(i: number, kind: 'update' | 'snapshot'): EnvelopeHeader {
  return {
    kind,
    groupId: bytes(ID_BYTES),
    docId: bytes(ID_BYTES),
    epoch: pick(i) % 1000,
    snapshotId: bytes(ID_BYTES),
    author: bytes(KEY_BYTES),
    clock: pick(i + 1),
    log: { length: Math.max(1, pick(i + 2)), head: bytes(HASH_BYTES) },
    basis: kind === 'update' ? { generation: pick(i + 3), proof: bytes(HASH_BYTES) } : null,
    snapshot:
      kind === 'snapshot'
        ? {
            parentId: bytes(ID_BYTES),
            parentProof: bytes(HASH_BYTES),
            generation: pick(i + 4),
            parentClocks: Array.from({ length: i % 5 }, (_, j) => ({
              author: bytes(KEY_BYTES),
              clock: pick(i + j),
            })),
          }
        : null,
  };
}

describe('exact-size envelope encodings', () => {
  it('write the same header bytes as lib0, and decode them back', () => {
    for (let i = 0; i < 60; i++) {
      for (const kind of ['update', 'snapshot'] as const) {
        const h = header(i, kind);
        const ours = encodeHeader(h);
        expect(ours).toEqual(lib0Header(h));
        const back = decodeHeader(ours);
        expect(back.clock).toBe(h.clock);
        expect(back.log.length).toBe(h.log.length);
      }
    }
  });

  it('still refuse a header that is not in canonical form (a varint with a needless byte)', () => {
    const h = header(3, 'update');
    h.epoch = 0;
    h.clock = 5;
    const canonical = encodeHeader(h);
    // The clock's varint sits after version, kind, group, doc, epoch (one byte), snapshot, author.
    const at = 2 + 2 * ID_BYTES + 1 + ID_BYTES + KEY_BYTES;
    expect(canonical[at]).toBe(5);
    const padded = new Uint8Array([
      ...canonical.subarray(0, at),
      0x85,
      0x00,
      ...canonical.subarray(at + 1),
    ]);
    expect(() => decodeHeader(padded)).toThrow(ProtocolError);
  });

  it('write the same signed bytes and ciphertext-hash input as lib0', () => {
    for (const size of [0, 1, 127, 128, 300, 16_384, 70_000]) {
      const headerBytes = bytes(size);
      const nonce = bytes(24);
      const hash = bytes(HASH_BYTES);
      const ciphertext = bytes(size);
      expect(envelopeSigningBytes(headerBytes, nonce, hash)).toEqual(
        encoding.encode((e) => {
          encoding.writeVarString(e, Domain.envelope);
          encoding.writeVarUint8Array(e, headerBytes);
          encoding.writeUint8Array(e, nonce);
          encoding.writeUint8Array(e, hash);
        }),
      );
      expect(ciphertextHashInput(ciphertext)).toEqual(
        encoding.encode((e) => {
          encoding.writeVarString(e, Domain.ciphertextHash);
          encoding.writeUint8Array(e, ciphertext);
        }),
      );
    }
  });
});
