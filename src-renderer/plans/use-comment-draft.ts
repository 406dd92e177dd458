// The comment being written: the selection it is about, taken when the user asks to comment (the
// button or Mod-Alt-m), so clicking into the comment box, which moves focus, does not lose it.
import type { Editor } from '@tiptap/core';
import { useCallback, useState } from 'react';
import { LIMITS } from '../../src-shared/limits';
import { anchorAt } from './plan-anchors';
import { selectionText } from './plan-editor-handle';

export interface CommentDraft {
  anchor: string;
  head: string;
  quote: string;
}

export function useCommentDraft(editor: Editor | null, allowed: boolean) {
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const start = useCallback((): void => {
    if (!editor || editor.isDestroyed || !allowed) return;
    const { from, to, empty } = editor.state.selection;
    if (empty) return;
    const anchor = anchorAt(editor.state, from);
    const head = anchorAt(editor.state, to);
    if (!anchor || !head) return;
    setDraft({ anchor, head, quote: selectionText(editor).slice(0, LIMITS.plans.quoteMaxChars) });
  }, [editor, allowed]);
  const cancel = useCallback(() => setDraft(null), []);
  return { draft, start, cancel };
}
