// Relays as child processes (so each has its own core and its memory and CPU can be read from
// /proc): the Suviaz relay exactly as an operator starts it, and the peers (bench/peers/): the
// reference y-websocket server and Hocuspocus with SQLite persistence.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relayNodeFlags } from '../../tests/support/relay-node-flags';

export type RelayKind = 'suviaz' | 'y-websocket' | 'hocuspocus';

const SCRIPTS: Record<RelayKind, string> = {
  suviaz: 'server/main.ts',
  'y-websocket': 'bench/peers/y-websocket-main.ts',
  hocuspocus: 'bench/peers/hocuspocus-main.ts',
};

export interface RelayChild {
  kind: RelayKind;
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident set size now, bytes. */
  rss(): number;
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number;
  /** Seconds spent runnable but waiting for a CPU so far (/proc/<pid>/schedstat). */
  waitSeconds(): number;
  stop(): Promise<void>;
}

const CLK_TCK = 100;

/** The Suviaz relay serves /metrics only to the bearer of its token: one per bench run. */
const METRICS_TOKEN = randomBytes(24).toString('hex');

/** A Suviaz relay child's /metrics text. */
export async function relayMetricsText(relay: RelayChild): Promise<string> {
  const response = await fetch(`${relay.url.replace(/^ws/, 'http')}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  if (!response.ok) throw new Error(`${relay.kind} /metrics answered ${response.status}`);
  return response.text();
}

function readRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

function readCpu(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Time runnable but not running, seconds: the second field of schedstat (ns). 'self' for us. */
export function readRunQueueWait(pid: number | 'self'): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return Number.NaN; // no schedstat (kernel without CONFIG_SCHEDSTATS)
  }
}

export async function startRelayChild(
  kind: RelayKind,
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<RelayChild> {
  // SUVIAZ_BENCH_PROFILE=DIR: each server writes a V8 CPU profile there when it stops
  // (bench/tools/profile-summary.ts reads it).
  const profileDir = process.env.SUVIAZ_BENCH_PROFILE;
  const profile = profileDir
    ? [
        '--cpu-prof',
        '--cpu-prof-dir',
        profileDir,
        '--cpu-prof-name',
        `${kind}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...(kind === 'suviaz' ? relayNodeFlags() : []),
      ...profile,
      '--import',
      'tsx',
      SCRIPTS[kind],
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...(kind === 'suviaz' ? ['--metrics-token', METRICS_TOKEN] : []),
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${kind} relay did not start:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer): void => {
      if (output.length < 100_000) output += chunk.toString();
      const match = /listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      // The relay logs a line per connection: keep only the start, so memory stays flat.
      if (output.length < 100_000) output += chunk.toString();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${kind} relay exited:\n${output}`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('no pid');
  return {
    kind,
    url,
    pid,
    child,
    rss: () => readRss(pid),
    cpuSeconds: () => readCpu(pid),
    waitSeconds: () => readRunQueueWait(pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
