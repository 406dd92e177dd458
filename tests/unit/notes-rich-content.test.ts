// Rich private notes: the plain text main extracts from a note's ProseMirror JSON (what search
// indexes), the check main applies to content the renderer sends, and the store built on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Schema } from '@tiptap/pm/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import {
  contentFromPlainText,
  NOTE_MARK_TYPES,
  NOTE_NODE_TYPES,
  noteContentProblem,
  type NoteDoc,
  type NoteJsonNode,
} from '../../src-shared/notes/note-content';
import { createHandlers } from '../../src-main/core/api/handlers';
import { dispatch, type HandlerTable } from '../../src-main/core/api/dispatch';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { plainTextOf } from '../../src-main/core/notes/note-text';
import { createNotesStore, type NotesStore } from '../../src-main/core/notes/notes-store';
import { createVault, type OpenVault } from '../../src-main/core/vault/vault';
import { mergePatches } from '../../src-renderer/editor/note-saver';

const text = (value: string, marks?: NoteJsonNode['marks']): NoteJsonNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const para = (...content: NoteJsonNode[]): NoteJsonNode => ({ type: 'paragraph', content });
const doc = (...content: NoteJsonNode[]): NoteDoc => ({ type: 'doc', content });
const link = (href: string) => ({
  type: 'link',
  attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null },
});

/** A note with a heading, nested lists, a checklist, a quote and nested marks, in Cyrillic. */
const RICH = doc(
  { type: 'heading', attrs: { level: 1 }, content: [text('План на МЕНСК')] },
  para(
    text('Сустрэча '),
    text('ў пятніцу', [{ type: 'bold' }, { type: 'italic' }]),
    text(' — '),
    text('ёлка', [{ type: 'bold' }, link('https://example.org/ёлка')]),
  ),
  {
    type: 'bulletList',
    content: [
      {
        type: 'listItem',
        content: [
          para(text('Першы')),
          {
            type: 'orderedList',
            attrs: { start: 1, type: null },
            content: [{ type: 'listItem', content: [para(text('Укладзены'))] }],
          },
        ],
      },
    ],
  },
  {
    type: 'taskList',
    content: [
      { type: 'taskItem', attrs: { checked: true }, content: [para(text('Зроблена'))] },
      { type: 'taskItem', attrs: { checked: false }, content: [para(text('Ещё нет'))] },
    ],
  },
  { type: 'blockquote', content: [para(text('Цытата'), { type: 'hardBreak' }, text('далей'))] },
  { type: 'codeBlock', attrs: { language: null }, content: [text('let x = 1;')] },
  { type: 'horizontalRule' },
  {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [
          {
            type: 'tableHeader',
            attrs: { colspan: 1, rowspan: 1, colwidth: null },
            content: [para(text('Ячейка'))],
          },
          {
            type: 'tableCell',
            attrs: { colspan: 1, rowspan: 1, colwidth: [120] },
            content: [para(text('Клетка'))],
          },
        ],
      },
    ],
  },
);

describe('plainTextOf', () => {
  it('makes every textblock a line, wherever it sits, and ignores marks', () => {
    expect(plainTextOf(RICH)).toBe(
      [
        'План на МЕНСК',
        'Сустрэча ў пятніцу — ёлка',
        'Першы',
        'Укладзены',
        'Зроблена',
        'Ещё нет',
        'Цытата\nдалей',
        'let x = 1;',
        'Ячейка',
        'Клетка',
      ].join('\n'),
    );
  });

  it('gives back exactly the lines a plain note was made of', () => {
    for (const body of ['', 'one line', 'a\n\nb\n', '  spaced  \n\tтаб\n\n\nЁжик ёлка', '\n']) {
      expect(plainTextOf(contentFromPlainText(body))).toBe(body);
    }
    expect(plainTextOf(contentFromPlainText('a\r\nb\rc'))).toBe('a\nb\nc');
    expect(plainTextOf({ type: 'doc' })).toBe('');
  });

  it('copes with any depth without recursion', () => {
    let node: NoteJsonNode = para(text('глыбока'));
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    expect(plainTextOf({ type: 'doc', content: [node] })).toBe('глыбока');
  });
});

