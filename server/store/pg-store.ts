// The store for several relay processes: one PostgreSQL database (--store postgres://…) shared by
// all of them. Opens the pool, runs the migrations, and puts the store together from its parts.
import { addressOf } from './pg-address';
import { runPgMigrations } from './pg-migrations';
import { openPgPool, type PgPoolOptions } from './pg-pool';
import { pgDocuments } from './pg-documents';
import { pgGroupKeys } from './pg-group-keys';
import { pgGroups } from './pg-groups';
import { pgMail } from './pg-mail';
import { pgShares } from './pg-shares';
import type { RelayStore } from './relay-store';
import { StoreProtocolError } from './sqlite-migrations';

export async function openPgStore(options: PgPoolOptions): Promise<RelayStore> {
  const pool = openPgPool(options);
  try {
    await runPgMigrations(pool);
  } catch (error) {
    await pool.end();
    if (error instanceof StoreProtocolError) {
      error.message = `the database ${addressOf(options.url)} holds protocol v${error.dataProtocol} data; use an empty database or run a relay of that protocol on it`;
    }
    throw error;
  }
  let closed = false;
  return {
    shared: true,
    async ping() {
      await pool.query('SELECT 1');
    },
    ...pgGroups(pool),
    ...pgGroupKeys(pool),
    ...pgShares(pool),
    ...pgMail(pool),
    ...pgDocuments(pool),
    async close() {
      if (closed) return;
      closed = true;
      // Waits for checked-out connections: commits in flight finish first.
      await pool.end();
    },
  };
}
