// Briefings read back from the vault: one whole, its payload parsed against the schema again, or the
// list (unread first, then newest) without payloads, with excerpts or, for a search, snippets.
import type { CopyPayload } from '../../../src-shared/briefings/briefing-model';
import {
  cleanBriefingTitle,
  CopyPayload as CopySchema,
} from '../../../src-shared/briefings/briefing-model';
import { buildFtsQuery } from '../notes/search-text';
import type { Db } from '../vault/migrations';

/** What the list shows of a briefing, read without its payload. */
export interface BriefingListing {
  id: string;
  spaceId: string;
  author: string;
  mine: boolean;
  createdAt: number;
  expiresAt: number | null;
  title: string;
  /** The first words of the (unmarked) body, or a search snippet. */
  excerpt: string;
  attachments: number;
  readAt: number | null;
  ackedAt: number | null;
}

export interface StoredBriefing {
  rowid: number;
  id: string;
  spaceId: string;
  author: string;
  mine: boolean;
  createdAt: number;
  expiresAt: number | null;
  payload: CopyPayload;
  canaryMap: string | null;
  readAt: number | null;
  ackedAt: number | null;
}

interface Row {
  rowid: number;
  id: string;
  space_id: string;
  author: string;
  mine: number;
  created_at: number;
  expires_at: number | null;
  payload: string;
  canary_map: string | null;
  read_at: number | null;
  acked_at: number | null;
}

const COLUMNS =
  'b.rowid AS rowid, b.id, b.space_id, b.author, b.mine, b.created_at, b.expires_at, b.payload, ' +
  'b.canary_map, b.read_at, b.acked_at';

function fromRow(row: Row): StoredBriefing | null {
  const parsed = CopySchema.safeParse(JSON.parse(row.payload));
  if (!parsed.success) return null;
  return {
    rowid: row.rowid,
    id: row.id,
    spaceId: row.space_id,
    author: row.author,
    mine: row.mine === 1,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    payload: parsed.data,
    canaryMap: row.canary_map,
    readAt: row.read_at,
    ackedAt: row.acked_at,
  };
}

export function getBriefing(db: Db, id: string): StoredBriefing | null {
  const row = db
    .prepare<[string], Row>(`SELECT ${COLUMNS} FROM briefings b WHERE b.id = ?`)
    .get(id);
  return row ? fromRow(row) : null;
}

/** Unread first, then newest; by space and by words when asked. */
interface ListingRow {
  id: string;
  space_id: string;
  author: string;
  mine: number;
  created_at: number;
  expires_at: number | null;
  title: string;
  excerpt: string;
  attachment_count: number;
  read_at: number | null;
  acked_at: number | null;
  snippet?: string;
}

const LISTING_COLUMNS =
  'b.id, b.space_id, b.author, b.mine, b.created_at, b.expires_at, b.title, b.excerpt, ' +
  'b.attachment_count, b.read_at, b.acked_at';

export function listBriefings(
  db: Db,
  options: { spaceId?: string; query?: string },
): BriefingListing[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  let from = 'briefings b';
  let snippet = '';
  const fts = options.query ? buildFtsQuery(options.query) : null;
  if (options.query && !fts) return [];
  if (fts) {
    from = 'briefings_fts f JOIN briefings b ON b.rowid = f.rowid';
    snippet = ", snippet(briefings_fts, 1, '', '', '…', 12) AS snippet";
    where.push('briefings_fts MATCH ?');
    params.push(fts);
  }
  if (options.spaceId) {
    where.push('b.space_id = ?');
    params.push(options.spaceId);
  }
  const sql =
    `SELECT ${LISTING_COLUMNS}${snippet} FROM ${from}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ' ORDER BY (b.read_at IS NULL) DESC, b.created_at DESC LIMIT 10000';
  return db
    .prepare<(string | number)[], ListingRow>(sql)
    .all(...params)
    .map((row) => ({
      id: row.id,
      spaceId: row.space_id,
      author: row.author,
      mine: row.mine === 1,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      // As the read view shows it (its payload parsed again): rows kept before received titles
      // were cleaned still hold them as sent, and mine are kept as I typed them.
      title: cleanBriefingTitle(row.title),
      excerpt: row.snippet ?? row.excerpt,
      attachments: row.attachment_count,
      readAt: row.read_at,
      ackedAt: row.acked_at,
    }));
}
