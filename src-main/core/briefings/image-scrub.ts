// Removes metadata (EXIF with GPS and camera serials, XMP, IPTC, comments, text chunks) from JPEG,
// PNG and WebP images before a briefing seals them (issue 11, item 3), and says what it removed.
// Whitelists, not blacklists: only what a viewer needs to draw the picture is kept. Other files come
// back untouched as kind 'other' (HEIC, GIF, TIFF… are not scrubbed: the caller must say so).
// Dropping EXIF also drops its orientation tag (see image-scrub-jpeg.ts): `orientation` reports it.
import { crc32 } from 'node:zlib';
import { LIMITS } from '../../../src-shared/limits';
import { SuviazError } from '../errors';
import { exifFindings, type MetadataFound } from './exif-findings';
import { concat, scrubJpeg } from './image-scrub-jpeg';

export type { MetadataFound } from './exif-findings';

export interface ScrubResult {
  bytes: Uint8Array;
  kind: 'jpeg' | 'png' | 'webp' | 'other';
  /**
   * What was removed, each named once in plain English for the sender to see (the renderer's
   * RemovedDetails translates these names): "GPS location", "camera serial number"…
   */
  removed: string[];
  /** The same, as precise keys. */
  found: MetadataFound[];
  /** EXIF orientation (2–8) lost with the metadata: the viewer should rotate by it. */
  orientation: number | null;
}

/** The names RemovedDetails (src-renderer/briefings) knows; in order of what matters most. */
const REMOVED_NAMES: Record<MetadataFound, string> = {
  'gps-location': 'GPS location',
  'camera-serial-number': 'camera serial number',
  'camera-make-model': 'camera make and model',
  'date-taken': 'date taken',
  timestamp: 'date taken',
  'owner-name': 'author',
  software: 'software',
  thumbnail: 'thumbnail',
  comment: 'comment',
  xmp: 'editing history',
  'maker-note': 'other metadata',
  'unique-id': 'other metadata',
  exif: 'other metadata',
  iptc: 'other metadata',
  text: 'other metadata',
  'appended-data': 'other metadata',
  'other-metadata': 'other metadata',
};

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);

function kindOf(data: Uint8Array): ScrubResult['kind'] {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 8 && PNG_SIGNATURE.every((byte, i) => data[i] === byte)) return 'png';
  if (
    data.length >= 12 &&
    text(data.subarray(0, 4)) === 'RIFF' &&
    text(data.subarray(8, 12)) === 'WEBP'
  ) {
    return 'webp';
  }
  return 'other';
}

export function scrubImage(data: Uint8Array): ScrubResult {
  const kind = kindOf(data);
  if (kind === 'other') return { bytes: data, kind, removed: [], found: [], orientation: null };
  const max = LIMITS.briefingAttachments.imageScrubMaxBytes;
  if (data.length > max) {
    // Sending it unscrubbed would leak what the sender was promised is removed.
    throw new SuviazError(
      'attachment-too-large',
      `This image is ${data.length} bytes; images over ${max} bytes cannot be cleaned of their metadata.`,
    );
  }
  const result =
    kind === 'jpeg' ? scrubJpeg(data) : kind === 'png' ? scrubPng(data) : scrubWebp(data);
  const found = [...result.removed];
  const order = Object.keys(REMOVED_NAMES) as MetadataFound[];
  const removed = [
    ...new Set(
      found.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((item) => REMOVED_NAMES[item]),
    ),
  ];
  return { bytes: result.bytes, kind, removed, found, orientation: result.orientation };
}

interface Scrubbed {
  bytes: Uint8Array;
  removed: Set<MetadataFound>;
  orientation: number | null;
}

function addExif(tiff: Uint8Array, removed: Set<MetadataFound>): number | null {
  const exif = exifFindings(tiff);
  for (const item of exif.found) removed.add(item);
  return exif.orientation;
}

// ---- PNG ----

/** Critical chunks, colour and pixel-size information, and APNG animation: nothing about the sender. */
const PNG_KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'pHYs',
  'cICP',
  'sBIT',
  'acTL',
  'fcTL',
  'fdAT',
]);

const PNG_TEXT_KEYWORDS: Record<string, MetadataFound> = {
  'XML:com.adobe.xmp': 'xmp',
  'Raw profile type exif': 'exif',
  'Raw profile type APP1': 'exif',
  'Raw profile type iptc': 'iptc',
  'Raw profile type 8bim': 'iptc',
  'Raw profile type xmp': 'xmp',
  Author: 'owner-name',
  Copyright: 'owner-name',
  'Creation Time': 'date-taken',
  Software: 'software',
  Source: 'camera-make-model',
  Comment: 'comment',
  Description: 'comment',
};

