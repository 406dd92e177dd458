// Bounds-checked reading of binary frames in lib0's encoding: every malformed input, whatever its
// shape, ends in one ProtocolError instead of a RangeError, a NaN or a silently short field.

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

/**
 * A class rather than an object of closures: the relay decodes several structures per frame, and
 * methods on a prototype cost one small object per decode instead of a dozen functions.
 */
class BoundedReader implements WireReader {
  private pos = 0;

  constructor(private readonly input: Uint8Array) {}

  private need(length: number, what: string): void {
    if (length > this.input.length - this.pos) throw new ProtocolError(`truncated ${what}`);
  }

  u8(): number {
    this.need(1, 'byte');
    return this.input[this.pos++] as number;
  }

  varUint(max = Number.MAX_SAFE_INTEGER): number {
    // lib0's varuints, read by hand to bound the loop: at most 8 bytes for safe integers.
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < 8; i++) {
      this.need(1, 'number');
      const byte = this.input[this.pos++] as number;
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
  }

  fixed(length: number): Uint8Array {
    if (!Number.isSafeInteger(length) || length < 0)
      throw new ProtocolError(`bad length ${length}`);
    this.need(length, `${length}-byte field`);
    // A copy: a decoded field must not change if the frame's buffer is reused.
    const out = this.input.slice(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  bytes(maxLength: number): Uint8Array {
    return this.fixed(this.varUint(maxLength));
  }

  string(maxLength: number): string {
    return utf8Strict.decode(this.bytes(maxLength));
  }

  position(): number {
    return this.pos;
  }

  slice(from: number, to: number): Uint8Array {
    return this.input.slice(from, to);
  }

  end(): void {
    const remaining = this.input.length - this.pos;
    if (remaining !== 0) throw new ProtocolError(`${remaining} trailing bytes`);
  }
}

/** Fatal: a string field that is not UTF-8 is malformed, not silently replaced. */
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export function wireReader(input: Uint8Array): WireReader {
  return new BoundedReader(input);
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
