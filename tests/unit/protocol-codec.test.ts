// The wire codecs: every frame round-trips, and malformed bytes end in a ProtocolError, never in a
// crash or a half-read value.
import { describe, expect, it } from 'vitest';
import {
  decodeEnvelope,
  decodeHeader,
  encodeEnvelope,
  encodeHeader,
  type EnvelopeHeader,
} from '../../src-shared/protocol/envelope';
import {
  decodeClientFrame,
  decodeRelayFrame,
  encodeClientFrame,
  encodeRelayFrame,
  type ClientFrame,
  type RelayFrame,
} from '../../src-shared/protocol/frames';
import {
  decodeEntry,
  encodeEntry,
  encodeEntryBody,
} from '../../src-shared/protocol/membership-entry';
import { decodeLockbox, encodeLockbox } from '../../src-shared/protocol/lockbox';
import { ProtocolError } from '../../src-shared/protocol/wire-reader';
import {
  INVITE_MATERIAL_MAX_BYTES,
  ENTRY_VERSION,
  ENVELOPE_VERSION,
  PROTOCOL_VERSION,
} from '../../src-shared/protocol/wire-constants';

const bytes = (length: number, fill: number): Uint8Array => new Uint8Array(length).fill(fill);

const inviteFetch: ClientFrame = {
  type: 'inviteFetch',
  requestId: 11,
  groupId: bytes(16, 1),
  inviteKey: bytes(32, 2),
  fromIndex: 300,
  signature: bytes(64, 3),
};

const updateHeader: EnvelopeHeader = {
  kind: 'update',
  groupId: bytes(16, 1),
  docId: bytes(16, 2),
  epoch: 0,
  snapshotId: bytes(16, 3),
  author: bytes(32, 4),
  clock: 300,
  log: { length: 7, head: bytes(32, 10) },
  basis: { generation: 2, proof: bytes(32, 11) },
  snapshot: null,
};
const snapshotHeader: EnvelopeHeader = {
  ...updateHeader,
  kind: 'snapshot',
  clock: 0,
  basis: null,
  snapshot: {
    parentId: bytes(16, 5),
    parentProof: bytes(32, 6),
    generation: 2,
    parentClocks: [
      { author: bytes(32, 9), clock: 7 },
      { author: bytes(32, 4), clock: 300 },
    ],
  },
};

