// The open plan editor as the side panels see it (PlanEditorHandle): where the cursor is, what is
// selected, and bringing a stored place back into view.
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { anchorAt, positionOf } from './plan-anchors';
import type { PlanEditorHandle } from './plan-editor-context';

/** Selects from anchor to head (or puts the cursor at anchor), scrolls there and focuses the editor. */
export function revealRange(editor: Editor, anchor: string, head: string | null): boolean {
  if (editor.isDestroyed) return false;
  const { state } = editor;
  const from = positionOf(state, anchor);
  if (from === null) return false;
  const to = (head === null ? null : positionOf(state, head)) ?? from;
  const selection = TextSelection.between(
    state.doc.resolve(Math.min(from, to)),
    state.doc.resolve(Math.max(from, to)),
  );
  editor.view.dispatch(state.tr.setSelection(selection).scrollIntoView());
  editor.view.focus();
  return true;
}

export function selectionText(editor: Editor): string {
  if (editor.isDestroyed) return '';
  const { from, to } = editor.state.selection;
  return editor.state.doc.textBetween(from, to, '\n', ' ');
}

export function planEditorHandle(editor: Editor): PlanEditorHandle {
  return {
    currentAnchor: () =>
      editor.isDestroyed ? null : anchorAt(editor.state, editor.state.selection.head),
    selectedText: () => selectionText(editor),
    revealAnchor: (anchor) => revealRange(editor, anchor, null),
  };
}
