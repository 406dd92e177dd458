// Which store the relay's integration tests run on. Each relay suite runs on SQLite as it is; its
// twin "<suite>.postgres.test.ts" selects PostgreSQL and imports the suite, so the same tests run
// again on a PostgreSQL server shared by the file, with a fresh database per test.
import { afterAll } from 'vitest';
import { openPgStore } from '../../server/store/pg-store';
import { startPostgres, type PgInstance } from './pg-instance';

export type RelayStoreKind = 'sqlite' | 'postgres';

let selected: RelayStoreKind = 'sqlite';

/** Call before importing the suite: the relays it starts use this store. */
export function selectRelayStore(kind: RelayStoreKind): void {
  selected = kind;
}

export const selectedRelayStore = (): RelayStoreKind => selected;

const TEMPLATE = 'suviaz_template';
let server: Promise<PgInstance> | undefined;
let registered = false;

/**
 * Call while the file's tests are collected: the file's PostgreSQL server, started on first use
 * (with a migrated template database) and stopped after the file's last test.
 */
export function postgresPerFile(): () => Promise<PgInstance> {
  if (!registered) {
    registered = true;
    afterAll(async () => {
      const running = server;
      server = undefined;
      await (await running)?.stop();
    });
  }
  return () => {
    server ??= (async () => {
      const instance = await startPostgres();
      // Migrated once: a test's database is a copy of it, which is faster than migrating each.
      const store = await openPgStore({ url: await instance.createDatabase({ name: TEMPLATE }) });
      await store.close();
      return instance;
    })();
    return server;
  };
}

/** A fresh, migrated, empty database on the file's server: its URL. */
export async function freshPgDatabase(instance: PgInstance): Promise<string> {
  return instance.createDatabase({ template: TEMPLATE });
}

/**
 * Call while the file's tests are collected: for each test, the flags that put a relay process
 * (relay-process.ts) on the selected store: none for SQLite, a fresh database for PostgreSQL.
 */
export function relayProcessStore(): () => Promise<string[]> {
  if (selected === 'sqlite') return async () => [];
  const server = postgresPerFile();
  return async () => ['--store', await freshPgDatabase(await server())];
}
