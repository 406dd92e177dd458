// Byte helpers the protocol code needs in every runtime (browser, Node, Electron).
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const HEX_DIGIT_CODES = new TextEncoder().encode('0123456789abcdef');
/** Bytes hex-encoded per decode into the scratch buffer. */
const HEX_CHUNK = 1024;
const hexScratch = new Uint8Array(2 * HEX_CHUNK);
/** The digits are ASCII, which UTF-8 (every runtime's default decoder) decodes as itself. */
const asciiDecoder = new TextDecoder();

/**
 * Lower-case hex. toHex runs about a dozen times per relayed message (map keys, topics, locks), so
 * it writes the digits' character codes into a reused buffer and decodes them into one string:
 * appending two digits at a time made a chain of ~30 intermediate strings per 32-byte id (about
 * 1 KiB of garbage per call).
 */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (let from = 0; from < bytes.length; from += HEX_CHUNK) {
    const n = Math.min(HEX_CHUNK, bytes.length - from);
    for (let i = 0; i < n; i++) {
      const b = bytes[from + i] as number;
      hexScratch[2 * i] = HEX_DIGIT_CODES[b >> 4] as number;
      hexScratch[2 * i + 1] = HEX_DIGIT_CODES[b & 15] as number;
    }
    hex += asciiDecoder.decode(hexScratch.subarray(0, 2 * n));
  }
  return hex;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) throw new Error('not hex');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
