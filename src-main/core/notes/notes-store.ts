// Personal notes in the vault DB: the notes.* methods of the API contract as plain functions over one
// open database, with the tag table and the full-text index kept in step inside each transaction.
// A note's rich content (ProseMirror JSON) is in notes.content; notes.body holds the plain text main
// extracts from it (note-text.ts), which is what the index, snippets and excerpts read.
import { randomBytes } from 'node:crypto';
import {
  SNIPPET_MARK_END,
  SNIPPET_MARK_START,
  type MethodArgs,
  type Note,
  type NoteSummary,
  type SearchHit,
  type TagCount,
} from '../../../src-shared/api';
import { LIMITS } from '../../../src-shared/limits';
import { contentFromPlainText } from '../../../src-shared/notes/note-content';
import { SuviazError } from '../errors';
import type { Db } from '../vault/migrations';
import { mapStorageError } from '../vault/vault';
import {
  bodyFrom,
  cleanTags,
  EXCERPT_SOURCE_CHARS,
  parseTags,
  tagKey,
  toNote,
  toSummary,
  type NoteRow,
} from './note-rows';
import { buildFtsQuery, normalizeForSearch } from './search-text';

export interface NotesStore {
  list(args: MethodArgs<'notes.list'>): NoteSummary[];
  get(id: string): Note;
  create(args: MethodArgs<'notes.create'>): Note;
  /** Leaves updatedAt alone when nothing actually changed, so a repeated autosave does not reorder. */
  update(args: MethodArgs<'notes.update'>): NoteSummary;
  trash(id: string): void;
  restore(id: string): void;
  /** Deletes for good; only a note that is in the trash. */
  purge(id: string): void;
  emptyTrash(): void;
  search(query: string): SearchHit[];
  tags(): TagCount[];
}

const SNIPPET_TOKENS = 16;
/** bm25 column weights: a hit in the title or a tag says more than one somewhere in the body. */
const BM25_WEIGHTS = { title: 10, body: 1, tags: 5 };

