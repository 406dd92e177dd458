// Bytes in and out of better-sqlite3, shared by every part of the SQLite store.
/** better-sqlite3 binds Buffers; a view over the same memory avoids a copy. */
export const b = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
/** Rows come back as Buffers; callers get plain Uint8Arrays like everywhere else in the protocol. */
export const u8 = (buffer: Buffer): Uint8Array => new Uint8Array(buffer);
