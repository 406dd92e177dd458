// Relays as child processes (so each has its own core and its memory and CPU can be read from
// /proc): the Suviaz relay exactly as an operator starts it, and the plaintext y-websocket relay.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface RelayChild {
  kind: 'suviaz' | 'plain';
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident set size now, bytes. */
  rss(): number;
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const CLK_TCK = 100;

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

export async function startRelayChild(
  kind: 'suviaz' | 'plain',
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<RelayChild> {
  const script = kind === 'suviaz' ? 'server/main.ts' : 'bench/plain/relay-main.ts';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, '--port', '0', '--data-dir', dataDir, ...extraArgs],
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
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
