// Bounds-checked reading of binary frames over lib0's decoder: every malformed input, whatever its
// shape, ends in one ProtocolError instead of a RangeError, a NaN or a silently short field.
import * as decoding from 'lib0/decoding';

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export interface WireReader {
  u8(): number;
  varUint(max?: number): number;
  fixed(length: number): Uint8Array;
  bytes(maxLength: number): Uint8Array;
  string(maxLength: number): string;
  position(): number;
  slice(from: number, to: number): Uint8Array;
  end(): void;
}

export function wireReader(input: Uint8Array): WireReader {
  const decoder = decoding.createDecoder(input);
  const remaining = (): number => input.length - decoder.pos;
  const need = (length: number, what: string): void => {
    if (length > remaining()) throw new ProtocolError(`truncated ${what}`);
  };
  const reader: WireReader = {
    u8() {
      need(1, 'byte');
      return decoding.readUint8(decoder);
    },
    varUint(max = Number.MAX_SAFE_INTEGER) {
      // lib0 varuints are at most 8 bytes for safe integers; read by hand to bound the loop.
      let value = 0;
      let multiplier = 1;
      for (let i = 0; i < 8; i++) {
        need(1, 'number');
        const byte = decoding.readUint8(decoder);
        // A zero last byte after the first is padding: a second encoding of the same number, which
        // would let one signed blob be re-framed with other bytes (and another hash).
        if (byte === 0 && i > 0) throw new ProtocolError('number not minimally encoded');
        value += (byte & 0x7f) * multiplier;
        if (byte < 0x80) {
          if (value > max) throw new ProtocolError(`number ${value} over ${max}`);
          return value;
        }
        multiplier *= 128;
      }
      throw new ProtocolError('number too long');
    },
    fixed(length) {
      need(length, `${length}-byte field`);
      return decoding.readUint8Array(decoder, length).slice();
    },
    bytes(maxLength) {
      const length = reader.varUint(maxLength);
      return reader.fixed(length);
    },
    string(maxLength) {
      return new TextDecoder('utf-8', { fatal: true }).decode(reader.bytes(maxLength));
    },
    position: () => decoder.pos,
    slice: (from, to) => input.slice(from, to),
    end() {
      if (remaining() !== 0) throw new ProtocolError(`${remaining()} trailing bytes`);
    },
  };
  return reader;
}

/** Decodes with the given function, turning any malformation into a ProtocolError. */
export function decodeStrict<T>(input: Uint8Array, read: (reader: WireReader) => T): T {
  try {
    const reader = wireReader(input);
    const value = read(reader);
    reader.end();
    return value;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(error instanceof Error ? error.message : 'malformed');
  }
}
