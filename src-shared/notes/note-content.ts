// A private note's rich text as it crosses the API and is stored: the editor's ProseMirror JSON
// (TipTap's getJSON()). The check here is what main refuses at the boundary: a known node or mark
// type only, attribute values of plain types, links only to http, https and mailto, bounded depth
// and size. It is structural, not ProseMirror's full content rules; the editor checks those itself
// when it loads a note and falls back to the plain text when they do not hold.
import { LIMITS } from '../limits';
import { safeHref } from '../plans/plan-export-model';

/** An attribute value as TipTap writes them (heading level, checked, colwidth, href…). */
export type NoteAttrValue = string | number | boolean | null | (number | null)[];

export interface NoteJsonMark {
  type: string;
  attrs?: Record<string, NoteAttrValue>;
}

export interface NoteJsonNode {
  type: string;
  attrs?: Record<string, NoteAttrValue>;
  content?: NoteJsonNode[];
  marks?: NoteJsonMark[];
  text?: string;
}

/** A whole note body: a node of type 'doc'. */
export type NoteDoc = NoteJsonNode & { type: 'doc' };

/**
 * Every node type the note editor can produce (the plan editor's extensions, src-renderer/plans/
 * plan-extensions.ts; a unit test keeps the two lists equal).
 */
export const NOTE_NODE_TYPES: ReadonlySet<string> = new Set([
  'doc',
  'paragraph',
  'text',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
]);

export const NOTE_MARK_TYPES: ReadonlySet<string> = new Set([
  'bold',
  'italic',
  'strike',
  'code',
  'underline',
  'link',
]);

const MAX_ATTRS = 16;
const MAX_ATTR_KEY_CHARS = 64;
const MAX_ATTR_STRING_CHARS = 2048;
const MAX_ATTR_ARRAY = 100;
const MAX_MARKS = 16;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function attrsProblem(attrs: unknown, where: string): string | null {
  if (attrs === undefined) return null;
  if (!isRecord(attrs)) return `${where}: attrs is not an object`;
  const entries = Object.entries(attrs);
  if (entries.length > MAX_ATTRS) return `${where}: too many attributes`;
  for (const [key, value] of entries) {
    if (key.length > MAX_ATTR_KEY_CHARS) return `${where}: attribute name too long`;
    const fine =
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.length <= MAX_ATTR_STRING_CHARS) ||
      (Array.isArray(value) &&
        value.length <= MAX_ATTR_ARRAY &&
        value.every(
          (item) => item === null || (typeof item === 'number' && Number.isFinite(item)),
        ));
    if (!fine) return `${where}: attribute "${key}" has a value a note cannot hold`;
  }
  return null;
}

function marksProblem(marks: unknown, where: string): string | null {
  if (marks === undefined) return null;
  if (!Array.isArray(marks) || marks.length > MAX_MARKS)
    return `${where}: marks is not a short list`;
  for (const [i, mark] of marks.entries()) {
    const at = `${where}.marks.${i}`;
    if (!isRecord(mark) || typeof mark.type !== 'string') return `${at}: not a mark`;
    if (!NOTE_MARK_TYPES.has(mark.type))
      return `${at}: unknown mark type "${mark.type.slice(0, 40)}"`;
    const problem = attrsProblem(mark.attrs, at);
    if (problem) return problem;
    if (mark.type === 'link' && safeHref(isRecord(mark.attrs) ? mark.attrs.href : null) === null) {
      return `${at}: a link must be an http, https or mailto address`;
    }
    for (const key of Object.keys(mark)) {
      if (key !== 'type' && key !== 'attrs') return `${at}: unexpected field "${key.slice(0, 40)}"`;
    }
  }
  return null;
}

function nodeProblem(node: unknown, where: string, depth: number): string | null {
  if (depth > LIMITS.noteContentMaxDepth) return `${where}: nested too deeply`;
  if (!isRecord(node) || typeof node.type !== 'string') return `${where}: not a node`;
  if (!NOTE_NODE_TYPES.has(node.type))
    return `${where}: unknown node type "${node.type.slice(0, 40)}"`;
  if (depth > 0 && node.type === 'doc') return `${where}: a document inside a document`;
  for (const key of Object.keys(node)) {
    if (!['type', 'attrs', 'content', 'marks', 'text'].includes(key)) {
      return `${where}: unexpected field "${key.slice(0, 40)}"`;
    }
  }
  const problem = attrsProblem(node.attrs, where) ?? marksProblem(node.marks, where);
  if (problem) return problem;
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text === '')
      return `${where}: text node without text`;
    if (node.content !== undefined) return `${where}: a text node has no content`;
    return null;
  }
  if (node.text !== undefined) return `${where}: only a text node has text`;
  if (node.content === undefined) return null;
  if (!Array.isArray(node.content)) return `${where}: content is not a list`;
  for (const [i, child] of node.content.entries()) {
    const childProblem = nodeProblem(child, `${where}.content.${i}`, depth + 1);
    if (childProblem) return childProblem;
  }
  return null;
}

/**
 * Why this value is not a note body main accepts, or null when it is one. The message names the
 * place ("content.2.content.0: unknown node type \"script\"") so a refusal says what was wrong.
 */
export function noteContentProblem(value: unknown): string | null {
  if (!isRecord(value) || value.type !== 'doc') return 'not a note document (type "doc")';
  const problem = nodeProblem(value, 'content', 0);
  if (problem) return problem;
  if (JSON.stringify(value).length > LIMITS.noteContentMaxChars) {
    return `the note is too long (over ${LIMITS.noteContentMaxChars} characters with its formatting)`;
  }
  return null;
}

export function isNoteDoc(value: unknown): value is NoteDoc {
  return noteContentProblem(value) === null;
}

/** Plain text as a note body: one paragraph per line, an empty line an empty paragraph. */
export function contentFromPlainText(text: string): NoteDoc {
  return {
    type: 'doc',
    content: text
      .split(/\r\n|\r|\n/u)
      .map((line) =>
        line === ''
          ? { type: 'paragraph' }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  };
}