function notFound(): SuviazError {
  return new SuviazError('not-found', 'There is no such note.');
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

export function createNotesStore(db: Db, now: () => number = Date.now): NotesStore {
  const columns = 'seq, id, title, body, content, tags, created_at, updated_at, trashed_at';
  const statements = {
    byId: db.prepare<[string], NoteRow>(`SELECT ${columns} FROM notes WHERE id = ?`),
    list: db.prepare<{ active: number; tagKey: string | null }, NoteRow>(
      `SELECT seq, id, title, substr(body, 1, ${EXCERPT_SOURCE_CHARS + 1}) AS body,
              NULL AS content, tags, created_at, updated_at, trashed_at
       FROM notes n
       WHERE (trashed_at IS NULL) = @active
         AND (@tagKey IS NULL OR EXISTS
               (SELECT 1 FROM note_tags t WHERE t.note_seq = n.seq AND t.tag_key = @tagKey))
       ORDER BY updated_at DESC, seq DESC`,
    ),
    trashed: db.prepare<[], NoteRow>(`SELECT ${columns} FROM notes WHERE trashed_at IS NOT NULL`),
    insert: db.prepare<[string, string, string, string, string, number, number]>(
      `INSERT INTO notes (id, title, body, content, tags, created_at, updated_at, trashed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    update: db.prepare<[string, string, string, string, number, number]>(
      'UPDATE notes SET title = ?, body = ?, content = ?, tags = ?, updated_at = ? WHERE seq = ?',
    ),
    setTrashed: db.prepare<[number | null, number]>(
      'UPDATE notes SET trashed_at = ? WHERE seq = ?',
    ),
    delete: db.prepare<[number]>('DELETE FROM notes WHERE seq = ?'),
    deleteTags: db.prepare<[number]>('DELETE FROM note_tags WHERE note_seq = ?'),
    insertTag: db.prepare<[number, string, string]>(
      'INSERT INTO note_tags (note_seq, tag_key, tag) VALUES (?, ?, ?)',
    ),
    ftsInsert: db.prepare<[number, string, string, string]>(
      'INSERT INTO notes_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)',
    ),
    // External-content FTS5 deletes by repeating exactly what was indexed.
    ftsDelete: db.prepare<[number, string, string, string]>(
      `INSERT INTO notes_fts (notes_fts, rowid, title, body, tags) VALUES ('delete', ?, ?, ?, ?)`,
    ),
    search: db.prepare<
      [string, string, string, number],
      { id: string; title: string; tags: string; updated_at: number; snippet: string }
    >(
      `SELECT n.id, n.title, n.tags, n.updated_at,
              snippet(notes_fts, 1, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
       FROM notes_fts JOIN notes n ON n.seq = notes_fts.rowid
       WHERE notes_fts MATCH ? AND n.trashed_at IS NULL
       ORDER BY bm25(notes_fts, ${BM25_WEIGHTS.title}, ${BM25_WEIGHTS.body}, ${BM25_WEIGHTS.tags})
       LIMIT ?`,
    ),
    tags: db.prepare<[], { tag: string; count: number; latest: number }>(
      // SQLite takes the bare column t.tag from the row where max() is reached: the spelling of the
      // most recently edited note wins when spellings differ only in case.
      `SELECT t.tag AS tag, count(*) AS count, max(n.updated_at) AS latest
       FROM note_tags t JOIN notes n ON n.seq = t.note_seq
       WHERE n.trashed_at IS NULL
       GROUP BY t.tag_key`,
    ),
  };

  function write<T>(work: () => T): T {
    try {
      return db.transaction(work)();
    } catch (error) {
      throw mapStorageError(error);
    }
  }

  function rowOf(id: string): NoteRow {
    const row = statements.byId.get(id);
    if (!row) throw notFound();
    return row;
  }

  function indexText(row: Pick<NoteRow, 'seq' | 'title' | 'body' | 'tags'>) {
    return [
      row.seq,
      normalizeForSearch(row.title),
      normalizeForSearch(row.body),
      normalizeForSearch(parseTags(row.tags).join(' ')),
    ] as const;
  }

  function writeTags(seq: number, tags: readonly string[]): void {
    statements.deleteTags.run(seq);
    for (const tag of tags) statements.insertTag.run(seq, tagKey(tag), tag);
  }

  function remove(row: NoteRow): void {
    statements.ftsDelete.run(...indexText(row));
    statements.deleteTags.run(row.seq);
    statements.delete.run(row.seq);
  }

  return {
    list({ view, tag }) {
      return statements.list
        .all({ active: view === 'active' ? 1 : 0, tagKey: tag === undefined ? null : tagKey(tag) })
        .map(toSummary);
    },

    get(id) {
      return toNote(rowOf(id));
    },

    create({ title = '', body = '', content, tags = [] }) {
      const id = randomBytes(16).toString('hex');
      const time = now();
      const json = JSON.stringify(cleanTags(tags));
      const { text, json: contentJson } = bodyFrom(body, content);
      return write(() => {
        const { lastInsertRowid } = statements.insert.run(
          id,
          title,
          text,
          contentJson,
          json,
          time,
          time,
        );
        const seq = Number(lastInsertRowid);
        writeTags(seq, parseTags(json));
        statements.ftsInsert.run(...indexText({ seq, title, body: text, tags: json }));
        return toNote(rowOf(id));
      });
    },

    update({ id, title, body, content, tags }) {
      const given =
        body === undefined && content === undefined ? null : bodyFrom(body ?? '', content);
      return write(() => {
        const row = rowOf(id);
        const oldTags = parseTags(row.tags);
        const next = {
          seq: row.seq,
          title: title ?? row.title,
          body: given?.text ?? row.body,
          content: given?.json ?? row.content,
          tags: tags === undefined ? oldTags : cleanTags(tags),
        };
        const tagsChanged = !sameTags(oldTags, next.tags);
        if (
          next.title === row.title &&
          next.body === row.body &&
          next.content === row.content &&
          !tagsChanged
        ) {
          return toSummary(row);
        }
        const json = JSON.stringify(next.tags);
        const contentJson = next.content ?? JSON.stringify(contentFromPlainText(next.body));
        statements.update.run(next.title, next.body, contentJson, json, now(), row.seq);
        if (tagsChanged) writeTags(row.seq, next.tags);
        statements.ftsDelete.run(...indexText(row));
        statements.ftsInsert.run(...indexText({ ...next, tags: json }));
        return toSummary(rowOf(id));
      });
    },

    trash(id) {
      write(() => {
        const row = rowOf(id);
        if (row.trashed_at === null) statements.setTrashed.run(now(), row.seq);
      });
    },

    restore(id) {
      write(() => {
        const row = rowOf(id);
        if (row.trashed_at !== null) statements.setTrashed.run(null, row.seq);
      });
    },

    purge(id) {
      write(() => {
        const row = rowOf(id);
        if (row.trashed_at === null) {
          throw new SuviazError('not-found', 'Only a note in the trash can be deleted for good.');
        }
        remove(row);
      });
    },

    emptyTrash() {
      write(() => {
        for (const row of statements.trashed.all()) remove(row);
      });
    },

    search(query) {
      const match = buildFtsQuery(query);
      if (match === null) return [];
      return statements.search
        .all(SNIPPET_MARK_START, SNIPPET_MARK_END, match, LIMITS.searchMaxHits)
        .map((hit) => ({
          id: hit.id,
          title: hit.title,
          snippet: hit.snippet,
          tags: parseTags(hit.tags),
          updatedAt: hit.updated_at,
        }));
    },

    tags() {
      return statements.tags
        .all()
        .map(({ tag, count }) => ({ tag, count }))
        .sort((a, b) => a.tag.localeCompare(b.tag, undefined, { sensitivity: 'base' }));
    },
  };
}
