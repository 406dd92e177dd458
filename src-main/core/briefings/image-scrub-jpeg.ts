// JPEG half of image-scrub: walks the marker segments and keeps only what a viewer needs to draw
// the picture (JFIF, ICC profile, Adobe colour transform, tables, frame and scans).
import { SuviazError } from '../errors';
import { exifFindings, type MetadataFound } from './exif-findings';

export interface JpegScrub {
  bytes: Uint8Array;
  removed: Set<MetadataFound>;
  orientation: number | null;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const EXIF_ID = ascii('Exif\0\0');
const XMP_IDS = [
  ascii('http://ns.adobe.com/xap/1.0/\0'),
  ascii('http://ns.adobe.com/xmp/extension/\0'),
];
const JFIF_ID = ascii('JFIF\0');
const JFXX_ID = ascii('JFXX\0');
const ICC_ID = ascii('ICC_PROFILE\0');
const PHOTOSHOP_ID = ascii('Photoshop 3.0\0');
const ADOBE_ID = ascii('Adobe');

function startsWith(data: Uint8Array, prefix: Uint8Array): boolean {
  if (data.length < prefix.length) return false;
  return prefix.every((byte, i) => data[i] === byte);
}

function damaged(why: string): SuviazError {
  return new SuviazError(
    'attachment-unreadable',
    `This JPEG image is damaged (${why}); it was not attached.`,
  );
}

const isFrameMarker = (m: number) =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const isRestart = (m: number) => m >= 0xd0 && m <= 0xd7;

/**
 * Decides one APPn or COM segment (payload = after the length field): keep it, keep a rewritten
 * copy, or drop it and say what it held.
 */
function judgeSegment(
  marker: number,
  payload: Uint8Array,
  removed: Set<MetadataFound>,
  lost: { orientation: number | null },
): 'keep' | 'drop' | Uint8Array {
  if (marker === 0xfe) {
    removed.add('comment');
    return 'drop';
  }
  if (marker === 0xe0 && startsWith(payload, JFIF_ID)) {
    // A JFIF header may carry an uncompressed thumbnail after its 14 fixed bytes: keep the header only.
    if (payload.length <= 14) return 'keep';
    removed.add('thumbnail');
    const header = payload.slice(0, 14);
    header[12] = 0;
    header[13] = 0;
    return header;
  }
  if (marker === 0xe0 && startsWith(payload, JFXX_ID)) removed.add('thumbnail');
  else if (marker === 0xe1 && startsWith(payload, EXIF_ID)) {
    const exif = exifFindings(payload.subarray(EXIF_ID.length));
    for (const item of exif.found) removed.add(item);
    lost.orientation ??= exif.orientation;
  } else if (marker === 0xe1 && XMP_IDS.some((id) => startsWith(payload, id))) removed.add('xmp');
  else if (marker === 0xe2 && startsWith(payload, ICC_ID)) return 'keep';
  else if (marker === 0xed && startsWith(payload, PHOTOSHOP_ID)) removed.add('iptc');
  else if (marker === 0xee && startsWith(payload, ADOBE_ID)) return 'keep';
  else removed.add('other-metadata');
  return 'drop';
}

/**
 * Note: dropping EXIF drops its orientation tag too, so a phone photo taken sideways may show
 * sideways; `orientation` says what was lost so the viewer can rotate it.
 */
export function scrubJpeg(data: Uint8Array): JpegScrub {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) throw damaged('no start marker');
  const parts: Uint8Array[] = [data.subarray(0, 2)];
  const removed = new Set<MetadataFound>();
  const lost = { orientation: null as number | null };
  let sawFrame = false;
  let sawScan = false;
  let pos = 2;
  for (;;) {
    if (pos >= data.length) throw damaged('it ends before its end marker');
    if (data[pos] !== 0xff) throw damaged(`no marker at byte ${pos}`);
    while (pos < data.length && data[pos] === 0xff) pos++; // fill bytes before a marker
    if (pos >= data.length) throw damaged('it ends inside a marker');
    const marker = data[pos++]!;
    if (marker === 0xd9) {
      if (!sawScan) throw damaged('no image data');
      parts.push(Uint8Array.of(0xff, 0xd9));
      // Phones append more after the end: a second full-size image (MPF), a depth map, a video.
      if (data.subarray(pos).some((byte) => byte !== 0)) removed.add('appended-data');
      break;
    }
    if (isRestart(marker) || marker === 0x01) {
      parts.push(Uint8Array.of(0xff, marker));
      continue;
    }
    if (marker === 0xd8 || marker === 0x00) throw damaged(`unexpected marker ${marker}`);
    if (pos + 2 > data.length) throw damaged('it ends inside a segment');
    const length = (data[pos]! << 8) | data[pos + 1]!;
    if (length < 2 || pos + length > data.length) throw damaged('a segment runs past the end');
    const payload = data.subarray(pos + 2, pos + length);
    const isMetadata = (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;
    const verdict = isMetadata ? judgeSegment(marker, payload, removed, lost) : 'keep';
    if (verdict === 'keep') parts.push(data.subarray(pos - 2, pos + length));
    else if (verdict !== 'drop') {
      const size = verdict.length + 2;
      parts.push(Uint8Array.of(0xff, marker, size >> 8, size & 0xff), verdict);
    }
    pos += length;
    if (isFrameMarker(marker)) sawFrame = true;
    if (marker === 0xda) {
      if (!sawFrame) throw damaged('a scan before the frame header');
      sawScan = true;
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      let end = pos;
      while (end + 1 < data.length) {
        if (data[end] === 0xff && data[end + 1] !== 0 && !isRestart(data[end + 1]!)) break;
        end++;
      }
      if (end + 1 >= data.length) throw damaged('it ends inside the image data');
      parts.push(data.subarray(pos, end));
      pos = end;
    }
  }
  return { bytes: concat(parts), removed, orientation: lost.orientation };
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
