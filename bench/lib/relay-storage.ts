// What a relay keeps on disk after a run: the payload bytes in its tables and the size of its files.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

export interface Stored {
  /** Bytes of the stored messages themselves (envelopes and snapshot links, or Yjs updates). */
  payload: number;
  /** Bytes of every file in the data directory (database, WAL). */
  files: number;
}

const dirBytes = (dir: string): number =>
  readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);

function sum(file: string, query: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare<[], { n: number | null }>(query).get()?.n ?? 0) as number;
  } finally {
    db.close();
  }
}

export function suviazStored(dataDir: string): Stored {
  const file = path.join(dataDir, 'relay.db');
  return {
    payload:
      sum(file, 'SELECT SUM(length(envelope)) AS n FROM messages') +
      sum(file, 'SELECT SUM(length(link)) AS n FROM snapshots'),
    files: dirBytes(dataDir),
  };
}

/** Hocuspocus's SQLite (one row per document, its whole state); y-websocket keeps nothing. */
export function peerStored(peer: 'y-websocket' | 'hocuspocus', dataDir: string): Stored | null {
  if (peer === 'y-websocket') return null;
  return {
    payload: sum(
      path.join(dataDir, 'hocuspocus.db'),
      'SELECT SUM(length(data)) AS n FROM documents',
    ),
    files: dirBytes(dataDir),
  };
}
