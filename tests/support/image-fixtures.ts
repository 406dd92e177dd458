// Hand-built images for the metadata scrubber's tests: a real (tiny) baseline JPEG, PNG and WebP,
// each carrying EXIF with GPS and a camera serial number, plus independent structure checkers.
import { crc32, deflateSync } from 'node:zlib';

export const GPS_CANARY = 'GPS-CANARY-53N27E';
export const SERIAL_CANARY = 'SN-CANARY-424242';
export const MODEL_CANARY = 'CanaryCam X100';
export const XMP_CANARY = 'xmp-canary-photographer';
export const COMMENT_CANARY = 'comment-canary';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

type Entry = { tag: number; type: 2 | 3 | 4 | 5; values: string | number[] };

/** Encoded bytes of one entry's value; the byte order is little-endian ("II") throughout. */
function valueBytes(entry: Entry): { count: number; bytes: Uint8Array } {
  if (entry.type === 2) {
    const bytes = ascii(`${entry.values as string}\0`);
    return { count: bytes.length, bytes };
  }
  const values = entry.values as number[];
  const size = entry.type === 3 ? 2 : entry.type === 4 ? 4 : 8;
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    if (entry.type === 3) view.setUint16(i * 2, v, true);
    else if (entry.type === 4) view.setUint32(i * 4, v, true);
    else {
      view.setUint32(i * 8, v, true);
      view.setUint32(i * 8 + 4, 1, true);
    }
  });
  return { count: values.length, bytes };
}

/** A TIFF block: IFD0 (make, model, orientation 6) → Exif IFD (date, serial) and GPS IFD. */
export function exifTiff(): Uint8Array {
  const exif: Entry[] = [
    { tag: 0x9003, type: 2, values: '2024:03:09 02:14:00' },
    { tag: 0xa431, type: 2, values: SERIAL_CANARY },
  ];
  const gps: Entry[] = [
    { tag: 0x0000, type: 3, values: [2, 2] }, // GPSVersionID (as SHORTs: the scrubber ignores it)
    { tag: 0x0001, type: 2, values: 'N' },
    { tag: 0x0002, type: 5, values: [53, 40, 12] },
    { tag: 0x001b, type: 2, values: GPS_CANARY }, // GPSProcessingMethod, as a findable canary
  ];
  const ifd0: Entry[] = [
    { tag: 0x010f, type: 2, values: 'CanaryMaker' },
    { tag: 0x0110, type: 2, values: MODEL_CANARY },
    { tag: 0x0112, type: 3, values: [6] },
    { tag: 0x8769, type: 4, values: [0] },
    { tag: 0x8825, type: 4, values: [0] },
  ];
  const ifds = [ifd0, exif, gps];
  const ifdSize = (entries: Entry[]) => 2 + entries.length * 12 + 4;
  const offsets: number[] = [];
  let at = 8;
  for (const entries of ifds) {
    offsets.push(at);
    at += ifdSize(entries);
  }
  ifd0[3]!.values = [offsets[1]!];
  ifd0[4]!.values = [offsets[2]!];
  const data: Uint8Array[] = [];
  const out: Uint8Array[] = [Uint8Array.of(0x49, 0x49, 42, 0, 8, 0, 0, 0)];
  for (const entries of ifds) {
    const ifd = new Uint8Array(ifdSize(entries));
    const view = new DataView(ifd.buffer);
    view.setUint16(0, entries.length, true);
    entries.forEach((entry, i) => {
      const { count, bytes } = valueBytes(entry);
      const e = 2 + i * 12;
      view.setUint16(e, entry.tag, true);
      view.setUint16(e + 2, entry.type, true);
      view.setUint32(e + 4, count, true);
      if (bytes.length <= 4) ifd.set(bytes, e + 8);
      else {
        view.setUint32(e + 8, at, true);
        data.push(bytes);
        at += bytes.length;
      }
    });
    out.push(ifd); // next-IFD offset stays 0: no thumbnail
  }
  return concat(...out, ...data);
}

function jpegSegment(marker: number, payload: Uint8Array): Uint8Array {
  const size = payload.length + 2;
  return concat(Uint8Array.of(0xff, marker, size >> 8, size & 0xff), payload);
}

/**
 * An 8×8 mid-grey baseline JPEG: one component, DC and AC Huffman tables of a single 1-bit code
 * each, so the whole scan is "DC difference 0, end of block" = bits 00, padded with ones.
 */
