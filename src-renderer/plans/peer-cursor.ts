// How another member's cursor and selection look in the plan editor. The renderer's CSP forbids
// style attributes, so colours are classes (plan-peer-colour-N in plans.css) rather than the inline
// styles y-prosemirror's default builders write. The name goes in as text, never as HTML.
import type { DecorationAttrs } from '@tiptap/pm/view';
import { cursorLabel } from './plan-labels';
import { CURSOR_COLOURS } from './presence-awareness';

interface PeerUser {
  name?: unknown;
  color?: unknown;
}

function colourClass(user: PeerUser): string {
  const index = CURSOR_COLOURS.findIndex((colour) => colour === user.color);
  return `plan-peer-colour-${Math.max(index, 0)}`;
}

/** The caret: a coloured bar with the member's (shortened) name above it (span.plan-peer-cursor-label). */
export function peerCursor(user: PeerUser): HTMLElement {
  const cursor = document.createElement('span');
  cursor.className = `ProseMirror-yjs-cursor plan-peer-cursor ${colourClass(user)}`;
  cursor.setAttribute('data-testid', 'plan-peer-cursor');
  const label = document.createElement('span');
  label.className = 'plan-peer-cursor-label';
  label.setAttribute('contenteditable', 'false');
  // One line, shortened with an ellipsis; the whole name is the label's tooltip.
  const name = typeof user.name === 'string' ? user.name : '';
  label.textContent = cursorLabel(name);
  if (name) label.title = name;
  // Word joiners keep the caret from breaking the line around it (as y-prosemirror's own does).
  cursor.append('\u2060', label, '\u2060');
  return cursor;
}

export function peerSelection(user: PeerUser): DecorationAttrs {
  return { class: `ProseMirror-yjs-selection plan-peer-selection ${colourClass(user)}` };
}
