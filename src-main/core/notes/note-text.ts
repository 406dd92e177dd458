// The plain text of a note's rich content, computed in main: what the search index, the snippets and
// the excerpts read. The renderer never sends it; it is always derived from the content stored.
import type { NoteJsonNode } from '../../../src-shared/notes/note-content';

/** Nodes that hold inline content: each becomes one line of the plain text. */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * Every textblock (paragraph, heading, code block, wherever it sits: list item, checklist item,
 * quote, table cell) is one line; a hard break is a line break; marks add nothing. So a note made
 * of paragraphs gives back exactly the lines it was made from, and no two words of different blocks
 * ever run together into one search token. Iterative, so no nesting can exhaust the stack.
 */
export function plainTextOf(doc: NoteJsonNode): string {
  const lines: string[] = [];
  let line: string[] | null = null;
  const stack: (NoteJsonNode | 'end-block')[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      lines.push((line ?? []).join(''));
      line = null;
      continue;
    }
    if (node.type === 'text') {
      // Text outside a textblock (not something the editor writes) still counts, as its own line.
      if (line) line.push(node.text ?? '');
      else lines.push(node.text ?? '');
      continue;
    }
    if (node.type === 'hardBreak') {
      if (line) line.push('\n');
      continue;
    }
    const children = node.content ?? [];
    if (TEXTBLOCKS.has(node.type) && line === null) {
      line = [];
      stack.push('end-block');
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return lines.join('\n');
}
