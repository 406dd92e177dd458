// Several relay processes over one PostgreSQL and one NATS, as docs/deploy.md sets them up: each
// process with its own data directory holding the same identity key, a TCP balancer in front.
// The PostgreSQL server is the test file's (relay-stores.ts); NATS and the relays are per test.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { IDENTITY_FILE } from '../../server/relay-identity';
import { startNats, type NatsInstance } from './nats-instance';
import type { PgInstance } from './pg-instance';
import { startRelayProcess, type RelayProcess } from './relay-process';
import { freshPgDatabase } from './relay-stores';
import { startBalancer, type TcpBalancer } from './tcp-balancer';

export interface RelayCluster {
  storeUrl: string;
  nats: NatsInstance;
  /** The running relay processes, in start order; a killed one stays in place until restarted. */
  relays: RelayProcess[];
  balancer: TcpBalancer;
  /** A client of the shared database, for checking what is stored. */
  db: pg.Client;
  /** Starts relay i again (after a kill) on its data directory. */
  restart(i: number): Promise<RelayProcess>;
  stop(): Promise<void>;
}

export async function startCluster(
  server: PgInstance,
  options: { relays?: number; args?: readonly string[] } = {},
): Promise<RelayCluster> {
  const storeUrl = await freshPgDatabase(server);
  const nats = await startNats();
  const dirs: string[] = [];
  const relays: RelayProcess[] = [];
  const args = (): string[] => ['--store', storeUrl, '--fanout', nats.url, ...(options.args ?? [])];
  const count = options.relays ?? 2;
  for (let i = 0; i < count; i++) {
    const dir = mkdtempSync(join(tmpdir(), `suviaz-relay${i}-`));
    // The first relay makes the identity key; the others get a copy, as the operator would.
    if (i > 0) copyFileSync(join(dirs[0] as string, IDENTITY_FILE), join(dir, IDENTITY_FILE));
    dirs.push(dir);
    relays.push(await startRelayProcess(dir, args()));
  }
  const live = (): number[] =>
    relays
      .filter((r) => r.child.exitCode === null && r.child.signalCode === null)
      .map((r) => r.port);
  const balancer = await startBalancer(live);
  const db = new pg.Client({ connectionString: storeUrl });
  await db.connect();
  return {
    storeUrl,
    nats,
    relays,
    balancer,
    db,
    async restart(i) {
      const relay = await startRelayProcess(dirs[i] as string, args());
      relays[i] = relay;
      return relay;
    },
    async stop() {
      await balancer.close();
      await Promise.all(relays.map((r) => r.stop('SIGKILL')));
      await db.end();
      await nats.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
