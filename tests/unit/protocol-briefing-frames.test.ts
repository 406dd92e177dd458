// The briefing frames of protocol v5 (MAIL_*, CHUNK_*, MAIL_ITEMS, MAIL_CHANGED, CHUNK): they
// round-trip with their own type numbers, and a bad kind, an oversized item or a cut frame is
// refused by the decoder rather than misread.
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
import { peekRequestId } from '../../server/frame-peek';
import { MailKind } from '../../src-shared/protocol/briefing-frames';
import { ClientFrameType, RelayFrameType } from '../../src-shared/protocol/wire-constants';
import { ProtocolError } from '../../src-shared/protocol/wire-reader';

const bytes = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill);

const mailPut: Extract<ClientFrame, { type: 'mailPut' }> = {
  type: 'mailPut',
  requestId: 7,
  groupId: bytes(16, 1),
  briefingId: bytes(16, 2),
  kind: MailKind.receipt,
  recipient: bytes(32, 3),
  expiresAt: 1_800_000_000_000,
  ciphertext: bytes(LIMITS.relay.maxMailBytes, 4),
};

describe('briefing frames', () => {
  it('round-trip, each with its own type number', () => {
    const client: ClientFrame[] = [
      mailPut,
      { type: 'mailFetch', requestId: 1, groupId: bytes(16, 5), afterSeq: 99 },
      { type: 'mailRecall', requestId: 2, groupId: bytes(16, 5), briefingId: bytes(16, 6) },
      {
        type: 'chunkPut',
        requestId: 3,
        groupId: bytes(16, 5),
        briefingId: bytes(16, 6),
        blobId: bytes(16, 7),
        index: 1599,
        expiresAt: 0,
        bytes: bytes(65_553, 8),
      },
      { type: 'chunkGet', requestId: 4, blobId: bytes(16, 7), index: 3 },
      { type: 'chunkCount', requestId: 5, blobId: bytes(16, 7) },
    ];
    for (const frame of client) {
      const encoded = encodeClientFrame(frame);
      expect(encoded[1]).toBe(ClientFrameType[frame.type]);
      expect(decodeClientFrame(encoded)).toEqual(frame);
      // What the relay reads from a frame it refuses unread (too large, rate-limited), so that its
      // ERROR answers this request and not request 0.
      expect(peekRequestId(encoded)).toBe('requestId' in frame ? frame.requestId : 'none');
    }
    const relay: RelayFrame[] = [
      {
        type: 'mailItems',
        requestId: 9,
        items: [
          {
            seq: 12,
            briefingId: bytes(16, 2),
            kind: MailKind.copy,
            sender: bytes(32, 9),
            expiresAt: 0,
            ciphertext: bytes(300, 1),
          },
        ],
        more: true,
      },
      { type: 'mailChanged', groupId: bytes(16, 5) },
      { type: 'chunk', requestId: 10, bytes: bytes(1000, 2) },
    ];
    for (const frame of relay) {
      const encoded = encodeRelayFrame(frame);
      expect(encoded[1]).toBe(RelayFrameType[frame.type]);
      expect(decodeRelayFrame(encoded)).toEqual(frame);
    }
  });

  it('refuse an unknown kind, an item over the cap and a cut frame', () => {
    expect(() => decodeClientFrame(encodeClientFrame({ ...mailPut, kind: 9 }))).toThrow(
      ProtocolError,
    );
    const over = { ...mailPut, ciphertext: bytes(LIMITS.relay.maxMailBytes + 1, 4) };
    expect(() => decodeClientFrame(encodeClientFrame(over))).toThrow(ProtocolError);
    const whole = encodeClientFrame({ ...mailPut, ciphertext: bytes(10, 4) });
    expect(() => decodeClientFrame(whole.subarray(0, whole.length - 1))).toThrow(ProtocolError);
    expect(() => decodeClientFrame(whole.subarray(0, 20))).toThrow(ProtocolError);
    const chunk = encodeRelayFrame({
      type: 'chunk',
      requestId: 1,
      bytes: bytes(LIMITS.relay.maxChunkBytes + 1, 0),
    });
    expect(() => decodeRelayFrame(chunk)).toThrow(ProtocolError);
  });
});