function pngDamaged(why: string): SuviazError {
  return new SuviazError(
    'attachment-unreadable',
    `This PNG image is damaged (${why}); it was not attached.`,
  );
}

function scrubPng(data: Uint8Array): Scrubbed {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const parts: Uint8Array[] = [PNG_SIGNATURE];
  const removed = new Set<MetadataFound>();
  let orientation: number | null = null;
  let pos = 8;
  let sawData = false;
  for (let first = true; ; first = false) {
    if (pos + 12 > data.length) throw pngDamaged('it ends before its end chunk');
    const length = view.getUint32(pos);
    if (length > data.length - pos - 12) throw pngDamaged('a chunk runs past the end');
    const type = text(data.subarray(pos + 4, pos + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw pngDamaged('a chunk has no valid name');
    const body = data.subarray(pos + 8, pos + 8 + length);
    if (crc32(data.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(pos + 8 + length)) {
      throw pngDamaged(`the ${type} chunk's checksum is wrong`);
    }
    if (first && (type !== 'IHDR' || length !== 13)) throw pngDamaged('no header chunk');
    const chunk = data.subarray(pos, pos + 12 + length);
    pos += 12 + length;
    if (PNG_KEEP.has(type)) {
      parts.push(chunk);
      if (type === 'IDAT') sawData = true;
      if (type === 'IEND') break;
      continue;
    }
    // An upper-case first letter marks a chunk a viewer cannot do without: not one we know, so refuse.
    if (type[0]! >= 'A' && type[0]! <= 'Z') throw pngDamaged(`unknown critical chunk ${type}`);
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const nul = body.indexOf(0);
      const keyword = text(body.subarray(0, nul < 0 ? Math.min(body.length, 79) : nul));
      removed.add(PNG_TEXT_KEYWORDS[keyword] ?? 'text');
    } else if (type === 'eXIf') orientation ??= addExif(body, removed);
    else if (type === 'tIME') removed.add('timestamp');
    else removed.add('other-metadata');
  }
  if (!sawData) throw pngDamaged('no image data');
  if (data.subarray(pos).some((byte) => byte !== 0)) removed.add('appended-data');
  return { bytes: concat(parts), removed, orientation };
}

// ---- WebP ----

const WEBP_KEEP = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;
const EXIF_PREFIX = 'Exif\0\0';

function webpDamaged(why: string): SuviazError {
  return new SuviazError(
    'attachment-unreadable',
    `This WebP image is damaged (${why}); it was not attached.`,
  );
}

function scrubWebp(data: Uint8Array): Scrubbed {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > data.length) throw webpDamaged('it is shorter than it says');
  const parts: Uint8Array[] = [];
  const removed = new Set<MetadataFound>();
  let orientation: number | null = null;
  let sawImage = false;
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) throw webpDamaged('a chunk header runs past the end');
    const type = text(data.subarray(pos, pos + 4));
    const size = view.getUint32(pos + 4, true);
    if (size > riffEnd - pos - 8) throw webpDamaged(`the ${type.trim()} chunk runs past the end`);
    const body = data.subarray(pos + 8, pos + 8 + size);
    if (pos === 12 && !['VP8 ', 'VP8L', 'VP8X'].includes(type))
      throw webpDamaged('no image header');
    if (WEBP_KEEP.has(type)) {
      const header = data.slice(pos, pos + 8);
      const copy = type === 'VP8X' ? body.slice() : body;
      if (type === 'VP8X' && copy.length > 0) copy[0]! &= ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
      // Chunks are padded to an even size; written out in full even when the input left the pad off.
      parts.push(header, copy, size % 2 === 1 ? Uint8Array.of(0) : new Uint8Array(0));
      if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') sawImage = true;
    } else if (type === 'EXIF') {
      const prefixed = text(body.subarray(0, EXIF_PREFIX.length)) === EXIF_PREFIX;
      orientation ??= addExif(prefixed ? body.subarray(EXIF_PREFIX.length) : body, removed);
    } else if (type === 'XMP ') removed.add('xmp');
    else removed.add('other-metadata');
    pos += 8 + size + (size % 2);
  }
  if (!sawImage) throw webpDamaged('no image data');
  if (data.subarray(riffEnd).some((byte) => byte !== 0)) removed.add('appended-data');
  const chunks = concat(parts);
  const head = new Uint8Array(12);
  head.set(data.subarray(0, 4));
  new DataView(head.buffer).setUint32(4, 4 + chunks.length, true);
  head.set(data.subarray(8, 12), 8);
  return { bytes: concat([head, chunks]), removed, orientation };
}
