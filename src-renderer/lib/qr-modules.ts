// Turns text into the dark modules of a QR code as SVG rectangles. The code is drawn as real SVG
// elements rather than a data: URL or injected markup, so the renderer's CSP and React's escaping
// stay as strict as they are.
import { create } from 'qrcode';

/** One horizontal run of dark modules in a row, in module units. */
export interface QrRun {
  x: number;
  y: number;
  width: number;
}

export interface QrDrawing {
  /** Modules per side, without the quiet zone. */
  size: number;
  runs: QrRun[];
}

/** The light border scanners need around the code, in modules (the QR standard asks for 4). */
export const QR_QUIET_ZONE = 4;

/**
 * The dark modules of a square matrix (row-major, non-zero = dark), merged into horizontal runs:
 * a link's code has a few thousand modules, and one rectangle per run keeps the SVG small.
 */
export function moduleRuns(size: number, modules: ArrayLike<number>): QrRun[] {
  const runs: QrRun[] = [];
  for (let y = 0; y < size; y++) {
    let start = -1;
    for (let x = 0; x <= size; x++) {
      const dark = x < size && modules[y * size + x] !== 0;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push({ x: start, y, width: x - start });
        start = -1;
      }
    }
  }
  return runs;
}

/** The QR code of a text, or null when it does not fit in one (far longer than any invite link). */
export function qrDrawing(text: string): QrDrawing | null {
  try {
    // Level M survives a smudged screen or a slightly blurred photo and keeps links readable.
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    return { size: modules.size, runs: moduleRuns(modules.size, modules.data) };
  } catch {
    return null;
  }
}
