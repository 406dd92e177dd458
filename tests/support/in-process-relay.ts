// The relay in this process for one test at a time: started on port 0 over a fresh data directory,
// with every client the test opens; after each test the clients and the relay are closed and the
// directory removed. For the relay tests that speak its protocol over real sockets. On the store
// relay-stores.ts selects: SQLite in the data directory, or a fresh PostgreSQL database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startRelay, type RunningRelay } from '../../server/relay';
import type { RelayLimits } from '../../server/relay-limits';
import { openPgStore } from '../../server/store/pg-store';
import type { RelayStore } from '../../server/store/relay-store';
import { openSqliteStore } from '../../server/store/sqlite-store';
import type { PgInstance } from './pg-instance';
import { freshPgDatabase, postgresPerFile, selectedRelayStore } from './relay-stores';
import { RelayTestClient, type TestDevice } from './relay-test-client';

/** The metrics token every in-process relay is started with, unless a test says otherwise. */
export const TEST_METRICS_TOKEN = 'in-process-relay-metrics-token';

export class InProcessRelay {
  private running: RunningRelay | undefined;
  private directory = '';
  private readonly clients: RelayTestClient[] = [];
  /** On PostgreSQL: the file's server. */
  private postgres: (() => Promise<PgInstance>) | null = null;
  private pgDataDir = '';

  /** A relay the calling test file starts per test; cleaned up after each one. */
  static perTest(): InProcessRelay {
    const relay = new InProcessRelay();
    if (selectedRelayStore() === 'postgres') relay.postgres = postgresPerFile();
    afterEach(() => relay.stop());
    return relay;
  }

  /** Where the stored bytes end up on disk: the data directory, or the PostgreSQL server's. */
  get storageDir(): string {
    return this.postgres ? this.pgDataDir : this.directory;
  }

  get url(): string {
    return this.running?.url ?? '';
  }

  get port(): number | undefined {
    return this.running?.port;
  }

  get dataDir(): string {
    return this.directory;
  }

  start = async (
    limits: Partial<RelayLimits> = {},
    options: {
      port?: number;
      publicHosts?: string[];
      dataDir?: string;
      /** To watch or change what the relay asks of its store. */
      wrapStore?: (store: RelayStore) => RelayStore;
      /** null: /metrics off, as on a relay started without --metrics-token. */
      metricsToken?: string | null;
    } = {},
  ): Promise<RunningRelay> => {
    this.directory = options.dataDir ?? mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    let store: RelayStore | undefined;
    if (this.postgres) {
      const server = await this.postgres();
      this.pgDataDir = server.dataDir;
      store = await openPgStore({ url: await freshPgDatabase(server), max: 4 });
    } else if (options.wrapStore) {
      store = openSqliteStore(this.directory);
    }
    if (store && options.wrapStore) store = options.wrapStore(store);
    this.running = await startRelay({
      ...(store ? { store } : {}),
      port: options.port ?? 0,
      dataDir: this.directory,
      limits,
      publicHosts: options.publicHosts,
      ...(options.metricsToken === null
        ? {}
        : { metricsToken: options.metricsToken ?? TEST_METRICS_TOKEN }),
      log: () => undefined,
    });
    return this.running;
  };

  /** A client authenticated as the device (a fresh one if none is given). */
  connect = async (device?: TestDevice): Promise<RelayTestClient> => {
    if (!this.running) throw new Error('start the relay first');
    return this.closeAfterTest(await RelayTestClient.connect(this.running.url, device));
  };

  /** A client the test connected itself, to close with the others. */
  closeAfterTest(client: RelayTestClient): RelayTestClient {
    this.clients.push(client);
    return client;
  }

  private async stop(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.close()));
    await this.running?.close();
    this.running = undefined;
    rmSync(this.directory, { recursive: true, force: true });
  }
}
