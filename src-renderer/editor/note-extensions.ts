// What a private note's body can hold: the plan editor's nodes and marks (headings, lists,
// checklists, quotes, links, tables), so notes and plans are written the same way; plus what a
// plan gets from its shared document and a note needs of its own: ProseMirror's undo history (a
// note has one author) and Mod-k for the link dialog.
import { Extension, getSchema, type AnyExtension } from '@tiptap/core';
import { history, redo, undo } from '@tiptap/pm/history';
import { keymap } from '@tiptap/pm/keymap';
import type { Schema } from '@tiptap/pm/model';
import { planContentExtensions } from '../plans/plan-extensions';

export interface NoteExtensionOptions {
  /** Mod-k: add or change a link. */
  onLink: () => void;
}

export function noteExtensions(options: NoteExtensionOptions): AnyExtension[] {
  return [
    ...planContentExtensions(),
    Extension.create({
      name: 'noteHistory',
      addProseMirrorPlugins() {
        const editor = this.editor;
        return [
          history(),
          keymap({
            'Mod-z': undo,
            'Mod-Shift-z': redo,
            'Mod-y': redo,
            'Mod-k': () => {
              if (!editor.isEditable) return false;
              options.onLink();
              return true;
            },
          }),
        ];
      },
    }),
  ];
}

/** The note schema, for checking stored content before the editor takes it. */
export function noteSchema(): Schema {
  return getSchema(noteExtensions({ onLink: () => undefined }));
}

/** True when the JSON is a document ProseMirror accepts under this schema, content rules included. */
export function fitsSchema(schema: Schema, json: unknown): boolean {
  try {
    schema.nodeFromJSON(json).check();
    return true;
  } catch {
    return false;
  }
}
