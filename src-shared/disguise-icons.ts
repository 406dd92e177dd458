// The app's icons, drawn here from rounded rectangles and circles (no third-party art): one for the
// app itself and one per disguise. scripts/make-icons.mjs writes them as SVG (favicon) and PNG
// (Electron windows cannot use SVG) into src-renderer/public/icons.
import type { Disguise } from './disguise';

/** A rounded rectangle (r: corner radius) or a circle, on a 64×64 grid. */
export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r: number; fill: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string };

export const ICON_GRID = 64;

const rect = (x: number, y: number, w: number, h: number, r: number, fill: string): Shape => ({
  kind: 'rect',
  x,
  y,
  w,
  h,
  r,
  fill,
});
const circle = (cx: number, cy: number, r: number, fill: string): Shape => ({
  kind: 'circle',
  cx,
  cy,
  r,
  fill,
});

const tile = (fill: string): Shape => rect(2, 2, 60, 60, 14, fill);

/** Calculator keys: a 4×3 grid under the display. */
const keys: Shape[] = [0, 1, 2, 3].flatMap((row) =>
  [0, 1, 2].map((col) =>
    rect(13 + col * 14, 28 + row * 7.5, 10, 5, 1.5, col === 2 && row === 3 ? '#f59e0b' : '#e5e7eb'),
  ),
);

export const ICONS: Readonly<Record<Disguise, readonly Shape[]>> = {
  // The app's own: a keyhole on deep green.
  none: [tile('#1f5f5b'), circle(32, 26, 9, '#f7f7f5'), rect(28, 28, 8, 20, 2, '#f7f7f5')],
  // A note pad: yellow paper, ruled lines.
  notes: [
    tile('#fbbf24'),
    rect(12, 12, 40, 40, 4, '#fffbeb'),
    rect(17, 21, 30, 3, 1.5, '#d97706'),
    rect(17, 30, 30, 3, 1.5, '#d97706'),
    rect(17, 39, 20, 3, 1.5, '#d97706'),
  ],
  // A calculator: display and keys on dark grey.
  calculator: [tile('#374151'), rect(12, 10, 40, 13, 3, '#d1fae5'), ...keys],
  // The weather: a sun behind a cloud, on sky blue.
  weather: [
    tile('#38bdf8'),
    circle(24, 24, 11, '#fde047'),
    circle(30, 38, 9, '#ffffff'),
    circle(41, 34, 11, '#ffffff'),
    rect(16, 38, 38, 11, 5.5, '#ffffff'),
  ],
};

/** The icon as an SVG document. */
export function iconSvg(disguise: Disguise): string {
  const body = ICONS[disguise]
    .map((shape) =>
      shape.kind === 'rect'
        ? `<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}" rx="${shape.r}" fill="${shape.fill}"/>`
        : `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${shape.fill}"/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ICON_GRID} ${ICON_GRID}">${body}</svg>\n`;
}