describe('protocol codecs', () => {
  it('round-trips envelope headers, with snapshot clocks in canonical order', () => {
    expect(decodeHeader(encodeHeader(updateHeader))).toEqual(updateHeader);
    const decoded = decodeHeader(encodeHeader(snapshotHeader));
    expect(decoded.snapshot?.parentClocks.map((c) => c.clock)).toEqual([300, 7]);
  });

  it('round-trips envelopes and refuses trailing or missing bytes', () => {
    const envelope = {
      headerBytes: encodeHeader(updateHeader),
      nonce: bytes(24, 7),
      ciphertext: bytes(40, 8),
      signature: bytes(64, 9),
    };
    const encoded = encodeEnvelope(envelope);
    expect(decodeEnvelope(encoded)).toMatchObject({ ...envelope, header: updateHeader });
    expect(() => decodeEnvelope(encoded.slice(0, -1))).toThrow(ProtocolError);
    expect(() => decodeEnvelope(new Uint8Array([...encoded, 0]))).toThrow(ProtocolError);
  });

  it('refuses a header that is not in canonical form', () => {
    const header = encodeHeader(updateHeader);
    // The epoch (0) sits after version, kind, group id and doc id; write it as the two-byte varuint
    // 0x80 0x00, which reads as the same number but would be a second encoding of the same header.
    const epochAt = 2 + 16 + 16;
    expect(header[epochAt]).toBe(0);
    const padded = new Uint8Array([
      ...header.slice(0, epochAt),
      0x80,
      0x00,
      ...header.slice(epochAt + 1),
    ]);
    expect(() => decodeHeader(padded)).toThrow(ProtocolError);
  });

  it('round-trips every client and relay frame', () => {
    const clientFrames: ClientFrame[] = [
      { type: 'hello', nonce: bytes(32, 9) },
      { type: 'auth', device: bytes(32, 1), signature: bytes(64, 2) },
      { type: 'subscribe', requestId: 5, groupId: bytes(16, 1), docId: bytes(16, 2), afterSeq: 9 },
      { type: 'unsubscribe', groupId: bytes(16, 1), docId: bytes(16, 2) },
      { type: 'publish', requestId: 6, envelope: bytes(100, 3) },
      { type: 'ephemeral', envelope: bytes(10, 3) },
      { type: 'groupAppend', requestId: 7, entry: bytes(50, 4) },
      { type: 'groupFetch', requestId: 8, groupId: bytes(16, 1), fromIndex: 2 },
      { type: 'lockboxPut', requestId: 9, lockbox: bytes(30, 5) },
      { type: 'listGroups', requestId: 10 },
      inviteFetch,
      {
        type: 'invitePut',
        requestId: 12,
        groupId: bytes(16, 1),
        inviteKey: bytes(32, 2),
        material: bytes(INVITE_MATERIAL_MAX_BYTES, 3),
      },
      {
        type: 'sharePut',
        requestId: 13,
        groupId: bytes(16, 1),
        shareId: bytes(16, 2),
        expiresAt: 1_767_225_600_000,
        ciphertext: bytes(100, 3),
      },
      { type: 'shareFetch', requestId: 14, shareId: bytes(16, 2) },
      { type: 'shareDelete', requestId: 15, shareId: bytes(16, 2) },
    ];
    for (const frame of clientFrames) {
      expect(decodeClientFrame(encodeClientFrame(frame))).toEqual(frame);
    }
    const relayFrames: RelayFrame[] = [
      {
        type: 'challenge',
        challenge: bytes(32, 1),
        relayKey: bytes(32, 2),
        signature: bytes(64, 3),
        rotations: [],
      },
      {
        type: 'challenge',
        challenge: bytes(32, 1),
        relayKey: bytes(32, 2),
        signature: bytes(64, 3),
        rotations: [
          {
            oldKey: bytes(32, 4),
            newKey: bytes(32, 5),
            signedAt: 1_767_225_600_000,
            signature: bytes(64, 6),
          },
          {
            oldKey: bytes(32, 5),
            newKey: bytes(32, 2),
            signedAt: 1_767_225_700_000,
            signature: bytes(64, 7),
          },
        ],
      },
      { type: 'authOk' },
      { type: 'error', requestId: 3, code: 11, message: 'clock mismatch' },
      { type: 'ack', requestId: 3, seq: 77 },
      { type: 'deliver', seq: 78, envelope: bytes(20, 2) },
      { type: 'snapshotLink', seq: 2, link: bytes(20, 2) },
      { type: 'caughtUp', groupId: bytes(16, 1), docId: bytes(16, 2), seq: 78 },
      { type: 'ephemeral', envelope: bytes(20, 2) },
      {
        type: 'groupEntries',
        requestId: 4,
        groupId: bytes(16, 1),
        fromIndex: 0,
        entries: [bytes(3, 1), bytes(4, 2)],
        lockboxes: [bytes(5, 3)],
      },
      { type: 'groupList', requestId: 5, groupIds: [bytes(16, 1)] },
      { type: 'ok', requestId: 6 },
      { type: 'groupChanged', groupId: bytes(16, 1) },
      {
        type: 'invite',
        requestId: 7,
        groupId: bytes(16, 1),
        fromIndex: 2,
        entries: [bytes(3, 1), bytes(4, 2)],
        material: bytes(300, 3),
      },
      { type: 'share', requestId: 8, expiresAt: 1_767_225_600_000, ciphertext: bytes(300, 4) },
    ];
    for (const frame of relayFrames) {
      expect(decodeRelayFrame(encodeRelayFrame(frame))).toEqual(frame);
    }
  });

  it('refuses a truncated INVITE_FETCH and invite material over its cap', () => {
    const encoded = encodeClientFrame(inviteFetch);
    expect(encoded[0]).toBe(PROTOCOL_VERSION);
    expect(() => decodeClientFrame(encoded.slice(0, -1))).toThrow('truncated');
    const tooMuch = encodeClientFrame({
      type: 'invitePut',
      requestId: 1,
      groupId: bytes(16, 1),
      inviteKey: bytes(32, 2),
      material: bytes(INVITE_MATERIAL_MAX_BYTES + 1, 3),
    });
    expect(() => decodeClientFrame(tooMuch)).toThrow(ProtocolError);
  });

  it('refuses envelope headers and membership entries of protocol v2, saying which version', () => {
    // v2 stored data (relay rows, vault logs) must not be misread as v3: each has its own version.
    const header = encodeHeader(updateHeader);
    expect(header[0]).toBe(ENVELOPE_VERSION);
    header[0] = 2;
    expect(() => decodeHeader(header)).toThrow('envelope version 2');
    const body = encodeEntryBody({
      groupId: bytes(16, 1),
      index: 0,
      prevHash: bytes(32, 2),
      author: bytes(32, 3),
      timestamp: 1,
      op: { type: 'leave' },
    });
    expect(body[0]).toBe(ENTRY_VERSION);
    body[0] = 2;
    expect(() => decodeEntry(encodeEntry(body, bytes(64, 4)))).toThrow(
      'membership entry version 2',
    );
  });

  it('refuses a header that leaves out its signed heads, or a snapshot with a basis', () => {
    expect(() => encodeHeader({ ...updateHeader, basis: null })).toThrow('basis');
    expect(() =>
      encodeHeader({ ...snapshotHeader, basis: { generation: 1, proof: bytes(32, 1) } }),
    ).toThrow('basis');
    expect(() =>
      encodeHeader({ ...updateHeader, log: { length: 0, head: bytes(32, 1) } }),
    ).not.toThrow();
    expect(() =>
      decodeHeader(encodeHeader({ ...updateHeader, log: { length: 0, head: bytes(32, 1) } })),
    ).toThrow('log head');
  });

  it('refuses a frame of another protocol version', () => {
    const frame = encodeRelayFrame({ type: 'ok', requestId: 5 });
    frame[0] = PROTOCOL_VERSION - 1;
    expect(() => decodeRelayFrame(frame)).toThrow('unsupported version');
  });

  it('round-trips membership entries and lockboxes', () => {
    const bodyBytes = encodeEntryBody({
      groupId: bytes(16, 1),
      index: 1,
      prevHash: bytes(32, 2),
      author: bytes(32, 3),
      timestamp: 1_700_000_000_000,
      op: { type: 'add-member', member: bytes(32, 4), memberBoxKey: bytes(32, 5), role: 'viewer' },
    });
    const entry = decodeEntry(encodeEntry(bodyBytes, bytes(64, 6)));
    expect(entry.op).toEqual({
      type: 'add-member',
      member: bytes(32, 4),
      memberBoxKey: bytes(32, 5),
      role: 'viewer',
    });
    const lockbox = {
      groupId: bytes(16, 1),
      epoch: 0,
      recipient: bytes(32, 2),
      sealed: bytes(80, 3),
      author: bytes(32, 4),
      signature: bytes(64, 5),
    };
    expect(decodeLockbox(encodeLockbox(lockbox))).toEqual(lockbox);
  });

  it('turns random and truncated input into ProtocolError only', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const valid = encodeClientFrame({
      type: 'subscribe',
      requestId: 1,
      groupId: bytes(16, 1),
      docId: bytes(16, 2),
      afterSeq: 3,
    });
    for (let i = 0; i < 2000; i++) {
      const input =
        i % 2 === 0
          ? Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256))
          : valid.slice(0, Math.floor(random() * valid.length));
      for (const decode of [decodeClientFrame, decodeRelayFrame, decodeEnvelope, decodeEntry]) {
        try {
          decode(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError);
        }
      }
    }
  });
});

describe('protocol codecs refuse second encodings', () => {
  it('refuses a length prefix padded to more bytes than needed', () => {
    const frame = encodeRelayFrame({ type: 'ok', requestId: 5 });
    // requestId 5 is one byte (0x05); 0x85 0x00 reads as 5 too.
    const padded = new Uint8Array([...frame.slice(0, 2), 0x85, 0x00]);
    expect(() => decodeRelayFrame(padded)).toThrow('minimally');
  });

  it('refuses snapshot clocks that name an author twice', () => {
    const header = encodeHeader({
      ...snapshotHeader,
      snapshot: snapshotHeader.snapshot && {
        ...snapshotHeader.snapshot,
        parentClocks: [
          { author: bytes(32, 4), clock: 1 },
          { author: bytes(32, 4), clock: 2 },
        ],
      },
    });
    expect(() => decodeHeader(header)).toThrow('strictly ordered');
  });
});
