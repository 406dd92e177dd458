// `node scripts/make-icons.mjs` (Node 24): writes the icons of src-shared/disguise-icons.ts as SVG
// and 256 px PNG into src-renderer/public/icons. PNG is encoded here (zlib, CRC-32) so that no image
// library is needed; shapes are anti-aliased by 4×4 supersampling. Run again after changing a shape.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ICON_GRID, ICONS, iconSvg } from '../src-shared/disguise-icons.ts';

const SIZE = 256;
const SAMPLES = 4;
const OUT = join(import.meta.dirname, '..', 'src-renderer', 'public', 'icons');

function inside(shape, x, y) {
  if (shape.kind === 'circle') return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
  const { x: left, y: top, w, h, r } = shape;
  if (x < left || x > left + w || y < top || y > top + h) return false;
  // Distance into the nearest corner's circle, for the rounded corners.
  const dx = Math.max(left + r - x, 0, x - (left + w - r));
  const dy = Math.max(top + r - y, 0, y - (top + h - r));
  return dx * dx + dy * dy <= r * r;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** RGBA pixels: each sample takes the colour of the topmost shape under it. */
function rasterize(shapes) {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  const scale = ICON_GRID / SIZE;
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          const top = shapes.findLast((shape) => inside(shape, x, y));
          if (!top) continue;
          const [r, g, b] = rgb(top.fill);
          sum[0] += r;
          sum[1] += g;
          sum[2] += b;
          sum[3] += 1;
        }
      }
      const at = (py * SIZE + px) * 4;
      const n = SAMPLES * SAMPLES;
      // Colour averaged over the covered samples only (straight alpha), coverage as alpha.
      for (let c = 0; c < 3; c++) pixels[at + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[at + 3] = Math.round((sum[3] / n) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, no interlace
  // Each row starts with filter type 0 (none).
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [disguise, shapes] of Object.entries(ICONS)) {
  const name = disguise === 'none' ? 'app' : disguise;
  writeFileSync(join(OUT, `${name}.svg`), iconSvg(disguise));
  writeFileSync(join(OUT, `${name}.png`), png(rasterize(shapes)));
  console.log(`wrote ${name}.svg and ${name}.png`);
}
