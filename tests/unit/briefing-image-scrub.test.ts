import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exifFindings } from '../../src-main/core/briefings/exif-findings';
import { scrubImage } from '../../src-main/core/briefings/image-scrub';
import { SuviazError } from '../../src-main/core/errors';
import { LIMITS } from '../../src-shared/limits';
import {
  COMMENT_CANARY,
  GPS_CANARY,
  MODEL_CANARY,
  SERIAL_CANARY,
  XMP_CANARY,
  contains,
  exifTiff,
  jpegMarkers,
  jpegWithMetadata,
  pngChunkTypes,
  pngWithMetadata,
  webpChunks,
  webpWithMetadata,
} from '../support/image-fixtures';

const CANARIES = [GPS_CANARY, SERIAL_CANARY, MODEL_CANARY, XMP_CANARY, COMMENT_CANARY];

function expectNoCanary(bytes: Uint8Array) {
  for (const canary of CANARIES) expect(contains(bytes, canary), canary).toBe(false);
}

describe('the fixtures carry what the scrubber must remove', () => {
  it('each fixture holds the GPS and serial canaries and is well-formed before scrubbing', () => {
    for (const image of [jpegWithMetadata(), pngWithMetadata(), webpWithMetadata()]) {
      expect(contains(image, GPS_CANARY)).toBe(true);
      expect(contains(image, SERIAL_CANARY)).toBe(true);
    }
    expect(pngChunkTypes(pngWithMetadata())).toContain('eXIf');
    expect(webpChunks(webpWithMetadata()).types).toContain('EXIF');
  });
});

describe('JPEG', () => {
  const result = scrubImage(jpegWithMetadata());

  it('removes EXIF (GPS, serial, model, date), XMP, IPTC, the comment and appended data', () => {
    expect(result.kind).toBe('jpeg');
    expectNoCanary(result.bytes);
    expect(result.found).toEqual(
      expect.arrayContaining([
        'exif',
        'gps-location',
        'camera-serial-number',
        'camera-make-model',
        'date-taken',
        'xmp',
        'iptc',
        'comment',
        'appended-data',
      ]),
    );
    expect(new Set(result.found).size).toBe(result.found.length);
    // What the sender reads, in the names the renderer translates, most telling first.
    expect(result.removed.slice(0, 4)).toEqual([
      'GPS location',
      'camera serial number',
      'camera make and model',
      'date taken',
    ]);
    expect(result.orientation).toBe(6);
  });

  it('keeps a well-formed image: JFIF, ICC, tables, frame, scan, end', () => {
    expect(jpegMarkers(result.bytes)).toEqual([0xe0, 0xe2, 0xdb, 0xc0, 0xc4, 0xc4, 0xda, 0xd9]);
    // The scrubbed image is still scrubbable and nothing more comes off: it was clean.
    const again = scrubImage(result.bytes);
    expect(again.removed).toEqual([]);
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });

  it('drops a JFIF thumbnail but keeps the JFIF header', () => {
    const original = jpegWithMetadata();
    // Rebuild the APP0 with a 1×1 RGB thumbnail (3 more bytes).
    const app0 = Uint8Array.of(
      0xff,
      0xe0,
      0,
      19,
      ...Buffer.from('JFIF\0'),
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      1,
      1,
      9,
      9,
      9,
    );
    const withThumb = Buffer.concat([original.subarray(0, 2), app0, original.subarray(20)]);
    const scrubbed = scrubImage(withThumb);
    expect(scrubbed.found).toContain('thumbnail');
    expect(jpegMarkers(scrubbed.bytes)[0]).toBe(0xe0);
    expect(scrubbed.bytes.subarray(2, 20)).toEqual(
      Uint8Array.of(0xff, 0xe0, 0, 16, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0),
    );
  });
});