export function jpegWithMetadata(): Uint8Array {
  const jfif = concat(ascii('JFIF\0'), Uint8Array.of(1, 1, 0, 0, 1, 0, 1, 0, 0));
  const xmp = concat(
    ascii('http://ns.adobe.com/xap/1.0/\0'),
    ascii(`<x:xmpmeta>${XMP_CANARY}</x:xmpmeta>`),
  );
  const icc = concat(ascii('ICC_PROFILE\0'), Uint8Array.of(1, 1), new Uint8Array(16).fill(7));
  const iptc = concat(ascii('Photoshop 3.0\0'), ascii('8BIM'), new Uint8Array(8));
  const dqt = concat(Uint8Array.of(0x00), new Uint8Array(64).fill(1));
  const sof = Uint8Array.of(8, 0, 8, 0, 8, 1, 1, 0x11, 0);
  const dhtDc = concat(Uint8Array.of(0x00, 1), new Uint8Array(15), Uint8Array.of(0));
  const dhtAc = concat(Uint8Array.of(0x10, 1), new Uint8Array(15), Uint8Array.of(0));
  const sos = Uint8Array.of(1, 1, 0x00, 0, 63, 0);
  return concat(
    Uint8Array.of(0xff, 0xd8),
    jpegSegment(0xe0, jfif),
    jpegSegment(0xe1, concat(ascii('Exif\0\0'), exifTiff())),
    jpegSegment(0xe1, xmp),
    jpegSegment(0xe2, icc),
    jpegSegment(0xed, iptc),
    jpegSegment(0xfe, ascii(COMMENT_CANARY)),
    jpegSegment(0xdb, dqt),
    jpegSegment(0xc0, sof),
    jpegSegment(0xc4, dhtDc),
    jpegSegment(0xc4, dhtAc),
    jpegSegment(0xda, sos),
    Uint8Array.of(0x3f),
    Uint8Array.of(0xff, 0xd9),
    ascii(`appended-second-image ${GPS_CANARY}`),
  );
}

function pngChunk(type: string, body: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, body.length);
  head.set(ascii(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat(ascii(type), body)));
  return concat(head, body, crc);
}

/** A 1×1 grey PNG with eXIf (GPS, serial), XMP and a comment in text chunks, and tIME. */
export function pngWithMetadata(): Uint8Array {
  const ihdr = Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0);
  return concat(
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk('IHDR', ihdr),
    pngChunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f)),
    pngChunk('eXIf', exifTiff()),
    pngChunk('tEXt', ascii(`Comment\0${COMMENT_CANARY}`)),
    pngChunk('iTXt', ascii(`XML:com.adobe.xmp\0\0\0\0\0${XMP_CANARY}`)),
    pngChunk('tIME', Uint8Array.of(0x07, 0xe8, 3, 9, 2, 14, 0)),
    pngChunk('IDAT', deflateSync(Uint8Array.of(0, 0x80))),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

function riffChunk(type: string, body: Uint8Array): Uint8Array {
  const head = concat(ascii(type), new Uint8Array(4));
  new DataView(head.buffer).setUint32(4, body.length, true);
  return concat(head, body, body.length % 2 ? Uint8Array.of(0) : new Uint8Array(0));
}

/** The well-known 1×1 lossless WebP bitstream, wrapped in VP8X with EXIF and XMP chunks. */
export function webpWithMetadata(): Uint8Array {
  const vp8l = Uint8Array.of(0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07);
  const vp8x = Uint8Array.of(0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0); // EXIF and XMP flags, 1×1
  const chunks = concat(
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', vp8l),
    riffChunk('EXIF', exifTiff()),
    riffChunk('XMP ', ascii(`<x:xmpmeta>${XMP_CANARY}</x:xmpmeta>`)),
  );
  const head = concat(ascii('RIFF'), new Uint8Array(4), ascii('WEBP'));
  new DataView(head.buffer).setUint32(4, chunks.length + 4, true);
  return concat(head, chunks);
}

/** Marker list of a JPEG, checking every length stays inside the file and it ends with EOI. */
export function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('no SOI');
  let pos = 2;
  while (pos + 1 < bytes.length) {
    if (bytes[pos] !== 0xff) throw new Error(`no marker at ${pos}`);
    const marker = bytes[pos + 1]!;
    markers.push(marker);
    if (marker === 0xd9) {
      if (pos + 2 !== bytes.length) throw new Error('bytes after EOI');
      return markers;
    }
    const length = (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    pos += 2 + length;
    if (pos > bytes.length) throw new Error('segment past the end');
    if (marker === 0xda) {
      while (pos + 1 < bytes.length && !(bytes[pos] === 0xff && bytes[pos + 1] !== 0)) pos++;
    }
  }
  throw new Error('no EOI');
}

/** Chunk names of a PNG, checking each CRC and that IEND is last. */
export function pngChunkTypes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const types: string[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(pos + 8 + length)) {
      throw new Error(`bad CRC in ${type}`);
    }
    types.push(type);
    pos += 12 + length;
  }
  if (pos !== bytes.length || types.at(-1) !== 'IEND')
    throw new Error('PNG does not end with IEND');
  return types;
}

/** Chunk names of a WebP, checking the RIFF size matches; also returns the VP8X flags byte. */
export function webpChunks(bytes: Uint8Array): { types: string[]; vp8xFlags: number | null } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(4, true) + 8 !== bytes.length) throw new Error('RIFF size is wrong');
  const types: string[] = [];
  let vp8xFlags: number | null = null;
  let pos = 12;
  while (pos < bytes.length) {
    const type = String.fromCharCode(...bytes.subarray(pos, pos + 4));
    const size = view.getUint32(pos + 4, true);
    if (type === 'VP8X') vp8xFlags = bytes[pos + 8]!;
    types.push(type);
    pos += 8 + size + (size % 2);
  }
  if (pos !== bytes.length) throw new Error('chunks overrun the RIFF');
  return { types, vp8xFlags };
}

export function contains(haystack: Uint8Array, needle: string): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle, 'latin1'));
}
