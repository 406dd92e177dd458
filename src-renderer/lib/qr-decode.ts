// Reads the text of a QR code from pixels. Pure: the caller turns an image file into pixels (see
// spaces/read-qr-image.ts), so this part can be tested without a browser.
import jsQR from 'jsqr';

/** RGBA pixels, as in ImageData; a plain object will do. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The text of the QR code in the picture, or null when there is none that can be read. */
export function decodeQr(pixels: Pixels): string | null {
  // Both polarities: a screenshot of the code in a dark theme is light-on-dark.
  const found = jsQR(pixels.data, pixels.width, pixels.height, {
    inversionAttempts: 'attemptBoth',
  });
  const text = found?.data.trim() ?? '';
  return text === '' ? null : text;
}

/**
 * The size to scan a picture at: phone photos are several thousand pixels wide, which makes the
 * decoder slow without helping it; a code that fills a fraction of the frame is still plenty big.
 */
export function scanSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
