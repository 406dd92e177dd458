// A throwaway PostgreSQL server for tests: initdb in a temp dir, postgres on a free loopback port,
// trust authentication, stopped and removed by stop(). PostgreSQL refuses to run as root, so as
// root (CI) it runs as the postgres user Debian's package creates, or as nobody.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

export interface PgInstance {
  /** The server's data directory: what it writes to disk, for scans of stored bytes. */
  dataDir: string;
  port: number;
  /** postgres:// URL of a database on this server. */
  url(database: string): string;
  /** A new database (a copy of `template`, else empty), named `name` or a fresh name; its URL. */
  createDatabase(options?: { name?: string; template?: string }): Promise<string>;
  stop(): Promise<void>;
}

/** Where Debian puts the server binaries (newest version), or $SUVIAZ_PG_BIN. */
export function postgresBinDir(): string | null {
  const fromEnv = process.env.SUVIAZ_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'postgres')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export const postgresAvailable = (): boolean => postgresBinDir() !== null;

/** uid and gid to run as: ours, unless we are root. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const fields = passwd.find((line) => line.startsWith(`${name}:`))?.split(':');
    if (fields?.[2] && fields[3]) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error('running as root, and there is neither a postgres nor a nobody user');
}

let databases = 0;

/** durable: fsync on, as a real server (the benchmark's commit latency); tests skip the fsync. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PgInstance> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-pg-'));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, 'data');
  const ids = user ?? {};
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'suviaz', '--auth=trust', '--no-sync', '-E', 'UTF8'],
    { ...ids, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  // fsync off: a test server need not survive power loss; commits still wait for their WAL write.
  const fsync = options.durable ? 'on' : 'off';
  const child: ChildProcess = spawn(
    join(bin, 'postgres'),
    [
      ...['-D', dataDir, '-p', String(port), '-k', dir],
      ...['-c', 'listen_addresses=127.0.0.1', '-c', `fsync=${fsync}`, '-c', 'max_connections=200'],
    ],
    { ...ids, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = (database: string): string => `postgres://suviaz@127.0.0.1:${port}/${database}`;

  const admin = new pg.Client({ connectionString: url('postgres') });
  for (let attempt = 0; ; attempt++) {
    try {
      const probe = new pg.Client({ connectionString: url('postgres') });
      await probe.connect();
      await probe.end();
      break;
    } catch (error) {
      if (attempt > 200 || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`postgres did not start:\n${output}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await admin.connect();

  return {
    dataDir,
    port,
    url,
    async createDatabase(options = {}) {
      const name = options.name ?? `t${process.pid}_${++databases}`;
      const template = options.template ? ` TEMPLATE ${options.template}` : '';
      await admin.query(`CREATE DATABASE ${name}${template}`);
      return url(name);
    },
    async stop() {
      await admin.end().catch(() => undefined);
      // SIGINT is the fast shutdown: open connections are cut, nothing waits for them.
      child.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
