// The buttons a rich-text toolbar is made of, and the groups the plan editor and private notes
// share: undo/redo (each editor brings its own history), bold and italic, headings, lists, quote
// and link.
import type { ChainedCommands, Editor } from '@tiptap/core';
import {
  Bold,
  Heading1,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListChecks,
  ListOrdered,
  Quote,
  Redo2,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';

export interface Tool {
  id: string;
  label: string;
  icon: LucideIcon;
  binding?: string;
  run: (editor: Editor) => void;
  /** Shown pressed when the selection has it. */
  active?: (editor: Editor) => boolean;
  /** Usable only where it applies (table rows and columns inside a table). */
  enabled?: (editor: Editor) => boolean;
  /** Shown only while enabled, so the row stays short (the table's own buttons). */
  contextual?: boolean;
}

/** Runs a chain of editor commands, keeping the editor's focus. */
export const command =
  (apply: (chain: ChainedCommands) => ChainedCommands) =>
  (editor: Editor): void =>
    void apply(editor.chain().focus()).run();

/** Whether the selection has this mark or node (with these attributes). */
export const has =
  (name: string, attributes?: Record<string, unknown>) =>
  (editor: Editor): boolean =>
    editor.isActive(name, attributes);

const HEADINGS = { 1: Heading1, 2: Heading2, 3: Heading3 } as const;

/** Undo and redo through the editor's own history; focus goes back to the editor. */
export function useHistoryTools(
  undo: (editor: Editor) => void,
  redo: (editor: Editor) => void,
): Tool[] {
  const { t } = useTranslation();
  return [
    {
      id: 'undo',
      label: t('plans.toolbar.undo'),
      icon: Undo2,
      binding: 'Mod-z',
      run: (editor) => {
        undo(editor);
        editor.commands.focus();
      },
    },
    {
      id: 'redo',
      label: t('plans.toolbar.redo'),
      icon: Redo2,
      binding: 'Mod-Shift-z',
      run: (editor) => {
        redo(editor);
        editor.commands.focus();
      },
    },
  ];
}

/** Bold and italic; headings 1–3; lists, quote and link (which opens the caller's link dialog). */
export function useFormattingTools(onLink: () => void): Tool[][] {
  const { t } = useTranslation();
  return [
    [
      {
        id: 'bold',
        label: t('plans.toolbar.bold'),
        icon: Bold,
        binding: 'Mod-b',
        run: command((c) => c.toggleBold()),
        active: has('bold'),
      },
      {
        id: 'italic',
        label: t('plans.toolbar.italic'),
        icon: Italic,
        binding: 'Mod-i',
        run: command((c) => c.toggleItalic()),
        active: has('italic'),
      },
    ],
    ([1, 2, 3] as const).map((level) => ({
      id: `heading-${level}`,
      label: t('plans.toolbar.heading', { level }),
      icon: HEADINGS[level],
      binding: `Mod-Alt-${level}`,
      run: command((c) => c.toggleHeading({ level })),
      active: has('heading', { level }),
    })),
    [
      {
        id: 'bullet-list',
        label: t('plans.toolbar.bulletList'),
        icon: List,
        binding: 'Mod-Shift-8',
        run: command((c) => c.toggleBulletList()),
        active: has('bulletList'),
      },
      {
        id: 'ordered-list',
        label: t('plans.toolbar.orderedList'),
        icon: ListOrdered,
        binding: 'Mod-Shift-7',
        run: command((c) => c.toggleOrderedList()),
        active: has('orderedList'),
      },
      {
        id: 'task-list',
        label: t('plans.toolbar.taskList'),
        icon: ListChecks,
        binding: 'Mod-Shift-9',
        run: command((c) => c.toggleTaskList()),
        active: has('taskList'),
      },
      {
        id: 'quote',
        label: t('plans.toolbar.quote'),
        icon: Quote,
        binding: 'Mod-Shift-b',
        run: command((c) => c.toggleBlockquote()),
        active: has('blockquote'),
      },
      {
        id: 'link',
        label: t('plans.toolbar.link'),
        icon: Link,
        binding: 'Mod-k',
        run: onLink,
        active: has('link'),
      },
    ],
  ];
}
