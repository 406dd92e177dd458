// --import-sqlite: moves a relay from its embedded SQLite store to PostgreSQL. Copies every row of
// every table into an empty PostgreSQL store, then reads both back in key order and compares them
// row by row, column by column, all in one PostgreSQL transaction: a copy that differs anywhere is
// rolled back, never committed half-right. Run with the relay stopped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type pg from 'pg';
import { runPgMigrations } from './pg-migrations';
import { inTransaction, openPgPool, type Queryable } from './pg-pool';
import { runMigrations } from './sqlite-migrations';
import { RELAY_DB_FILE } from './sqlite-store';

interface Table {
  name: string;
  columns: readonly string[];
  key: readonly string[];
}

/** Every table, parents before children; the same names and columns on both sides (pg-migrations.ts). */
const TABLES: readonly Table[] = [
  { name: 'groups', columns: ['group_id', 'length', 'documents', 'bytes'], key: ['group_id'] },
  { name: 'group_entries', columns: ['group_id', 'idx', 'entry'], key: ['group_id', 'idx'] },
  { name: 'group_members', columns: ['device', 'group_id'], key: ['device', 'group_id'] },
  {
    name: 'lockboxes',
    columns: ['group_id', 'recipient', 'epoch', 'author', 'lockbox'],
    key: ['group_id', 'recipient', 'epoch', 'author'],
  },
  {
    name: 'invites',
    columns: ['group_id', 'invite_key', 'material'],
    key: ['group_id', 'invite_key'],
  },
  {
    name: 'documents',
    columns: [
      'doc_id',
      'group_id',
      'last_seq',
      'active_snapshot_id',
      'active_proof',
      'active_generation',
      'active_seq',
    ],
    key: ['doc_id'],
  },
  {
    name: 'messages',
    columns: ['doc_id', 'seq', 'kind', 'snapshot_id', 'author', 'clock', 'envelope'],
    key: ['doc_id', 'seq'],
  },
  {
    name: 'snapshots',
    columns: ['doc_id', 'snapshot_id', 'seq', 'link'],
    key: ['doc_id', 'snapshot_id'],
  },
  {
    name: 'author_clocks',
    columns: ['doc_id', 'snapshot_id', 'author', 'clock'],
    key: ['doc_id', 'snapshot_id', 'author'],
  },
  {
    name: 'shares',
    columns: ['share_id', 'group_id', 'author', 'expires_at', 'ciphertext'],
    key: ['share_id'],
  },
  {
    name: 'mail',
    columns: [
      'seq',
      'group_id',
      'briefing_id',
      'kind',
      'sender',
      'recipient',
      'expires_at',
      'ciphertext',
    ],
    key: ['seq'],
  },
  {
    name: 'chunks',
    columns: ['blob_id', 'idx', 'group_id', 'briefing_id', 'owner', 'expires_at', 'bytes'],
    key: ['blob_id', 'idx'],
  },
];

type Value = Buffer | number | bigint | string | null;
type Row = Value[];

const BATCH_ROWS = 500;
/** Envelopes run up to a frame each: a batch stops at this many bytes too. */
const BATCH_BYTES = 8 * 1024 * 1024;

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface ImportReport {
  tables: { name: string; rows: number }[];
}

const select = (t: Table): string =>
  `SELECT ${t.columns.join(', ')} FROM ${t.name} ORDER BY ${t.key.join(', ')}`;

const size = (row: Row): number =>
  row.reduce<number>((n, v) => n + (Buffer.isBuffer(v) ? v.length : 8), 0);

async function insertBatch(client: Queryable, t: Table, rows: Row[]): Promise<void> {
  const width = t.columns.length;
  const tuples = rows.map(
    (_, r) => `(${t.columns.map((_c, c) => `$${r * width + c + 1}`).join(', ')})`,
  );
  await client.query(
    `INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    rows.flat(),
  );
}

async function copyTable(db: Database.Database, client: Queryable, t: Table): Promise<number> {
  let batch: Row[] = [];
  let bytes = 0;
  let count = 0;
  for (const row of db.prepare(select(t)).raw().iterate() as Iterable<Row>) {
    batch.push(row);
    bytes += size(row);
    count++;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      await insertBatch(client, t, batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) await insertBatch(client, t, batch);
  return count;
}

const same = (a: Value, b: Value): boolean =>
  Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : Number(a) === Number(b) && a !== null;

/** Reads the table back from PostgreSQL and SQLite in key order; throws at the first difference. */
async function verifyTable(db: Database.Database, client: Queryable, t: Table): Promise<void> {
  const cursor = `verify_${t.name}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${select(t)}`);
  const original = (db.prepare(select(t)).raw().iterate() as IterableIterator<Row>)[
    Symbol.iterator
  ]();
  try {
    for (let index = 0; ;) {
      const page = await client.query<Row>({
        text: `FETCH ${BATCH_ROWS} FROM ${cursor}`,
        rowMode: 'array',
      });
      for (const copied of page.rows) {
        const next = original.next();
        if (next.done) throw new ImportError(`${t.name}: the copy has more rows than the original`);
        const differs = t.columns.findIndex(
          (_c, c) => !same(next.value[c] ?? null, copied[c] ?? null),
        );
        if (differs >= 0) {
          throw new ImportError(`${t.name}: row ${index} differs in ${t.columns[differs]}`);
        }
        index++;
      }
      if (page.rows.length < BATCH_ROWS) break;
    }
    if (!original.next().done) {
      throw new ImportError(`${t.name}: the copy has fewer rows than the original`);
    }
  } finally {
    // An open iterator keeps SQLite's connection busy: it could not even close.
    original.return?.();
  }
  await client.query(`CLOSE ${cursor}`);
}

async function requireEmpty(pool: pg.Pool): Promise<void> {
  const used = await pool.query<{ used: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM groups) OR EXISTS (SELECT 1 FROM shares) AS used',
  );
  if (used.rows[0]?.used) {
    throw new ImportError('the PostgreSQL store already holds data: import into an empty database');
  }
}

export async function importSqliteIntoPg(dataDir: string, pgUrl: string): Promise<ImportReport> {
  const file = path.join(dataDir, RELAY_DB_FILE);
  if (!existsSync(file)) throw new ImportError(`no relay store at ${path.resolve(file)}`);
  const db = new Database(file, { fileMustExist: true });
  const pool = openPgPool({ url: pgUrl, max: 1, timeoutMs: 0 });
  try {
    // As the relay would on start: the SQLite store at this relay's schema, of this protocol.
    runMigrations(db);
    await runPgMigrations(pool);
    await requireEmpty(pool);
    return await inTransaction(pool, async (client) => {
      const tables: ImportReport['tables'] = [];
      for (const t of TABLES) tables.push({ name: t.name, rows: await copyTable(db, client, t) });
      // Mail seqs were copied as they were: new ones continue after the largest SQLite ever gave
      // (AUTOINCREMENT never reuses one; devices' cursors may be past every row still stored).
      const issued =
        (
          db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'mail'").get() as
            { seq: number } | undefined
        )?.seq ?? 0;
      await client.query(
        "SELECT setval(pg_get_serial_sequence('mail', 'seq'), greatest(coalesce(max(seq), 0), $1::bigint) + 1, false) FROM mail",
        [issued],
      );
      for (const t of TABLES) await verifyTable(db, client, t);
      return { tables };
    });
  } finally {
    db.close();
    await pool.end();
  }
}
