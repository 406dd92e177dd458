// A briefing body (the plan editor's ProseMirror JSON) seen as one text for leak-trace.ts, and a
// changed text put back into a copy of the same document. Blocks are joined by line breaks that
// belong to no node; code, inline code and link text are frozen (a swapped letter would break them).
import type { NoteDoc, NoteJsonNode } from '../../../src-shared/notes/note-content';

export interface FlatDoc {
  text: string;
  /** Per UTF-16 code unit: 1 where the text must not be marked. */
  frozen: Uint8Array;
}

const FROZEN_MARKS = new Set(['code', 'link']);

function walk(
  node: NoteJsonNode,
  inCode: boolean,
  visit: (textNode: NoteJsonNode, frozen: boolean) => void,
  separate: () => void,
): void {
  if (node.type === 'text') {
    visit(node, inCode || (node.marks ?? []).some((mark) => FROZEN_MARKS.has(mark.type)));
    return;
  }
  if (node.type === 'hardBreak') {
    separate();
    return;
  }
  const block = node.type !== 'doc';
  if (block) separate();
  for (const child of node.content ?? []) {
    walk(child, inCode || node.type === 'codeBlock', visit, separate);
  }
  if (block) separate();
}

/** The flat text, and each text node (in document order) with where its text starts in it. */
function layout(doc: NoteDoc): FlatDoc & { nodes: { node: NoteJsonNode; start: number }[] } {
  let text = '';
  const nodes: { node: NoteJsonNode; start: number }[] = [];
  const frozenRuns: [number, number][] = [];
  walk(
    doc,
    false,
    (node, frozen) => {
      const own = node.text ?? '';
      nodes.push({ node, start: text.length });
      if (frozen) frozenRuns.push([text.length, text.length + own.length]);
      text += own;
    },
    () => {
      if (text.length > 0 && !text.endsWith('\n')) text += '\n';
    },
  );
  const frozen = new Uint8Array(text.length);
  for (const [from, to] of frozenRuns) frozen.fill(1, from, to);
  return { text, frozen, nodes };
}

export function flattenDoc(doc: NoteDoc): FlatDoc {
  const { text, frozen } = layout(doc);
  return { text, frozen };
}

/**
 * A copy of `doc` whose text nodes hold the edited text: `edit(i)` is what replaces code unit i of
 * the flat text, including anything inserted after it. Text nodes left empty are dropped.
 */
export function rebuildDoc(doc: NoteDoc, edit: (index: number) => string): NoteDoc {
  const copy = structuredClone(doc);
  const emptied = new Set<NoteJsonNode>();
  // The clone has the same shape, so its text nodes come in the same order as the original's.
  for (const { node, start } of layout(copy).nodes) {
    const length = (node.text ?? '').length;
    let out = '';
    for (let i = start; i < start + length; i++) out += edit(i);
    node.text = out;
    if (out === '') emptied.add(node);
  }
  if (emptied.size > 0) prune(copy, emptied);
  return copy;
}

function prune(node: NoteJsonNode, emptied: Set<NoteJsonNode>): void {
  if (!node.content) return;
  node.content = node.content.filter((child) => !emptied.has(child));
  for (const child of node.content) prune(child, emptied);
}
