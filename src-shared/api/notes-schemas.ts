// The private notes' part of the API contract (src-shared/api.ts registers the methods): notes,
// their rich text, tags and search hits.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { noteContentProblem, type NoteDoc } from '../notes/note-content';

export const NoteId = z.string().regex(/^[0-9a-f]{32}$/, 'not a note id');
export const Tag = z.string().trim().min(1).max(LIMITS.tagMaxChars);

export const NoteSummary = z.object({
  id: NoteId,
  title: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  trashedAt: z.number().nullable(),
});
/**
 * A note's rich text: the editor's ProseMirror JSON, checked node by node (note-content.ts) so a
 * refusal names what was wrong and where.
 */
export const NoteContent = z.custom<NoteDoc>().superRefine((value, ctx) => {
  const problem = noteContentProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
export const Note = NoteSummary.extend({
  /** The plain text main extracted from the content: what search indexes and excerpts show. */
  body: z.string(),
  content: NoteContent,
  /** The stored formatting could not be read: content is the plain text, one paragraph a line. */
  contentUnreadable: z.boolean(),
});

/** Snippet text marks matches between these two control characters; the renderer turns them into <mark>. */
export const SNIPPET_MARK_START = '\u0002';
export const SNIPPET_MARK_END = '\u0003';
export const SearchHit = z.object({
  id: NoteId,
  title: z.string(),
  snippet: z.string(),
  tags: z.array(z.string()),
  updatedAt: z.number(),
});

export const TagCount = z.object({ tag: z.string(), count: z.number().int() });

/** The editable fields of notes.create and notes.update (api.ts builds both argument schemas from them). */
export const NoteText = {
  title: z.string().max(LIMITS.noteTitleMaxChars),
  /** Plain text, stored as one paragraph a line; the editor sends content instead. */
  body: z.string().max(LIMITS.noteBodyMaxChars),
  /** Rich text; main computes the plain text for search from it and never takes it from outside. */
  content: NoteContent,
  tags: z.array(Tag).max(LIMITS.tagsPerNote),
};
export const oneBody = (args: { body?: unknown; content?: unknown }) =>
  args.body === undefined || args.content === undefined;
export const ONE_BODY = { message: 'give body or content, not both', path: ['content'] };

export type NoteSummary = z.infer<typeof NoteSummary>;
export type Note = z.infer<typeof Note>;
export type SearchHit = z.infer<typeof SearchHit>;
export type TagCount = z.infer<typeof TagCount>;
