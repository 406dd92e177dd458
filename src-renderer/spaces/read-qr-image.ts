// Reads an invite link from a picture of its QR code, entirely in the renderer: the file is decoded by
// the browser (createImageBitmap), drawn on a canvas that is never attached, and scanned in memory.
// Nothing is loaded by URL, so the CSP needs no change and the picture goes nowhere.
import { decodeQr, scanSize } from '../lib/qr-decode';

/** Large enough for a code that fills a tenth of a phone photo, small enough to scan quickly. */
const MAX_SCAN_SIDE = 1600;

export type QrImageResult =
  { kind: 'found'; text: string } | { kind: 'no-code' } | { kind: 'not-an-image' };

export async function readQrImage(file: Blob): Promise<QrImageResult> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { kind: 'not-an-image' };
  }
  try {
    const { width, height } = scanSize(bitmap.width, bitmap.height, MAX_SCAN_SIDE);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return { kind: 'no-code' };
    // Transparent pixels (a PNG code on no background) read as black; paint white under them.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    const text = decodeQr(context.getImageData(0, 0, width, height));
    return text === null ? { kind: 'no-code' } : { kind: 'found', text };
  } finally {
    bitmap.close();
  }
}
