// The share frames of protocol v4 (SHARE_PUT, SHARE_FETCH, SHARE_DELETE, SHARE): they round-trip,
// and the codec refuses ciphertext over its cap, short ids, truncation and trailing bytes.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src-shared/limits';
import {
  decodeClientFrame,
  decodeRelayFrame,
  encodeClientFrame,
  encodeRelayFrame,
  type ClientFrame,
  type RelayFrame,
} from '../../src-shared/protocol/frames';
import {
  ClientFrameType,
  PROTOCOL_VERSION,
  RelayFrameType,
} from '../../src-shared/protocol/wire-constants';
import { ProtocolError } from '../../src-shared/protocol/wire-reader';

const bytes = (length: number, fill: number): Uint8Array => new Uint8Array(length).fill(fill);
const expiresAt = 1_767_225_600_000; // 2026-01-01T00:00Z, a whole hour

const sharePut: ClientFrame = {
  type: 'sharePut',
  requestId: 300,
  groupId: bytes(16, 1),
  shareId: bytes(16, 2),
  expiresAt,
  ciphertext: bytes(LIMITS.relay.maxShareBytes, 3),
};

describe('share frames', () => {
  it('round-trip, with their own type numbers in protocol v4', () => {
    const clientFrames: ClientFrame[] = [
      sharePut,
      { ...sharePut, ciphertext: new Uint8Array(0) },
      { type: 'shareFetch', requestId: 1, shareId: bytes(16, 4) },
      { type: 'shareDelete', requestId: 2, shareId: bytes(16, 5) },
    ];
    for (const frame of clientFrames) {
      const encoded = encodeClientFrame(frame);
      expect([...encoded.slice(0, 2)]).toEqual([PROTOCOL_VERSION, ClientFrameType[frame.type]]);
      expect(decodeClientFrame(encoded)).toEqual(frame);
    }
    const share: RelayFrame = { type: 'share', requestId: 3, expiresAt, ciphertext: bytes(900, 6) };
    const encoded = encodeRelayFrame(share);
    expect([...encoded.slice(0, 2)]).toEqual([PROTOCOL_VERSION, RelayFrameType.share]);
    expect(decodeRelayFrame(encoded)).toEqual(share);
    expect(PROTOCOL_VERSION).toBeGreaterThanOrEqual(4);
  });

  it('refuse ciphertext over the cap, both ways', () => {
    const over = bytes(LIMITS.relay.maxShareBytes + 1, 3);
    expect(() => decodeClientFrame(encodeClientFrame({ ...sharePut, ciphertext: over }))).toThrow(
      ProtocolError,
    );
    const share = encodeRelayFrame({ type: 'share', requestId: 1, expiresAt, ciphertext: over });
    expect(() => decodeRelayFrame(share)).toThrow(ProtocolError);
  });

  it('refuse truncated frames, trailing bytes and short ids', () => {
    for (const frame of [
      sharePut,
      { type: 'shareFetch', requestId: 1, shareId: bytes(16, 4) } as const,
      { type: 'shareDelete', requestId: 2, shareId: bytes(16, 5) } as const,
    ]) {
      const encoded = encodeClientFrame(frame);
      expect(() => decodeClientFrame(encoded.slice(0, -1))).toThrow(ProtocolError);
      expect(() => decodeClientFrame(new Uint8Array([...encoded, 0]))).toThrow('trailing');
    }
    const shortId = encodeClientFrame({ type: 'shareFetch', requestId: 1, shareId: bytes(15, 4) });
    expect(() => decodeClientFrame(shortId)).toThrow('truncated');
    const longId = encodeClientFrame({ type: 'shareDelete', requestId: 1, shareId: bytes(17, 4) });
    expect(() => decodeClientFrame(longId)).toThrow('trailing');
  });

  it('refuse a number written with padding (a second encoding)', () => {
    const frame = encodeClientFrame({ type: 'shareFetch', requestId: 5, shareId: bytes(16, 4) });
    // requestId 5 is one byte (0x05); 0x85 0x00 reads as 5 too.
    const padded = new Uint8Array([...frame.slice(0, 2), 0x85, 0x00, ...frame.slice(3)]);
    expect(() => decodeClientFrame(padded)).toThrow('minimally');
  });
});
