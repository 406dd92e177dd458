// A private note's formatting buttons: one row of icons, a WAI-ARIA toolbar (one tab stop; the
// arrow keys, Home and End move between its buttons), styled and behaving like the plan editor's.
// Each has a name for screen readers and a tooltip with its shortcut; toggles say whether they are
// on (aria-pressed); pressing one keeps the editor's focus and selection.
import type { ChainedCommands, Editor } from '@tiptap/core';
import { redo, undo } from '@tiptap/pm/history';
import { useEditorState } from '@tiptap/react';
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
import { Fragment, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rovingIndex, tabStop } from '../plans/roving-focus';
import { ariaBinding, bindingLabel } from '../plans/shortcut-label';

interface Tool {
  id: string;
  label: string;
  icon: LucideIcon;
  binding: string;
  run: (editor: Editor) => void;
  /** Shown pressed when the selection has it. */
  active?: (editor: Editor) => boolean;
}

const command =
  (apply: (chain: ChainedCommands) => ChainedCommands) =>
  (editor: Editor): void =>
    void apply(editor.chain().focus()).run();

const has =
  (name: string, attributes?: Record<string, unknown>) =>
  (editor: Editor): boolean =>
    editor.isActive(name, attributes);

const HEADINGS = { 1: Heading1, 2: Heading2, 3: Heading3 } as const;

function useTools(onLink: () => void): Tool[][] {
  const { t } = useTranslation();
  return [
    [
      {
        id: 'undo',
        label: t('plans.toolbar.undo'),
        icon: Undo2,
        binding: 'Mod-z',
        run: (editor) => {
          undo(editor.state, editor.view.dispatch);
          editor.commands.focus();
        },
      },
      {
        id: 'redo',
        label: t('plans.toolbar.redo'),
        icon: Redo2,
        binding: 'Mod-Shift-z',
        run: (editor) => {
          redo(editor.state, editor.view.dispatch);
          editor.commands.focus();
        },
      },
    ],
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

export function NoteToolbar({ editor, onLink }: { editor: Editor; onLink: () => void }) {
  const { t } = useTranslation();
  const groups = useTools(onLink);
  const tools = groups.flat();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [current, setCurrent] = useState(0);
  // Re-renders when what the buttons show changes, not on every keystroke.
  const active = useEditorState({
    editor,
    selector: ({ editor: now }) =>
      Object.fromEntries(tools.map((tool) => [tool.id, tool.active?.(now) ?? null])),
  });
  const enabled = tools.map(() => true);
  const stop = tabStop(current, enabled);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = buttons.current.findIndex((button) => button === event.target);
    if (index === -1) return;
    const next = rovingIndex(event.key, index, enabled);
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  }

  let position = 0;
  return (
    <div
      className="plan-toolbar"
      role="toolbar"
      aria-label={t('plans.toolbar.label')}
      aria-orientation="horizontal"
      data-testid="note-toolbar"
      onKeyDown={onKeyDown}
    >
      {groups.map((group, groupIndex) => (
        <Fragment key={group[0]?.id}>
          {groupIndex > 0 && <span className="plan-tool-separator" aria-hidden="true" />}
          {group.map((tool) => {
            const index = position++;
            const shortcut = bindingLabel(tool.binding);
            const Icon = tool.icon;
            return (
              <button
                key={tool.id}
                ref={(button) => {
                  buttons.current[index] = button;
                }}
                type="button"
                className="plan-tool"
                data-testid={`note-tool-${tool.id}`}
                tabIndex={index === stop ? 0 : -1}
                aria-label={tool.label}
                title={t('plans.toolbar.withShortcut', { label: tool.label, shortcut })}
                aria-keyshortcuts={ariaBinding(tool.binding)}
                aria-pressed={active[tool.id] ?? undefined}
                onMouseDown={(event) => event.preventDefault()}
                onFocus={() => setCurrent(index)}
                onClick={() => tool.run(editor)}
              >
                <Icon aria-hidden="true" focusable="false" size={18} strokeWidth={2} />
              </button>
            );
          })}
        </Fragment>
      ))}
    </div>
  );
}
