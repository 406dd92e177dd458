// What changed between a version of a plan and the plan as it is now, for the comparison view: the
// text of each block (paragraph, heading, list item, table cell…), matched block to block, and in a
// changed block the words inserted and deleted. Pure, so it is tested without an editor.
//
// Blocks are matched by a longest common subsequence after their common start and end are set aside
// (an edit touches a few blocks of many); inside a block, a pure insertion or removal comes straight
// from diffText (shared-doc/text-diff.ts), anything else from a word-level subsequence. Both stop
// matching past MAX_CELLS and report the rest as removed and inserted, so a huge rewrite stays fast.
import type { JSONContent } from '@tiptap/core';
import { diffText } from '../shared-doc/text-diff';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'quote' | 'code' | 'cell';

export interface PlanBlock {
  kind: BlockKind;
  /** Heading level (1–3); 0 for other blocks. */
  level: number;
  text: string;
}

/** A run of text and how it changed: 'ins' is only in the current plan, 'del' only in the version. */
export interface DiffSegment {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

export interface DiffRow {
  /** same: unchanged block; ins/del: a whole block added or removed; changed: words inside it. */
  kind: 'same' | 'ins' | 'del' | 'changed';
  block: PlanBlock;
  segments: DiffSegment[];
}

const MAX_CELLS = 250_000;

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join('');
}

const CONTAINERS: Record<string, BlockKind> = {
  listItem: 'item',
  taskItem: 'item',
  blockquote: 'quote',
  tableCell: 'cell',
  tableHeader: 'cell',
};

/** The plan's text blocks in reading order; empty paragraphs are left out. */
export function planBlocks(doc: JSONContent): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  const walk = (node: JSONContent, inside: BlockKind | null): void => {
    const type = node.type ?? '';
    if (type === 'paragraph' || type === 'heading' || type === 'codeBlock') {
      const text = textOf(node);
      if (!text.trim()) return;
      const level = type === 'heading' ? Number(node.attrs?.level) || 1 : 0;
      const kind: BlockKind =
        type === 'heading' ? 'heading' : type === 'codeBlock' ? 'code' : (inside ?? 'paragraph');
      blocks.push({ kind, level, text });
      return;
    }
    for (const child of node.content ?? []) walk(child, CONTAINERS[type] ?? inside);
  };
  walk(doc, null);
  return blocks;
}

