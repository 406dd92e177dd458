// Hex encoding of ids (the relay keys documents, groups and subscriptions by it): every byte value
// in order, and back.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../src-shared/protocol/bytes';

describe('hex', () => {
  it('writes every byte as two lower-case digits, in order, and reads them back', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toHex(all)).toBe(Buffer.from(all).toString('hex'));
    expect(fromHex(toHex(all))).toEqual(all);
    expect(toHex(new Uint8Array())).toBe('');
  });

  it('writes ids and inputs longer than one internal chunk whole, across the chunk boundaries', () => {
    for (const length of [32, 1023, 1024, 1025, 5000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7 + length) % 256);
      expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
    }
    // A view into a larger buffer: its own bytes, not the buffer's from the start.
    const larger = Uint8Array.from({ length: 64 }, (_, i) => i);
    expect(toHex(larger.subarray(3, 35))).toBe(Buffer.from(larger.subarray(3, 35)).toString('hex'));
  });
});
