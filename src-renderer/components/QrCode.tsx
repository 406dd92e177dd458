// A QR code as plain SVG rectangles: dark on light whatever the theme, since scanners expect that,
// with the quiet zone they need around it.
import { useMemo } from 'react';
import { QR_QUIET_ZONE, qrDrawing } from '../lib/qr-modules';

interface QrCodeProps {
  text: string;
  /** What the code holds, for screen readers (they get the text itself elsewhere on screen). */
  label: string;
  testId?: string;
}

export function QrCode({ text, label, testId }: QrCodeProps) {
  const drawing = useMemo(() => qrDrawing(text), [text]);
  if (!drawing) return null;
  const side = drawing.size + 2 * QR_QUIET_ZONE;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      data-testid={testId}
      viewBox={`${-QR_QUIET_ZONE} ${-QR_QUIET_ZONE} ${side} ${side}`}
      shapeRendering="crispEdges"
    >
      <rect x={-QR_QUIET_ZONE} y={-QR_QUIET_ZONE} width={side} height={side} fill="#fff" />
      {drawing.runs.map((run) => (
        <rect
          key={`${run.y}-${run.x}`}
          x={run.x}
          y={run.y}
          width={run.width}
          height={1}
          fill="#000"
        />
      ))}
    </svg>
  );
}
