// Vault migration 5 (rich notes): a vault written before it, with plain-text notes and their search
// index, opens with every note as paragraphs of its lines, nothing lost, and search unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../src-shared/api';
import { buildFtsQuery, normalizeForSearch } from '../../src-main/core/notes/search-text';
import { plainTextOf } from '../../src-main/core/notes/note-text';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { runMigrations, SCHEMA_VERSION, type Db } from '../../src-main/core/vault/migrations';
import { vaultAtVersion } from '../support/vault-at-version';

let db: Db;

/** A note written the way the version-4 notes store wrote it: row, tags and index in step. */
function oldNote(id: string, title: string, body: string, tags: string[] = []): void {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO notes (id, title, body, tags, created_at, updated_at, trashed_at)
       VALUES (?, ?, ?, ?, 1, 1, NULL)`,
    )
    .run(id, title, body, JSON.stringify(tags));
  for (const tag of tags) {
    db.prepare('INSERT INTO note_tags (note_seq, tag_key, tag) VALUES (?, ?, ?)').run(
      lastInsertRowid,
      tag.toLowerCase(),
      tag,
    );
  }
  db.prepare('INSERT INTO notes_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)').run(
    lastInsertRowid,
    normalizeForSearch(title),
    normalizeForSearch(body),
    normalizeForSearch(tags.join(' ')),
  );
}

/** What a search finds, straight from the index: the same query before and after the migration. */
function rawSearch(query: string): { id: string; snippet: string }[] {
  return db
    .prepare<[string, string, string], { id: string; snippet: string }>(
      `SELECT n.id, snippet(notes_fts, 1, ?, ?, '…', 16) AS snippet
       FROM notes_fts JOIN notes n ON n.seq = notes_fts.rowid
       WHERE notes_fts MATCH ? ORDER BY n.id`,
    )
    .all(SNIPPET_MARK_START, SNIPPET_MARK_END, buildFtsQuery(query)!);
}

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);
const D = 'd'.repeat(32);
const BODIES: Record<string, string> = {
  [A]: 'Сход у МЕНСКУ\nВидели ёжика в лесу\n\n  адступ і канец  ',
  [B]: 'Зустріч у Києві\r\nдругий рядок',
  [C]: '',
  [D]: 'one line, no newline',
};
const QUERIES = ['менск', 'ежик', 'ёжик', 'киев', 'києв', 'друг', 'адступ', 'line', 'кампанія'];

beforeEach(() => {
  db = vaultAtVersion(4);
  oldNote(A, 'Маршрут', BODIES[A]!, ['Кампанія']);
  oldNote(B, 'Kyiv', BODIES[B]!);
  oldNote(C, 'Empty', BODIES[C]!);
  oldNote(D, 'Plain', BODIES[D]!);
});

afterEach(() => db.close());

describe('migration 5: rich notes', () => {
  it('turns every plain note into paragraphs of its lines and keeps its text as it was', () => {
    runMigrations(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const notes = createNotesStore(db);
    const a = notes.get(A);
    expect(a.contentUnreadable).toBe(false);
    expect(a.body).toBe(BODIES[A]);
    expect(a.content).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Сход у МЕНСКУ' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Видели ёжика в лесу' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '  адступ і канец  ' }] },
      ],
    });
    expect(notes.get(C).content).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    for (const id of [A, C, D]) expect(plainTextOf(notes.get(id).content)).toBe(BODIES[id]);
    // A carriage return is a line break, nothing more; the stored text keeps it.
    expect(plainTextOf(notes.get(B).content)).toBe('Зустріч у Києві\nдругий рядок');
    expect(notes.get(B).body).toBe(BODIES[B]);
    expect(notes.get(A)).toMatchObject({ title: 'Маршрут', tags: ['Кампанія'], updatedAt: 1 });
  });

  it('leaves search exactly as it was: same notes, same snippets, Cyrillic, ё and prefixes', () => {
    const before = QUERIES.map(rawSearch);
    runMigrations(db);
    expect(QUERIES.map(rawSearch)).toEqual(before);
    const notes = createNotesStore(db);
    const found = (query: string) => notes.search(query).map((hit) => hit.id);
    expect(found('менск')).toEqual([A]);
    expect(found('ёжик')).toEqual([A]);
    expect(found('ежик')).toEqual([A]);
    expect(found('києв')).toEqual([B]);
    expect(found('кампанія')).toEqual([A]);
    expect(notes.search('ежик')[0]!.snippet).toContain(
      `${SNIPPET_MARK_START}ёжика${SNIPPET_MARK_END}`,
    );
  });

  it('keeps the index in step through edits and deletes of migrated notes', () => {
    runMigrations(db);
    const notes = createNotesStore(db);
    notes.update({
      id: A,
      content: {
        type: 'doc',
        content: [
          {
            type: 'heading',
            attrs: { level: 2 },
            content: [{ type: 'text', text: 'Новы загаловак' }],
          },
        ],
      },
    });
    expect(notes.search('менск')).toEqual([]);
    expect(notes.search('загаловак').map((hit) => hit.id)).toEqual([A]);
    for (const id of [A, B, C, D]) notes.trash(id);
    notes.emptyTrash();
    db.exec("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'notes_fts', 'row')");
    expect(db.prepare('SELECT count(*) AS n FROM temp.fts_terms').get()).toEqual({ n: 0 });
  });

  it('runs once: a second unlock changes nothing', () => {
    runMigrations(db);
    const content = db.prepare('SELECT id, content FROM notes ORDER BY id').all();
    runMigrations(db);
    expect(db.prepare('SELECT id, content FROM notes ORDER BY id').all()).toEqual(content);
  });
});
