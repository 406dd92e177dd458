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
});
