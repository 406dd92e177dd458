// Encodes a short wire structure into one buffer of its exact size: the same bytes as lib0's
// encoding (unsigned varints 7 bits a byte, low first, 0x80 meaning more), without lib0's growing
// chunks and final copy. For the encodings every envelope goes through several times on the relay
// and in a catch-up: the header's canonical check, the signed bytes, the ciphertext hash's input.

export interface ByteWriter {
  u8(value: number): void;
  bytes(value: Uint8Array): void;
  varUint(value: number): void;
}

/** Bytes of lib0's writeVarUint(value). */
function varUintLength(value: number): number {
  let length = 1;
  while (value > 0x7f) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** The first pass: counts what `write` would write. */
class SizeCounter implements ByteWriter {
  size = 0;
  u8(): void {
    this.size++;
  }
  bytes(value: Uint8Array): void {
    this.size += value.length;
  }
  varUint(value: number): void {
    this.size += varUintLength(value);
  }
}

/** The second pass: writes into a buffer of the counted size. */
class BufferFiller implements ByteWriter {
  private pos = 0;
  constructor(readonly out: Uint8Array) {}
  u8(value: number): void {
    this.out[this.pos++] = value;
  }
  bytes(value: Uint8Array): void {
    this.out.set(value, this.pos);
    this.pos += value.length;
  }
  varUint(value: number): void {
    while (value > 0x7f) {
      this.out[this.pos++] = 0x80 | (value & 0x7f);
      value = Math.floor(value / 128);
    }
    this.out[this.pos++] = value & 0x7f;
  }
}

/**
 * Runs `write` twice, once to measure and once to fill: it must write the same both times (a pure
 * function of its inputs). Throws whatever `write` throws, before anything is allocated. (Writers
 * are small classes, not objects of closures: the relay encodes several of these per frame.)
 */
export function exactBytes(write: (w: ByteWriter) => void): Uint8Array {
  const counter = new SizeCounter();
  write(counter);
  const filler = new BufferFiller(new Uint8Array(counter.size));
  write(filler);
  return filler.out;
}

/** `prefix` then `rest`, in one new buffer. */
export function concatTwo(prefix: Uint8Array, rest: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + rest.length);
  out.set(prefix);
  out.set(rest, prefix.length);
  return out;
}