describe('PNG', () => {
  const result = scrubImage(pngWithMetadata());

  it('removes eXIf (GPS, serial), text chunks (XMP, comment) and tIME', () => {
    expect(result.kind).toBe('png');
    expectNoCanary(result.bytes);
    expect(result.found).toEqual(
      expect.arrayContaining([
        'exif',
        'gps-location',
        'camera-serial-number',
        'xmp',
        'comment',
        'timestamp',
      ]),
    );
  });

  it('keeps the display chunks with their CRCs right', () => {
    expect(pngChunkTypes(result.bytes)).toEqual(['IHDR', 'gAMA', 'IDAT', 'IEND']);
  });

  it('refuses a wrong CRC and an unknown critical chunk', () => {
    const bad = pngWithMetadata();
    bad[8 + 8 + 5]! ^= 1; // a byte of IHDR's body
    expect(() => scrubImage(bad)).toThrow(/checksum/);
    const original = pngWithMetadata();
    const renamed = Buffer.from(original);
    // gAMA → GAMA (critical, unknown); fix its CRC so only the name is the problem.
    const gamaAt = 8 + 25;
    renamed[gamaAt + 4] = 'G'.charCodeAt(0);
    renamed.writeUInt32BE(crc32(renamed.subarray(gamaAt + 4, gamaAt + 12)), gamaAt + 12);
    expect(() => scrubImage(renamed)).toThrow(/unknown critical chunk GAMA/);
  });
});

describe('WebP', () => {
  const result = scrubImage(webpWithMetadata());

  it('removes EXIF and XMP, clears their VP8X flags and fixes the RIFF size', () => {
    expect(result.kind).toBe('webp');
    expectNoCanary(result.bytes);
    expect(result.found).toEqual(
      expect.arrayContaining(['exif', 'gps-location', 'camera-serial-number', 'xmp']),
    );
    const { types, vp8xFlags } = webpChunks(result.bytes);
    expect(types).toEqual(['VP8X', 'VP8L']);
    expect(vp8xFlags! & 0x0c).toBe(0);
  });
});

describe('hostile and other inputs', () => {
  it('leaves other kinds of file untouched', () => {
    const pdf = Buffer.from('%PDF-1.7 GPS 53N');
    const result = scrubImage(pdf);
    expect(result).toMatchObject({ kind: 'other', removed: [], found: [] });
    expect(result.bytes).toBe(pdf);
  });

  it('refuses every truncation of each image with a clear SuviazError', () => {
    for (const image of [jpegWithMetadata(), pngWithMetadata(), webpWithMetadata()]) {
      // Cut before the end of the image proper (the JPEG's appended bytes may go freely).
      const end =
        image[0] === 0xff
          ? Buffer.from(image).indexOf(Buffer.of(0xff, 0xd9)) + 1
          : image.length - 1;
      for (let cut = 0; cut <= end; cut++) {
        const prefix = image.subarray(0, cut);
        let outcome: string;
        try {
          outcome = scrubImage(prefix).kind;
        } catch (error) {
          expect(error).toBeInstanceOf(SuviazError);
          expect((error as SuviazError).code).toBe('attachment-unreadable');
          expect((error as SuviazError).message).toMatch(/damaged \(.+\); it was not attached/);
          outcome = 'refused';
        }
        // Only a prefix too short to be recognised passes, untouched, as another kind of file.
        if (outcome !== 'refused') expect([outcome, cut < 12]).toEqual(['other', true]);
      }
    }
  });

  it('survives random corruption: a result or a SuviazError, never anything else', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const make of [jpegWithMetadata, pngWithMetadata, webpWithMetadata]) {
      for (let round = 0; round < 300; round++) {
        const image = make();
        for (let flips = 1 + (next() % 4); flips > 0; flips--)
          image[next() % image.length] = next() % 256;
        try {
          scrubImage(image);
        } catch (error) {
          expect(error).toBeInstanceOf(SuviazError);
        }
      }
    }
  });

  it('reads a hostile EXIF block (looping IFDs, huge counts, offsets past the end) safely', () => {
    const tiff = exifTiff();
    const view = new DataView(tiff.buffer);
    view.setUint32(8 + 2 + 5 * 12, 8, true); // IFD0's next IFD is IFD0 itself
    view.setUint32(8 + 2 + 3 * 12 + 8, 0xfffffff0, true); // Exif IFD pointer far past the end
    const found = exifFindings(tiff);
    expect(found.found.has('camera-make-model')).toBe(true);
    expect(found.found.has('camera-serial-number')).toBe(false);
    expect(exifFindings(Uint8Array.of(0x49, 0x49, 42, 0, 8, 0, 0, 0, 0xff, 0xff)).found).toEqual(
      new Set(['exif']),
    );
  });

  it('refuses an image over the size limit instead of sending it unscrubbed', () => {
    const huge = new Uint8Array(LIMITS.briefingAttachments.imageScrubMaxBytes + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe1]);
    expect(() => scrubImage(huge)).toThrow(/cannot be cleaned/);
    expect(() => scrubImage(huge)).toThrow(
      expect.objectContaining({ code: 'attachment-too-large' }),
    );
  });
});
