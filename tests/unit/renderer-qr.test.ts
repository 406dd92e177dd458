import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQr, scanSize, type Pixels } from '../../src-renderer/lib/qr-decode';
import {
  moduleRuns,
  qrDrawing,
  QR_QUIET_ZONE,
  type QrDrawing,
} from '../../src-renderer/lib/qr-modules';

const LINK =
  'suviaz://join#AXd3c3M6Ly9yZWxheS5leGFtcGxlLm9yZy5hYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk';

/** Paints a drawing the way the SVG shows it: light quiet zone, dark runs, `scale` pixels a module. */
function paint(drawing: QrDrawing, scale: number, dark = 0, light = 255): Pixels {
  const side = (drawing.size + 2 * QR_QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(light);
  for (const run of drawing.runs) {
    for (let y = 0; y < scale; y++) {
      for (let x = 0; x < run.width * scale; x++) {
        const px = (run.x + QR_QUIET_ZONE) * scale + x;
        const py = (run.y + QR_QUIET_ZONE) * scale + y;
        const at = (py * side + px) * 4;
        data[at] = data[at + 1] = data[at + 2] = dark;
      }
    }
  }
  return { data, width: side, height: side };
}

describe('QR module runs', () => {
  it('merges neighbouring dark modules of a row and ends runs at the row edge', () => {
    // prettier-ignore
    const modules = [
      1, 1, 0,
      0, 1, 1,
      1, 0, 1,
    ];
    expect(moduleRuns(3, modules)).toEqual([
      { x: 0, y: 0, width: 2 },
      { x: 1, y: 1, width: 2 },
      { x: 0, y: 2, width: 1 },
      { x: 2, y: 2, width: 1 },
    ]);
    expect(moduleRuns(2, [0, 0, 0, 0])).toEqual([]);
  });

  it('covers exactly the dark modules of the code', () => {
    const { modules } = create(LINK, { errorCorrectionLevel: 'M' });
    const drawing = qrDrawing(LINK);
    expect(drawing?.size).toBe(modules.size);
    const covered = new Set<number>();
    for (const run of drawing?.runs ?? []) {
      for (let x = run.x; x < run.x + run.width; x++) covered.add(run.y * modules.size + x);
    }
    const dark = [...modules.data.keys()].filter((i) => modules.data[i] !== 0);
    expect([...covered].sort((a, b) => a - b)).toEqual(dark);
  });

  it('refuses text too long for any QR code instead of throwing', () => {
    expect(qrDrawing('x'.repeat(10_000))).toBeNull();
  });
});

describe('QR image decoding', () => {
  it('reads back the link from the drawing the invite dialog shows', () => {
    const drawing = qrDrawing(LINK);
    if (!drawing) throw new Error('no drawing');
    expect(decodeQr(paint(drawing, 4))).toBe(LINK);
  });

  it('reads a light-on-dark code, as in a dark-theme screenshot', () => {
    const drawing = qrDrawing(LINK);
    if (!drawing) throw new Error('no drawing');
    expect(decodeQr(paint(drawing, 4, 255, 0))).toBe(LINK);
  });

  it('says null when the picture holds no code', () => {
    const blank = { data: new Uint8ClampedArray(120 * 80 * 4).fill(255), width: 120, height: 80 };
    expect(decodeQr(blank)).toBeNull();
  });

  it('scales large pictures down to the scan size, keeping the aspect, never up', () => {
    expect(scanSize(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(scanSize(900, 1800, 1600)).toEqual({ width: 800, height: 1600 });
    expect(scanSize(300, 200, 1600)).toEqual({ width: 300, height: 200 });
  });
});