/** Longest common subsequence of a and b as pairs of indices; null when it would cost too much. */
function commonPairs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) {
  if (a.length * b.length > MAX_CELLS) return null;
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = same(a[i] as T, b[j] as T)
        ? (table[(i + 1) * width + j + 1] ?? 0) + 1
        : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i] as T, b[j] as T)) {
      pairs.push([i++, j++]);
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/** Pairs of equal items: the common start and end, and a subsequence of what is between. */
function matchAll<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start] as T, b[start] as T)) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    same(a[a.length - 1 - end] as T, b[b.length - 1 - end] as T)
  ) {
    end++;
  }
  const middle =
    commonPairs(a.slice(start, a.length - end), b.slice(start, b.length - end), same) ?? [];
  const pairs: [number, number][] = [];
  for (let k = 0; k < start; k++) pairs.push([k, k]);
  for (const [i, j] of middle) pairs.push([i + start, j + start]);
  for (let k = end; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

function push(segments: DiffSegment[], kind: DiffSegment['kind'], text: string): void {
  if (!text) return;
  const last = segments[segments.length - 1];
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/gu) ?? [];

const isSpace = (char: string | undefined): boolean => char === undefined || /\s/u.test(char);
const inPair = (text: string, at: number): boolean =>
  /[\udc00-\udfff]/u.test(text.charAt(at)) && /[\ud800-\udbff]/u.test(text.charAt(at - 1));

/**
 * A pure insertion or removal of `run` at `index` of `before` can often sit at several places with
 * the same result ("one two three" → "one three": "two " or "wo t"). The one chosen starts a word,
 * so the marks fall on whole words; else diffText's own place is kept.
 */
function wordAligned(before: string, index: number, run: string, removed: boolean) {
  const length = run.length;
  let at = index;
  let text = run;
  // Slide as far left as the same result allows, then look rightwards for a word start.
  while (at > 0 && before[at - 1] === text[length - 1]) {
    text = (before[at - 1] ?? '') + text.slice(0, -1);
    at--;
  }
  for (;;) {
    if (isSpace(before[at - 1]) && !inPair(before, at) && !inPair(text, 0)) return { at, text };
    const next = removed ? before[at + length] : before[at];
    if (next === undefined || next !== text[0]) return { at: index, text: run };
    text = text.slice(1) + next;
    at++;
  }
}

/** The words of before and after, each kept, deleted (only in before) or inserted (only in after). */
export function diffWords(before: string, after: string): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const change = diffText(before, after);
  if (change.deleteCount === 0 || change.insert === '') {
    // One insertion or one removal (the usual edit): where diffText finds it, on a word start.
    const removed = change.deleteCount > 0;
    const run = removed
      ? before.slice(change.index, change.index + change.deleteCount)
      : change.insert;
    const { at, text } = wordAligned(before, change.index, run, removed);
    push(segments, 'same', before.slice(0, at));
    push(segments, removed ? 'del' : 'ins', text);
    push(segments, 'same', before.slice(removed ? at + text.length : at));
    return segments;
  }
  const a = tokens(before);
  const b = tokens(after);
  let i = 0;
  let j = 0;
  for (const [mi, mj] of matchAll(a, b, (x, y) => x === y)) {
    while (i < mi) push(segments, 'del', a[i++] ?? '');
    while (j < mj) push(segments, 'ins', b[j++] ?? '');
    push(segments, 'same', a[i++] ?? '');
    j++;
  }
  while (i < a.length) push(segments, 'del', a[i++] ?? '');
  while (j < b.length) push(segments, 'ins', b[j++] ?? '');
  return segments;
}

const sameBlock = (x: PlanBlock, y: PlanBlock): boolean =>
  x.kind === y.kind && x.level === y.level && x.text === y.text;

/**
 * The rows of the comparison: every block of the version (before) and of the current plan (after)
 * once, in order. Between two unchanged blocks, removed and added blocks are paired in order as
 * "changed" (a paragraph that was edited), and what is left over is a whole removal or addition.
 */
export function diffBlocks(before: readonly PlanBlock[], after: readonly PlanBlock[]): DiffRow[] {
  const rows: DiffRow[] = [];
  const gap = (removed: readonly PlanBlock[], added: readonly PlanBlock[]): void => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      const block = added[k] as PlanBlock;
      rows.push({
        kind: 'changed',
        block,
        segments: diffWords((removed[k] as PlanBlock).text, block.text),
      });
    }
    for (const block of removed.slice(paired)) {
      rows.push({ kind: 'del', block, segments: [{ kind: 'del', text: block.text }] });
    }
    for (const block of added.slice(paired)) {
      rows.push({ kind: 'ins', block, segments: [{ kind: 'ins', text: block.text }] });
    }
  };
  let i = 0;
  let j = 0;
  for (const [mi, mj] of matchAll(before, after, sameBlock)) {
    gap(before.slice(i, mi), after.slice(j, mj));
    const block = after[mj] as PlanBlock;
    rows.push({ kind: 'same', block, segments: [{ kind: 'same', text: block.text }] });
    i = mi + 1;
    j = mj + 1;
  }
  gap(before.slice(i), after.slice(j));
  return rows;
}

/** How many runs were inserted and deleted: the summary above the comparison. */
export function countChanges(rows: readonly DiffRow[]): { insertions: number; deletions: number } {
  let insertions = 0;
  let deletions = 0;
  for (const row of rows) {
    for (const segment of row.segments) {
      if (segment.kind === 'ins') insertions++;
      if (segment.kind === 'del') deletions++;
    }
  }
  return { insertions, deletions };
}

/** The HTML element a segment is shown in: <ins> and <del> carry the meaning without colour. */
export function segmentElement(kind: DiffSegment['kind']): 'ins' | 'del' | 'span' {
  return kind === 'same' ? 'span' : kind;
}
