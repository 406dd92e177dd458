// A briefing body's plain text, a line per block: what the read view shows when the body's
// structure does not fit the editor's rules.
import type { NoteJsonNode } from '../../src-shared/notes/note-content';

/** The text of a body, a line per block, for the fallback. */
export function plainTextOf(node: NoteJsonNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(plainTextOf);
  const blocky = (node.content ?? []).some(
    (child) => child.type !== 'text' && child.type !== 'hardBreak',
  );
  return inner.join(blocky ? '\n' : '');
}
