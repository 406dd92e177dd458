import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { makeExcerpt } from '../../src-main/core/notes/note-rows';
import { createNotesStore, type NotesStore } from '../../src-main/core/notes/notes-store';
import { createVault, unlockVault, type OpenVault } from '../../src-main/core/vault/vault';

const PASSPHRASE = 'harbour lantern quietly 1987 frost';
let dir: string;
let vault: OpenVault;
let clock: number;
let notes: NotesStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suviaz-notes-'));
  vault = await createVault(dir, PASSPHRASE, { kdf: KDF_FAST_FOR_TESTS });
  clock = 1_700_000_000_000;
  notes = createNotesStore(vault.db, () => clock);
});

afterEach(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

function tick(): number {
  clock += 1000;
  return clock;
}

const ids = (list: { id: string }[]) => list.map((n) => n.id);

/** Every term still in the index; empty once every note is gone if deletes match what was indexed. */
function indexTerms(): string[] {
  vault.db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'notes_fts', 'row')",
  );
  return vault.db
    .prepare<[], { term: string }>('SELECT term FROM temp.fts_terms')
    .all()
    .map((r) => r.term);
}

describe('notes CRUD', () => {
  it('creates a note with defaults and gets it back', () => {
    const empty = notes.create({});
    expect(empty).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      title: '',
      body: '',
      content: { type: 'doc', content: [{ type: 'paragraph' }] },
      contentUnreadable: false,
      excerpt: '',
      tags: [],
      createdAt: clock,
      updatedAt: clock,
      trashedAt: null,
    });
    const note = notes.create({ title: 'Plan', body: 'Line one\n\n  line   two', tags: ['a'] });
    expect(note.excerpt).toBe('Line one line two');
    expect(notes.get(note.id)).toEqual(note);
    expect(note.id).not.toBe(empty.id);
  });

  it('reports an unknown id as not-found', () => {
    const missing = '0'.repeat(32);
    expect(() => notes.get(missing)).toThrow(expect.objectContaining({ code: 'not-found' }));
    for (const call of [
      () => notes.update({ id: missing, title: 'x' }),
      () => notes.trash(missing),
      () => notes.restore(missing),
      () => notes.purge(missing),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: 'not-found' }));
    }
  });

  it('updates only the given fields, moves updatedAt, and keeps it when nothing changed', () => {
    const note = notes.create({ title: 'T', body: 'B', tags: ['x'] });
    const at = tick();
    const updated = notes.update({ id: note.id, body: 'New body' });
    expect(updated).toMatchObject({ title: 'T', excerpt: 'New body', tags: ['x'], updatedAt: at });
    expect(updated.createdAt).toBe(note.createdAt);
    tick();
    expect(notes.update({ id: note.id, body: 'New body', tags: [' x '] }).updatedAt).toBe(at);
    expect(notes.update({ id: note.id, tags: ['X'] })).toMatchObject({
      tags: ['X'],
      updatedAt: clock,
    });
    expect(notes.update({ id: note.id, tags: [] }).tags).toEqual([]);
    expect(notes.get(note.id)).toMatchObject({ title: 'T', body: 'New body', tags: [] });
  });

  it('makes a short excerpt of a long body with whitespace collapsed', () => {
    const body = `${'слово '.repeat(100)}\n\n${'x'.repeat(5000)}`;
    const excerpt = notes.create({ body }).excerpt;
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(161);
    expect(excerpt.startsWith('слово слово')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(makeExcerpt('😀'.repeat(200))).toBe(`${'😀'.repeat(160)}…`);
    expect(notes.list({ view: 'active' })[0]!.excerpt).toBe(excerpt);
  });

  it('cleans tags: trimmed, empty dropped, deduplicated ignoring case, order kept', () => {
    const note = notes.create({ tags: [' Менск ', 'press', 'МЕНСК', '', 'Press', 'zeta'] });
    expect(note.tags).toEqual(['Менск', 'press', 'zeta']);
  });
});

