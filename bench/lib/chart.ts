// Charts of a run as SVG, drawn by vega-lite (compiled to a vega view rendered headless, no canvas):
// the ratios Suviaz / each comparison per scenario, and the soak's p99 and RSS over time. The specs
// are built by pure functions (unit-tested); rendering is one call.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ratios, type Row } from './report';

export interface RatioDatum {
  /** scenario · case: one panel of the chart */
  group: string;
  /** the metric, saying when higher is better */
  metric: string;
  /** 'y-websocket', 'hocuspocus' or the scenario's own 'baseline'. */
  against: string;
  ratio: number;
  /** Lower is better except for throughputs, which say so in their label. */
  better: 'lower' | 'higher';
}

const LABEL_MAX = 70;
/** Figures that describe the run rather than compare it: counts of samples, the machine's load. */
const NOT_COMPARED = new Set(['count']);
const DESCRIBES_THE_RUN = /waiting for a CPU|load generator/;
const COMPARISONS = ['y-websocket', 'hocuspocus', 'baseline'];
const COLOURS = ['#e4572e', '#4c78a8', '#9d9d9d'];

const cut = (text: string): string =>
  text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;

export function ratioData(rows: readonly Row[]): RatioDatum[] {
  const data: RatioDatum[] = [];
  for (const row of rows) {
    if (NOT_COMPARED.has(row.unit) || DESCRIBES_THE_RUN.test(row.metric)) continue;
    const better = /per second|per relay CPU|msg\/s|\/s$/.test(`${row.metric} ${row.unit}`)
      ? 'higher'
      : 'lower';
    const group = cut(`${row.scenario} · ${row.case}`);
    const metric = cut(`${row.metric}${better === 'higher' ? ' (higher is better)' : ''}`);
    for (const [against, ratio] of Object.entries(ratios(row))) {
      if (ratio !== null && Number.isFinite(ratio) && ratio > 0)
        data.push({ group, metric, against, ratio, better });
    }
  }
  return data;
}

/** One panel per scenario and case, a bar per metric and comparison, growing from 1 (equal). */
export function ratioChartSpec(rows: readonly Row[], title: string): TopLevelSpec {
  const data = ratioData(rows);
  const groups = [...new Set(data.map((d) => d.group))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      subtitle:
        'Suviaz ÷ comparison, log scale; 1 = equal; lower is better unless the label says otherwise',
    },
    data: { values: data },
    facet: {
      row: {
        field: 'group',
        sort: groups,
        title: null,
        header: {
          labelAngle: 0,
          labelOrient: 'top',
          labelAnchor: 'start',
          labelFontWeight: 'bold',
        },
      },
    },
    spec: {
      width: 420,
      height: { step: 11 },
      layer: [
        {
          mark: { type: 'bar', orient: 'horizontal' },
          encoding: {
            y: { field: 'metric', type: 'nominal', sort: null, title: null },
            yOffset: { field: 'against', type: 'nominal', sort: COMPARISONS },
            x: {
              field: 'ratio',
              type: 'quantitative',
              scale: { type: 'log', domain: [0.01, 1000] },
              title: 'ratio',
            },
            // A log scale has no zero to start from.
            x2: { datum: 1 },
            color: {
              field: 'against',
              type: 'nominal',
              title: 'against',
              scale: { domain: COMPARISONS, range: COLOURS },
            },
          },
        },
        { mark: { type: 'rule', color: 'black' }, encoding: { x: { datum: 1 } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    // Headless vega estimates text widths (no canvas) and would cut labels early: no limit.
    config: { axisY: { labelLimit: 0 }, legend: { orient: 'top' } },
  };
}

export interface SoakDatum {
  server: string;
  /** Minutes since the load started, at the window's end. */
  minute: number;
  p99: number;
  rssMiB: number;
}

export function soakChartSpec(data: readonly SoakDatum[], title: string): TopLevelSpec {
  const panel = (field: 'p99' | 'rssMiB', axis: string) => ({
    width: 420,
    height: 180,
    mark: { type: 'line' as const, point: true },
    encoding: {
      x: { field: 'minute', type: 'quantitative' as const, title: 'minutes under load' },
      y: { field, type: 'quantitative' as const, title: axis },
      color: { field: 'server', type: 'nominal' as const },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: { values: [...data] },
    vconcat: [panel('p99', 'fan-out p99 per 30-s window (ms)'), panel('rssMiB', 'RSS (MiB)')],
  };
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
