// Reads just enough of an EXIF (TIFF) block to tell the sender what the scrubber removed: GPS,
// camera serial numbers, dates, names. The block is dropped whole either way; this only names it,
// so a malformed block simply yields fewer findings, never an error or a read out of bounds.

/** What image-scrub reports as removed; the renderer translates each key for the sender. */
export type MetadataFound =
  | 'gps-location'
  | 'camera-make-model'
  | 'camera-serial-number'
  | 'date-taken'
  | 'owner-name'
  | 'software'
  | 'maker-note'
  | 'unique-id'
  | 'thumbnail'
  | 'exif'
  | 'xmp'
  | 'iptc'
  | 'comment'
  | 'text'
  | 'timestamp'
  | 'appended-data'
  | 'other-metadata';

export interface ExifFindings {
  found: Set<MetadataFound>;
  /** The EXIF orientation (1–8) that is lost with the block, or null when absent or 1. */
  orientation: number | null;
}

const IFD0_TAGS: Record<number, MetadataFound> = {
  0x010e: 'comment', // ImageDescription
  0x010f: 'camera-make-model', // Make
  0x0110: 'camera-make-model', // Model
  0x0131: 'software',
  0x0132: 'date-taken', // DateTime (last changed)
  0x013b: 'owner-name', // Artist
  0x8298: 'owner-name', // Copyright
  0x9c9c: 'comment', // XPComment
  0x9c9d: 'owner-name', // XPAuthor
  0xc62f: 'camera-serial-number', // CameraSerialNumber (DNG)
};

const EXIF_IFD_TAGS: Record<number, MetadataFound> = {
  0x9003: 'date-taken', // DateTimeOriginal
  0x9004: 'date-taken', // DateTimeDigitized
  0x927c: 'maker-note',
  0x9286: 'comment', // UserComment
  0xa420: 'unique-id', // ImageUniqueID
  0xa430: 'owner-name', // CameraOwnerName
  0xa431: 'camera-serial-number', // BodySerialNumber
  0xa433: 'camera-make-model', // LensMake
  0xa434: 'camera-make-model', // LensModel
  0xa435: 'camera-serial-number', // LensSerialNumber
};

const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;
const TAG_ORIENTATION = 0x0112;
const TAG_GPS_VERSION = 0x0000;
// Bounds for hostile blocks: real files have a handful of IFDs with well under a hundred entries.
const MAX_IFDS = 16;
const MAX_ENTRIES = 1000;

type IfdKind = 'ifd0' | 'ifd1' | 'exif' | 'gps';

/** `tiff` starts at the TIFF header ("II*\0" or "MM\0*"), after any "Exif\0\0" prefix. */
export function exifFindings(tiff: Uint8Array): ExifFindings {
  const found = new Set<MetadataFound>(['exif']);
  let orientation: number | null = null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  if (tiff.length < 8) return { found, orientation };
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return { found, orientation };
  const u16 = (at: number) => (at + 2 <= tiff.length ? view.getUint16(at, little) : null);
  const u32 = (at: number) => (at + 4 <= tiff.length ? view.getUint32(at, little) : null);
  if (u16(2) !== 42) return { found, orientation };

  const queue: [number, IfdKind][] = [[u32(4) ?? 0, 'ifd0']];
  const visited = new Set<number>();
  while (queue.length > 0 && visited.size < MAX_IFDS) {
    const [offset, kind] = queue.shift()!;
    if (offset < 8 || visited.has(offset)) continue;
    visited.add(offset);
    const count = u16(offset);
    if (count === null || count > MAX_ENTRIES) continue;
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      if (tag === null || entry + 12 > tiff.length) break;
      if (kind === 'gps') {
        // The version tag alone says nothing about where the photo was taken.
        if (tag !== TAG_GPS_VERSION) found.add('gps-location');
        continue;
      }
      const label = (kind === 'exif' ? EXIF_IFD_TAGS : IFD0_TAGS)[tag];
      if (label) found.add(label);
      if (kind === 'ifd0' && tag === TAG_EXIF_IFD) queue.push([u32(entry + 8) ?? 0, 'exif']);
      if (kind === 'ifd0' && tag === TAG_GPS_IFD) queue.push([u32(entry + 8) ?? 0, 'gps']);
      if (kind === 'ifd0' && tag === TAG_ORIENTATION) {
        const value = u16(entry + 8);
        if (value !== null && value >= 2 && value <= 8) orientation = value;
      }
    }
    // IFD0's successor is IFD1, the embedded thumbnail (a second, often unedited, picture).
    if (kind === 'ifd0') {
      const next = u32(offset + 2 + count * 12);
      if (next) {
        found.add('thumbnail');
        queue.push([next, 'ifd1']);
      }
    }
  }
  return { found, orientation };
}
