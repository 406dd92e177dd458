// Result rows of every scenario (Suviaz next to its baseline and the real peers, with the ratios and
// the target), the printed table and the JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Peer } from '../peers/peer-client';

export interface Row {
  scenario: string;
  case: string;
  metric: string;
  unit: string;
  suviaz: number;
  /**
   * The figure the target is stated against: y-websocket's where the row has peers, otherwise the
   * scenario's own baseline (plain Yjs, plain SQLite, ical.js). null where there is none.
   */
  baseline: number | null;
  /** The real peers' figures for the same case, where the scenario runs them. */
  peers?: Partial<Record<Peer, number | null>>;
  /** A target in words, e.g. "ratio ≤ 1.2" or "≤ 10 ms"; evaluated by `met`. */
  target?: string;
  met?: boolean;
  note?: string;
}

const over = (suviaz: number, other: number | null | undefined): number | null =>
  other === null || other === undefined || other === 0 ? null : suviaz / other;

export const ratio = (row: Row): number | null => over(row.suviaz, row.baseline);

/** Suviaz / each comparison: every peer the row has, else its own baseline. */
export function ratios(row: Row): Record<string, number | null> {
  if (!row.peers) return { baseline: ratio(row) };
  return Object.fromEntries(
    Object.entries(row.peers).map(([peer, value]) => [peer, over(row.suviaz, value)]),
  );
}

/** A row whose comparisons are the peers, the target against y-websocket's figure. */
export function peerRow(
  base: Omit<Row, 'baseline' | 'peers' | 'suviaz'>,
  suviaz: number,
  peers: Partial<Record<Peer, number | null>>,
): Row {
  return { ...base, suviaz, baseline: peers['y-websocket'] ?? null, peers };
}

const fmt = (n: number | null): string => {
  if (n === null || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 1e6) return n.toExponential(2);
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

export function printTable(rows: readonly Row[]): void {
  // "y-ws/base": y-websocket's figure where the row has peers, else the scenario's own baseline.
  const head = [
    ...['scenario', 'case', 'metric', 'unit', 'suviaz', 'y-ws/base', 'ratio'],
    ...['hocuspocus', 'ratio', 'target'],
  ];
  const body = rows.map((r) => [
    r.scenario,
    r.case,
    r.metric,
    r.unit,
    fmt(r.suviaz),
    fmt(r.baseline),
    fmt(ratio(r)),
    fmt(r.peers?.hocuspocus ?? null),
    fmt(over(r.suviaz, r.peers?.hocuspocus)),
    r.target ? `${r.target} ${r.met ? 'met' : 'MISSED'}` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i >= 4 && i <= 8 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ');
  process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const b of body) process.stdout.write(`${line(b)}\n`);
}

export function writeJson(file: string, content: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
