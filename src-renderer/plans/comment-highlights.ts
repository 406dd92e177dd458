// Open comment threads' ranges, highlighted in the plan editor. The ranges are Yjs relative
// positions, so they are resolved again whenever the body changes from Yjs (a remote edit, undo,
// a restore); the user's own typing just maps the highlights along.
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from 'y-prosemirror';
import { positionOf } from './plan-anchors';

export interface CommentRange {
  anchor: string;
  head: string;
}

interface HighlightState {
  ranges: readonly CommentRange[];
  decorations: DecorationSet;
}

const highlightKey = new PluginKey<HighlightState>('planCommentHighlights');

function decorate(state: EditorState, ranges: readonly CommentRange[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const range of ranges) {
    const anchor = positionOf(state, range.anchor);
    const head = positionOf(state, range.head);
    if (anchor === null || head === null || anchor === head) continue;
    decorations.push(
      Decoration.inline(Math.min(anchor, head), Math.max(anchor, head), {
        class: 'plan-comment-range',
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

export function commentHighlightPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: () => ({ ranges: [], decorations: DecorationSet.empty }),
      apply(tr, previous, _oldState, state) {
        const ranges = tr.getMeta(highlightKey) as readonly CommentRange[] | undefined;
        if (ranges) return { ranges, decorations: decorate(state, ranges) };
        const sync = ySyncPluginKey.getState(state) as { isChangeOrigin?: boolean } | undefined;
        if (sync?.isChangeOrigin) {
          return { ranges: previous.ranges, decorations: decorate(state, previous.ranges) };
        }
        return {
          ranges: previous.ranges,
          decorations: previous.decorations.map(tr.mapping, tr.doc),
        };
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
    },
  });
}

export function showCommentRanges(view: EditorView, ranges: readonly CommentRange[]): void {
  view.dispatch(view.state.tr.setMeta(highlightKey, ranges));
}
