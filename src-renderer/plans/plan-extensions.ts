// What a plan's body can hold (the schema both the live editor and a version's viewer use) and the
// live editor's binding to the shared document. The body is bound with y-prosemirror directly, so
// undo only undoes this user's own changes (y-prosemirror's UndoManager), and cursors come from the
// presence adapter's Awareness.
import { Extension, type AnyExtension } from '@tiptap/core';
import i18next from 'i18next';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { keymap } from '@tiptap/pm/keymap';
import StarterKit from '@tiptap/starter-kit';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { safeHref } from '../../src-shared/plans/plan-export';
import { commentHighlightPlugin } from './comment-highlights';
import { peerCursor, peerSelection } from './peer-cursor';

const allowedLink = (url: string): boolean => safeHref(url) !== null;

/** The nodes and marks of a plan. */
export function planContentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // y-prosemirror's undo replaces ProseMirror's history, which would undo colleagues' edits.
      undoRedo: false,
      // It appends a paragraph after every remote change that ends in a list or table: two
      // members' editors would each add one.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: allowedLink,
        shouldAutoLink: allowedLink,
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    TaskList,
    TaskItem.configure({
      nested: true,
      // TipTap's own label is English; screen readers hear the app's language.
      a11y: {
        checkboxLabel: (node) => {
          const text = node.textContent.trim();
          return text
            ? i18next.t('plans.toolbar.checkItem', { text })
            : i18next.t('plans.toolbar.checkItemEmpty');
        },
      },
    }),
  ];
}

export interface PlanBindingOptions {
  body: Y.XmlFragment;
  awareness: Awareness;
  /** Mod-Alt-m: comment on the selection. */
  onComment: () => void;
  /** Mod-k: add or change a link. */
  onLink: () => void;
}

/** The editor's binding to the plan's Y.XmlFragment, the cursors, undo and the plan's shortcuts. */
export function planBinding(options: PlanBindingOptions): AnyExtension {
  return Extension.create({
    name: 'planBinding',
    addProseMirrorPlugins() {
      const editor = this.editor;
      return [
        ySyncPlugin(options.body),
        yCursorPlugin(options.awareness, {
          cursorBuilder: peerCursor,
          selectionBuilder: peerSelection,
        }),
        yUndoPlugin(),
        // After the sync plugin: it resolves the comments' Yjs positions with its mapping.
        commentHighlightPlugin(),
        keymap({
          'Mod-z': undo,
          'Mod-Shift-z': redo,
          'Mod-y': redo,
          'Mod-Alt-m': () => {
            options.onComment();
            return true;
          },
          'Mod-k': () => {
            if (!editor.isEditable) return false;
            options.onLink();
            return true;
          },
        }),
      ];
    },
  });
}
