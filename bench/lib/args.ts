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
  'human-rate',
  'briefings',
] as const;
/** Scenarios run only when asked for by name. */
export const ON_REQUEST = ['soak', 'relay-cluster'] as const;
export type ScenarioName = (typeof SCENARIOS)[number] | (typeof ON_REQUEST)[number];
const KNOWN: readonly string[] = [...SCENARIOS, ...ON_REQUEST];
export type Size = 'small' | 'default' | 'full';

export interface BenchOptions {
  scenarios: ScenarioName[];
  size: Size;
  out: string;
  /** How long the soak runs against each server. */
  minutes: number;
  /** soak: which servers, in this order (default Suviaz and every peer). */
  servers: ServerName[];
}

export const SERVERS = ['suviaz', 'y-websocket', 'hocuspocus'] as const;
export type ServerName = (typeof SERVERS)[number];

export const USAGE = `Usage: npm run bench -- [--scenario ${KNOWN.join('|')}[,…]] [--size small|default|full] [--out FILE] [--minutes N]
  --scenario  one or more scenarios, comma-separated (default: all but ${ON_REQUEST.join(', ')})
  --size      small: seconds, for development; default: the documented run (~15 min on 2 cores);
              full: larger loads and longer windows
  --out       JSON results file (default bench/results/latest.json); the charts go beside it (.svg)
  --minutes   soak: minutes under load for each server (default 10)
  --servers   soak: ${SERVERS.join(',')} or some of them (default all)`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scenario: { type: 'string', multiple: true },
      size: { type: 'string', default: 'default' },
      out: { type: 'string', default: 'bench/results/latest.json' },
      minutes: { type: 'string', default: '10' },
      servers: { type: 'string', default: SERVERS.join(',') },
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
    if (!KNOWN.includes(name)) {
      throw new Error(`unknown scenario ${name}\n${USAGE}`);
    }
  }
  const scenarios = asked.length === 0 ? [...SCENARIOS] : (asked as ScenarioName[]);
  const minutes = Number(values.minutes);
  if (!(minutes > 0)) throw new Error(`--minutes must be a positive number\n${USAGE}`);
  const servers = values.servers.split(',').filter(Boolean);
  for (const server of servers) {
    if (!(SERVERS as readonly string[]).includes(server))
      throw new Error(`unknown server ${server}\n${USAGE}`);
  }
  return { scenarios, size, out: values.out, minutes, servers: servers as ServerName[] };
}
