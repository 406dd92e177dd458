// The PostgreSQL connection pool of the relay's store, and the transaction every write runs in:
// committed (synchronous_commit on, whatever the server's default) before its promise resolves,
// retried when PostgreSQL aborted it for a serialization failure or a deadlock with another writer.
import pg from 'pg';

export interface PgPoolOptions {
  /** postgres://user:password@host:port/database (libpq-style parameters such as sslmode too). */
  url: string;
  /** Connections this process opens at most; every relay process has its own pool. */
  max?: number;
  /** Longest wait for a free connection, and longest statement, before an error. */
  timeoutMs?: number;
}

export type Queryable = Pick<pg.PoolClient, 'query'>;

const DEFAULT_MAX = 10;
const DEFAULT_TIMEOUT_MS = 10_000;
/** Aborted by PostgreSQL for another transaction's sake: the same transaction again may succeed. */
const RETRYABLE = new Set(['40001', '40P01']);
const TX_ATTEMPTS = 5;

/**
 * Counters and ids are bigint columns; every value the relay stores stays below 2^53, so they come
 * back as numbers rather than the strings pg gives by default. numeric is what sum() returns.
 */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export function openPgPool(options: PgPoolOptions): pg.Pool {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? DEFAULT_MAX,
    connectionTimeoutMillis: timeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: timeoutMs,
    application_name: 'suviaz-relay',
    // A commit is durable on the server's disk before COMMIT returns, even where the database's
    // default says otherwise: the relay acknowledges right after it.
    options: '-c synchronous_commit=on',
    types,
  });
  // An idle connection the server dropped: the pool replaces it; the next query reports any outage.
  pool.on('error', () => undefined);
  return pool;
}

const sqlState = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;

/** A unique or primary key violation: another writer stored the same key first. */
export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

/** Runs work in one READ COMMITTED transaction on one pooled connection; resolves once committed. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: Queryable) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    // A checked-out connection that dies (a restart, a failover) emits 'error'; with no listener
    // that would end the process. The query under way fails on its own; this one is not reused.
    const onError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // A connection that cannot even roll back is not given to the next caller.
          broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
        });
        throw error;
      }
    } catch (error) {
      if (attempt < TX_ATTEMPTS && RETRYABLE.has(sqlState(error) ?? '')) continue;
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
}

/** pg binds Buffers; a view over the same memory avoids a copy. */
export const b = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
/** bytea comes back as a fresh Buffer; callers get plain Uint8Arrays like everywhere else. */
export const u8 = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