describe('list, trash, restore, purge', () => {
  it('lists active notes newest-edited first, and trashed ones separately', () => {
    const a = notes.create({ title: 'a' });
    tick();
    const b = notes.create({ title: 'b' });
    tick();
    const c = notes.create({ title: 'c' });
    tick();
    notes.update({ id: a.id, title: 'a2' });
    expect(ids(notes.list({ view: 'active' }))).toEqual([a.id, c.id, b.id]);
    tick();
    notes.trash(c.id);
    expect(ids(notes.list({ view: 'active' }))).toEqual([a.id, b.id]);
    expect(notes.list({ view: 'trash' })).toEqual([
      expect.objectContaining({ id: c.id, trashedAt: clock }),
    ]);
    notes.trash(c.id); // again: still in the trash, time unchanged
    expect(notes.get(c.id).trashedAt).toBe(clock);
    notes.restore(c.id);
    notes.restore(c.id);
    expect(ids(notes.list({ view: 'active' }))).toEqual([a.id, c.id, b.id]);
    expect(notes.list({ view: 'trash' })).toEqual([]);
  });

  it('filters the list by tag, ignoring case', () => {
    const a = notes.create({ title: 'a', tags: ['Менск'] });
    tick();
    const b = notes.create({ title: 'b', tags: ['менск', 'press'] });
    notes.create({ title: 'c', tags: ['press'] });
    expect(ids(notes.list({ view: 'active', tag: 'МЕНСК' }))).toEqual([b.id, a.id]);
    expect(notes.list({ view: 'active', tag: 'nothing' })).toEqual([]);
    notes.trash(a.id);
    expect(ids(notes.list({ view: 'trash', tag: 'менск' }))).toEqual([a.id]);
  });

  it('purges only trashed notes, and emptyTrash removes all of them for good', () => {
    const keep = notes.create({ title: 'keep', body: 'остаётся' });
    const one = notes.create({ title: 'one', body: 'першы' });
    const two = notes.create({ title: 'two', body: 'другі' });
    expect(() => notes.purge(keep.id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    notes.trash(one.id);
    notes.trash(two.id);
    notes.purge(one.id);
    expect(() => notes.get(one.id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    notes.emptyTrash();
    expect(() => notes.get(two.id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(notes.list({ view: 'trash' })).toEqual([]);
    expect(ids(notes.list({ view: 'active' }))).toEqual([keep.id]);
    expect(notes.tags()).toEqual([]);
    notes.trash(keep.id);
    notes.emptyTrash();
    // Nothing of the deleted notes may linger in the search index.
    expect(indexTerms()).toEqual([]);
  });
});

describe('tags', () => {
  it('counts tags over active notes, one entry per tag whatever its case', () => {
    notes.create({ tags: ['press', 'Менск'] });
    tick();
    notes.create({ tags: ['МЕНСК'] });
    const trashed = notes.create({ tags: ['press', 'hidden'] });
    notes.trash(trashed.id);
    expect(notes.tags()).toEqual([
      { tag: 'press', count: 1 },
      { tag: 'МЕНСК', count: 2 },
    ]);
  });
});

describe('search', () => {
  it('finds Cyrillic text whatever its case, by prefix, and folds ё', () => {
    const minsk = notes.create({ title: 'Встреча', body: 'Собрание в МЕНСКЕ в пятницу' });
    const kyiv = notes.create({ title: 'Київ', body: 'Зустріч у Києві' });
    const east = notes.create({ body: 'Ўсход сонца над горадам' });
    const hedgehog = notes.create({ body: 'Видели ёжика в лесу' });
    const find = (q: string) => ids(notes.search(q));
    expect(find('Менске')).toEqual([minsk.id]);
    expect(find('менс')).toEqual([minsk.id]);
    expect(find('київ')).toEqual([kyiv.id]);
    expect(find('ўсход')).toEqual([east.id]);
    expect(find('ежика')).toEqual([hedgehog.id]);
    expect(find('ЁЖИК')).toEqual([hedgehog.id]);
    expect(find('встреча пятницу')).toEqual([minsk.id]);
    expect(find('встреча киев')).toEqual([]);
  });

  it('finds notes by tag and ranks a title hit above a body hit', () => {
    const body = notes.create({ title: 'Other', body: 'We talk about the campaign here' });
    const title = notes.create({ title: 'Campaign', body: 'Details' });
    const tagged = notes.create({ title: 'x', tags: ['Кампанія'] });
    expect(ids(notes.search('campaign'))).toEqual([title.id, body.id]);
    expect(ids(notes.search('кампанія'))).toEqual([tagged.id]);
  });

  it('marks the match in a snippet of the original text', () => {
    notes.create({ title: 'x', body: 'Видели ёжика в лесу возле МЕНСКА' });
    const [hit] = notes.search('менск');
    expect(hit!.snippet).toBe(
      `Видели ёжика в лесу возле ${SNIPPET_MARK_START}МЕНСКА${SNIPPET_MARK_END}`,
    );
    const [hedgehog] = notes.search('ежик');
    expect(hedgehog!.snippet).toContain(`${SNIPPET_MARK_START}ёжика${SNIPPET_MARK_END}`);
    expect(hedgehog).toMatchObject({ title: 'x', tags: [], updatedAt: clock });
  });

  it('does not find trashed notes, and finds them again once restored', () => {
    const note = notes.create({ body: 'секретный план' });
    notes.trash(note.id);
    expect(notes.search('план')).toEqual([]);
    notes.restore(note.id);
    expect(ids(notes.search('план'))).toEqual([note.id]);
  });

  it('follows edits: old words are gone, new ones found', () => {
    const note = notes.create({ title: 'старый', body: 'старое слово', tags: ['давний'] });
    notes.update({ id: note.id, title: 'новы', body: 'новае слова', tags: ['свежы'] });
    expect(notes.search('старое')).toEqual([]);
    expect(notes.search('давний')).toEqual([]);
    expect(ids(notes.search('новае'))).toEqual([note.id]);
    expect(ids(notes.search('свежы'))).toEqual([note.id]);
    notes.trash(note.id);
    notes.purge(note.id);
    expect(indexTerms()).toEqual([]);
  });

  it('treats FTS syntax as text and never throws on it', () => {
    notes.create({ body: 'a NEAR b OR c' });
    for (const query of [
      '"a" OR NEAR(',
      '"',
      '(((',
      'NOT',
      '*',
      'a:b',
      '^a',
      '-a',
      "'",
      'AND OR',
    ]) {
      expect(() => notes.search(query)).not.toThrow();
    }
    expect(notes.search('   ')).toEqual([]);
    expect(notes.search('near')).toHaveLength(1);
  });

  it('returns at most searchMaxHits results', () => {
    for (let i = 0; i < LIMITS.searchMaxHits + 5; i++) notes.create({ body: `общий ${i}` });
    expect(notes.search('общий')).toHaveLength(LIMITS.searchMaxHits);
  });

  it('keeps notes and their index across lock and unlock', async () => {
    const note = notes.create({ body: 'пасля блакавання' });
    vault.close();
    vault = await unlockVault(dir, PASSPHRASE);
    notes = createNotesStore(vault.db, () => clock);
    expect(ids(notes.search('блакав'))).toEqual([note.id]);
  });
});

describe('storage errors', () => {
  it('reports a full disk as disk-full and keeps the note as it was', () => {
    const note = notes.create({ body: 'before' });
    const pages = vault.db.pragma('page_count', { simple: true }) as number;
    // Every vault keeps some free pages of random padding (docs/vault-format.md): the body must
    // need more than those, or it fits without the file growing.
    const free = vault.db.pragma('freelist_count', { simple: true }) as number;
    const pageSize = vault.db.pragma('page_size', { simple: true }) as number;
    vault.db.pragma(`max_page_count = ${pages + 1}`);
    const body = 'x'.repeat((free + 50) * pageSize);
    expect(() => notes.update({ id: note.id, body })).toThrow(
      expect.objectContaining({ code: 'disk-full' }),
    );
    expect(notes.get(note.id).body).toBe('before');
  });
});