describe('noteContentProblem', () => {
  it('accepts what the editor writes', () => {
    expect(noteContentProblem(RICH)).toBeNull();
    expect(noteContentProblem(contentFromPlainText('x\n\ny'))).toBeNull();
    expect(noteContentProblem({ type: 'doc' })).toBeNull();
  });

  it('names what is wrong and where', () => {
    const cases: [unknown, RegExp][] = [
      [null, /not a note document/],
      ['<p>hi</p>', /not a note document/],
      [{ type: 'paragraph' }, /not a note document/],
      [doc({ type: 'script', content: [] }), /content\.content\.0: unknown node type "script"/],
      [doc(para(text('x', [{ type: 'comment' }]))), /unknown mark type "comment"/],
      [doc(para(text('x', [link('javascript:alert(1)')]))), /http, https or mailto/],
      [doc(para(text('x', [{ type: 'link', attrs: { href: 'file:///etc' } }]))), /mailto/],
      [doc(para({ type: 'text', text: '' })), /text node without text/],
      [doc(para({ type: 'text' })), /text node without text/],
      [doc({ type: 'paragraph', text: 'x' }), /only a text node has text/],
      [
        doc({ type: 'paragraph', content: 'x' } as unknown as NoteJsonNode),
        /content is not a list/,
      ],
      [
        doc({ type: 'paragraph', onclick: 'x' } as unknown as NoteJsonNode),
        /unexpected field "onclick"/,
      ],
      [
        doc({ type: 'heading', attrs: { level: { x: 1 } } } as unknown as NoteJsonNode),
        /attribute "level"/,
      ],
      [doc({ type: 'heading', attrs: { level: 'x'.repeat(3000) } }), /attribute "level"/],
      [doc({ type: 'doc' }), /a document inside a document/],
    ];
    for (const [value, message] of cases) expect(noteContentProblem(value)).toMatch(message);
  });

  it('refuses content nested too deeply or too long', () => {
    let node: NoteJsonNode = para(text('x'));
    for (let i = 0; i < LIMITS.noteContentMaxDepth + 1; i++) {
      node = { type: 'blockquote', content: [node] };
    }
    expect(noteContentProblem(doc(node))).toMatch(/nested too deeply/);
    const long = doc(para(text('x'.repeat(LIMITS.noteContentMaxChars))));
    expect(noteContentProblem(long)).toMatch(/too long/);
  });

  it('knows exactly the node and mark types of the editor the notes use', async () => {
    // Loaded by path at run time: the editor's modules use DOM types this (Node) tsconfig leaves out.
    const editorModule = '../../src-renderer/editor/note-extensions';
    const { noteSchema } = (await import(editorModule)) as { noteSchema: () => Schema };
    const schema = noteSchema();
    expect(new Set(Object.keys(schema.nodes))).toEqual(NOTE_NODE_TYPES);
    expect(new Set(Object.keys(schema.marks))).toEqual(NOTE_MARK_TYPES);
  });
});

