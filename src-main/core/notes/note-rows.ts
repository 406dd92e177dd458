// How a row of the notes table reads back as the API's Note and NoteSummary (excerpt, tags, rich
// content), and how the text or content a caller gives becomes what is stored.
import type { Note, NoteSummary } from '../../../src-shared/api';
import { LIMITS } from '../../../src-shared/limits';
import {
  contentFromPlainText,
  isNoteDoc,
  noteContentProblem,
  type NoteDoc,
} from '../../../src-shared/notes/note-content';
import { SuviazError } from '../errors';
import { plainTextOf } from './note-text';

const EXCERPT_CHARS = 160;
/** Enough of the body to fill an excerpt even after collapsing whitespace, without loading it all. */
export const EXCERPT_SOURCE_CHARS = 1000;

export interface NoteRow {
  seq: number;
  id: string;
  title: string;
  /** Plain text: either the whole of it or its first EXCERPT_SOURCE_CHARS + 1 characters (list). */
  body: string;
  /** ProseMirror JSON; null for a note that only has its plain text (read as paragraphs). */
  content: string | null;
  tags: string;
  created_at: number;
  updated_at: number;
  trashed_at: number | null;
}

/** Trimmed, empty ones dropped, deduplicated case-insensitively keeping the first spelling and order. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().normalize('NFC');
    const key = tagKey(tag);
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export function tagKey(tag: string): string {
  // toLowerCase, unlike SQLite's lower(), folds Cyrillic and every other cased script.
  return tag.trim().normalize('NFC').toLowerCase();
}

export function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** The body's first ~160 characters with runs of whitespace made one space; '…' when cut. */
export function makeExcerpt(body: string): string {
  const head: string[] = [];
  let more = false;
  for (const char of body) {
    if (head.length === EXCERPT_SOURCE_CHARS) {
      more = true;
      break;
    }
    head.push(char);
  }
  const collapsed = Array.from(head.join('').replace(/\s+/gu, ' ').trim());
  if (collapsed.length <= EXCERPT_CHARS && !more) return collapsed.join('');
  return `${collapsed.slice(0, EXCERPT_CHARS).join('').trimEnd()}…`;
}

export function toSummary(row: NoteRow): NoteSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: makeExcerpt(row.body),
    tags: parseTags(row.tags),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    trashedAt: row.trashed_at,
  };
}

/** The stored content, or the plain text as paragraphs when it is missing or cannot be read. */
function readContent(row: NoteRow): { content: NoteDoc; contentUnreadable: boolean } {
  if (row.content === null)
    return { content: contentFromPlainText(row.body), contentUnreadable: false };
  try {
    const value: unknown = JSON.parse(row.content);
    if (isNoteDoc(value)) return { content: value, contentUnreadable: false };
  } catch {
    // Falls through to the plain text, which is always there.
  }
  return { content: contentFromPlainText(row.body), contentUnreadable: true };
}

export function toNote(row: NoteRow): Note {
  return { ...toSummary(row), body: row.body, ...readContent(row) };
}

/**
 * The content to store and its plain text, from what the caller gave: rich content, or plain text
 * (one paragraph a line). Checked here too, not only at the API boundary, since everything written
 * to notes.content must read back.
 */
export function bodyFrom(
  body: string,
  content: NoteDoc | undefined,
): { text: string; json: string } {
  const doc = content ?? contentFromPlainText(body);
  const problem = noteContentProblem(doc);
  if (problem !== null) throw new SuviazError('invalid-args', `content: ${problem}`);
  const text = plainTextOf(doc);
  if (text.length > LIMITS.noteBodyMaxChars) {
    throw new SuviazError(
      'invalid-args',
      `content: the note's text is too long (over ${LIMITS.noteBodyMaxChars} characters)`,
    );
  }
  return { text, json: JSON.stringify(doc) };
}
