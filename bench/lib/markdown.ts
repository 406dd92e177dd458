// The run's rows as the Markdown tables of docs/performance.md, one per scenario: the documented
// figures come from the JSON of a real run, not typed in. Pure, for bench/tools/markdown-tables.ts.
import { ratio, ratios, type Row } from './report';

const grouped = (n: number, digits: number): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Three significant figures, thousands grouped: 11,552 / 15.1 / 0.45. */
export function number(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 100) return grouped(n, 0);
  if (abs >= 10) return grouped(n, 1);
  return grouped(n, 2);
}

/** A figure with its unit as a reader expects it: bytes as MB, shares as %, counts bare. */
export function withUnit(n: number | null | undefined, unit: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (unit === 'B') return `${number(n / 1e6)} MB`;
  if (unit === '%') return `${number(n)} %`;
  if (['count', 'msg/s', 'msg/cpu-s', 'cores', 'verifications/s'].includes(unit)) return number(n);
  return `${number(n)} ${unit}`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function targetCell(row: Row): string {
  if (!row.target) return '';
  return `${row.target}: ${row.met ? 'met' : '**missed**'}`;
}

/** One scenario's rows: with the peers' columns where the rows have peers, else the baseline's. */
export function scenarioTable(rows: readonly Row[]): string {
  const withPeers = rows.some((r) => r.peers);
  const head = withPeers
    ? ['case', 'metric', 'Suviaz', 'y-websocket', 'ratio', 'Hocuspocus', 'ratio', 'target']
    : ['case', 'metric', 'Suviaz', 'baseline', 'ratio', 'target'];
  const align = head.map((h) => (['case', 'metric', 'target'].includes(h) ? '---' : '--:'));
  let previousCase = '';
  const body = rows.map((r) => {
    const caseText = r.case === previousCase ? '' : r.case;
    previousCase = r.case;
    const hocuspocus = r.peers?.hocuspocus ?? null;
    // A row of its own baseline among the peers' rows (cold open's plain Yjs) says so.
    const yws = r.peers
      ? withUnit(r.peers['y-websocket'], r.unit)
      : `${withUnit(r.baseline, r.unit)} (baseline)`;
    const cells = withPeers
      ? [
          withUnit(r.suviaz, r.unit),
          yws,
          number(ratio(r)),
          withUnit(hocuspocus, r.unit),
          number(ratios(r).hocuspocus ?? null),
        ]
      : [withUnit(r.suviaz, r.unit), withUnit(r.baseline, r.unit), number(ratio(r))];
    return [caseText, r.metric, ...cells, targetCell(r)].map(cell);
  });
  return [head, align, ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Every scenario of the run, in the order it ran, each under a `###` heading. */
export function runTables(rows: readonly Row[]): string {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  return scenarios
    .map((s) => `### ${s}\n\n${scenarioTable(rows.filter((r) => r.scenario === s))}\n`)
    .join('\n');
}