describe('notes with rich content', () => {
  let dir: string;
  let vault: OpenVault;
  let notes: NotesStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'suviaz-rich-'));
    vault = await createVault(dir, 'harbour lantern quietly 1987 frost', {
      kdf: KDF_FAST_FOR_TESTS,
    });
    notes = createNotesStore(vault.db);
  });

  afterEach(() => {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the content, and indexes the plain text computed from it', () => {
    const note = notes.create({ title: 'Rich', content: RICH });
    expect(note.content).toEqual(RICH);
    expect(note.contentUnreadable).toBe(false);
    expect(note.body).toBe(plainTextOf(RICH));
    expect(note.excerpt.startsWith('План на МЕНСК Сустрэча ў пятніцу — ёлка')).toBe(true);
    const find = (q: string) => notes.search(q).map((hit) => hit.id);
    for (const query of ['менск', 'пятніц', 'елка', 'укладзены', 'зроблена', 'еще', 'клетка']) {
      expect(find(query)).toEqual([note.id]);
    }
    // Marks and attributes are not text: neither the link's address nor a mark's name is found.
    expect(find('example')).toEqual([]);
    expect(find('bold')).toEqual([]);
    expect(notes.search('ёлка')[0]!.snippet).toContain(
      `${SNIPPET_MARK_START}ёлка${SNIPPET_MARK_END}`,
    );
  });

  it('follows content edits in the index, and repeats of the same content change nothing', () => {
    const note = notes.create({ content: doc(para(text('старое слово'))) });
    const first = notes.update({ id: note.id, content: doc(para(text('новае слова'))) });
    expect(notes.search('старое')).toEqual([]);
    expect(notes.search('новае')).toHaveLength(1);
    expect(notes.update({ id: note.id, content: doc(para(text('новае слова'))) })).toEqual(first);
    // Formatting alone is a change too, with the same text.
    notes.update({ id: note.id, content: doc(para(text('новае слова', [{ type: 'bold' }]))) });
    expect(notes.get(note.id).content).toEqual(doc(para(text('новае слова', [{ type: 'bold' }]))));
    notes.trash(note.id);
    notes.purge(note.id);
  });

  it('takes plain text as one paragraph a line', () => {
    const note = notes.create({ body: 'рад 1\n\nрад 3' });
    expect(note.content).toEqual(contentFromPlainText('рад 1\n\nрад 3'));
    expect(notes.update({ id: note.id, body: 'інакш' }).excerpt).toBe('інакш');
    expect(notes.get(note.id).content).toEqual(doc(para(text('інакш'))));
  });

  it('refuses text over the limit even when the JSON fits', () => {
    const many = doc(
      ...Array.from({ length: 3 }, () => para(text('x'.repeat(LIMITS.noteBodyMaxChars / 2)))),
    );
    expect(() => notes.create({ content: many })).toThrow(
      expect.objectContaining({ code: 'invalid-args', message: expect.stringMatching(/too long/) }),
    );
  });

  it('falls back to the plain text, and says so, when the stored content cannot be read', () => {
    const note = notes.create({ title: 'T', content: RICH });
    for (const broken of ['{"type":"doc","content":[', '{"type":"script"}', '42']) {
      vault.db.prepare('UPDATE notes SET content = ? WHERE id = ?').run(broken, note.id);
      const read = notes.get(note.id);
      expect(read.contentUnreadable).toBe(true);
      expect(read.content).toEqual(contentFromPlainText(plainTextOf(RICH)));
      expect(read.body).toBe(plainTextOf(RICH));
    }
    // Search still finds it by its text; an edit of the title keeps what is stored.
    expect(notes.search('менск').map((hit) => hit.id)).toEqual([note.id]);
    notes.update({ id: note.id, title: 'T2' });
    expect(notes.get(note.id).contentUnreadable).toBe(true);
    // Saving content replaces it.
    notes.update({ id: note.id, content: doc(para(text('fixed'))) });
    expect(notes.get(note.id)).toMatchObject({ contentUnreadable: false, body: 'fixed' });
  });

  it('main refuses malformed content at the API with a clear error', async () => {
    const session = { unlocked: () => ({ notes }) };
    const handlers = createHandlers(
      session as unknown as Parameters<typeof createHandlers>[0],
      {} as Parameters<typeof createHandlers>[1],
    );
    const context = { isUnlocked: () => true, logError: () => undefined };
    const note = notes.create({ content: doc(para(text('kept'))) });
    const refused = [
      { id: note.id, content: '<p onclick="x">hi</p>' },
      { id: note.id, content: doc({ type: 'iframe' }) },
      { id: note.id, content: doc(para(text('x', [link('javascript:alert(1)')]))) },
      { id: note.id, content: doc(para(text('x'))), body: 'x' },
    ];
    const messages = [
      /^content: not a note document/,
      /^content: content\.content\.0: unknown node type "iframe"/,
      /link must be an http, https or mailto address/,
      /give body or content, not both/,
    ];
    for (const [i, args] of refused.entries()) {
      const outcome = await dispatch(handlers as HandlerTable, context, 'notes.update', args);
      expect(outcome).toEqual({
        ok: false,
        error: { code: 'invalid-args', message: expect.stringMatching(messages[i]!) },
      });
    }
    expect(notes.get(note.id).body).toBe('kept');
    expect(methods['notes.create'].args.safeParse({ content: RICH }).success).toBe(true);
  });
});

describe('the note saver merges content and plain text', () => {
  it('lets a later content replace an earlier body and the other way round', () => {
    const content = doc(para(text('x')));
    expect(mergePatches({ title: 't', body: 'b' }, { content })).toEqual({ title: 't', content });
    expect(mergePatches({ content, tags: ['a'] }, { body: 'b' })).toEqual({
      tags: ['a'],
      body: 'b',
    });
    expect(mergePatches({ content }, { title: 'u' })).toEqual({ content, title: 'u' });
  });
});
