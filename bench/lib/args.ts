// Command-line options of `npm run bench`: which scenarios, what size, where the JSON goes.
import { parseArgs } from 'node:util';

export const SCENARIOS = [
  'replay',
  'concurrent',
  'cold-open',
  'relay-load',
  'vault',
  'catch-up',
  'verify',
  'calendar-views',
  'calendar-ics',
  'panic-wipe',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export type Size = 'small' | 'default' | 'full';

export interface BenchOptions {
  scenarios: ScenarioName[];
  size: Size;
  out: string;
}

export const USAGE = `Usage: npm run bench -- [--scenario ${SCENARIOS.join('|')}[,…]] [--size small|default|full] [--out FILE]
  --scenario  one or more scenarios, comma-separated (default: all)
  --size      small: seconds, for development; default: the documented run (~15 min on 2 cores);
              full: larger loads and longer windows
  --out       JSON results file (default bench/results/latest.json)`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scenario: { type: 'string', multiple: true },
      size: { type: 'string', default: 'default' },
      out: { type: 'string', default: 'bench/results/latest.json' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return null;
  const size = values.size;
  if (size !== 'small' && size !== 'default' && size !== 'full') {
    throw new Error(`--size must be small, default or full\n${USAGE}`);
  }
  const asked = (values.scenario ?? []).flatMap((s) => s.split(',')).filter(Boolean);
  for (const name of asked) {
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      throw new Error(`unknown scenario ${name}\n${USAGE}`);
    }
  }
  const scenarios = asked.length === 0 ? [...SCENARIOS] : (asked as ScenarioName[]);
  return { scenarios, size, out: values.out };
}
