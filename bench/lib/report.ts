// Result rows of every scenario (Suviaz next to its baseline, with the ratio and the target), the
// printed table and the JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Row {
  scenario: string;
  case: string;
  metric: string;
  unit: string;
  suviaz: number;
  /** null where there is no baseline figure (e.g. a figure only Suviaz has). */
  baseline: number | null;
  /** A target in words, e.g. "ratio ≤ 1.2" or "≤ 10 ms"; evaluated by `met`. */
  target?: string;
  met?: boolean;
  note?: string;
}

export const ratio = (row: Row): number | null =>
  row.baseline === null || row.baseline === 0 ? null : row.suviaz / row.baseline;

const fmt = (n: number | null): string => {
  if (n === null || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 1e6) return n.toExponential(2);
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

export function printTable(rows: readonly Row[]): void {
  const head = ['scenario', 'case', 'metric', 'unit', 'suviaz', 'baseline', 'ratio', 'target'];
  const body = rows.map((r) => [
    r.scenario,
    r.case,
    r.metric,
    r.unit,
    fmt(r.suviaz),
    fmt(r.baseline),
    fmt(ratio(r)),
    r.target ? `${r.target} ${r.met ? 'met' : 'MISSED'}` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i >= 4 && i <= 6 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ');
  process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const b of body) process.stdout.write(`${line(b)}\n`);
}

export function writeJson(file: string, content: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
