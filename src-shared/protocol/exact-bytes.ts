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

/**
 * Runs `write` twice, once to measure and once to fill: it must write the same both times (a pure
 * function of its inputs). Throws whatever `write` throws, before anything is allocated.
 */
export function exactBytes(write: (w: ByteWriter) => void): Uint8Array {
  let size = 0;
  write({
    u8: () => void size++,
    bytes: (value) => void (size += value.length),
    varUint: (value) => void (size += varUintLength(value)),
  });
  const out = new Uint8Array(size);
  let pos = 0;
  write({
    u8(value) {
      out[pos++] = value;
    },
    bytes(value) {
      out.set(value, pos);
      pos += value.length;
    },
    varUint(value) {
      while (value > 0x7f) {
        out[pos++] = 0x80 | (value & 0x7f);
        value = Math.floor(value / 128);
      }
      out[pos++] = value & 0x7f;
    },
  });
  return out;
}

/** `prefix` then `rest`, in one new buffer. */
export function concatTwo(prefix: Uint8Array, rest: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + rest.length);
  out.set(prefix);
  out.set(rest, prefix.length);
  return out;
}
