// The plan editor's formatting buttons: one row of icons, a WAI-ARIA toolbar (one tab stop; the
// arrow keys, Home and End move between its buttons). Each has a name for screen readers and a
// tooltip with its shortcut; toggles say whether they are on (aria-pressed); pressing one keeps the
// editor's focus and selection (mousedown does not steal them).
import type { ChainedCommands, Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import {
  BetweenHorizontalEnd,
  BetweenVerticalEnd,
  Bold,
  Grid2x2X,
  Heading1,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListChecks,
  ListOrdered,
  MessageSquarePlus,
  Quote,
  Redo2,
  Table,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { Fragment, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { redo, undo } from 'y-prosemirror';
import { rovingIndex, tabStop } from './roving-focus';
import { ariaBinding, bindingLabel } from './shortcut-label';

interface Tool {
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

interface PlanToolbarProps {
  editor: Editor;
  onLink: () => void;
  /** Starts a comment on the selection; absent when this user cannot comment. */
  onComment?: () => void;
}

const command =
  (apply: (chain: ChainedCommands) => ChainedCommands) =>
  (editor: Editor): void =>
    void apply(editor.chain().focus()).run();

const has =
  (name: string, attributes?: Record<string, unknown>) =>
  (editor: Editor): boolean =>
    editor.isActive(name, attributes);

const inTable = has('table');

const HEADINGS = { 1: Heading1, 2: Heading2, 3: Heading3 } as const;

function useTools(onLink: () => void, onComment?: () => void): Tool[][] {
  const { t } = useTranslation();
  return [
    [
      {
        id: 'undo',
        label: t('plans.toolbar.undo'),
        icon: Undo2,
        binding: 'Mod-z',
        // y-prosemirror's undo: only this user's own changes.
        run: (editor) => {
          undo(editor.state);
          editor.commands.focus();
        },
      },
      {
        id: 'redo',
        label: t('plans.toolbar.redo'),
        icon: Redo2,
        binding: 'Mod-Shift-z',
        run: (editor) => {
          redo(editor.state);
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
    [
      {
        id: 'table',
        label: t('plans.toolbar.insertTable'),
        icon: Table,
        run: command((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })),
      },
      {
        id: 'table-row',
        label: t('plans.toolbar.addRow'),
        icon: BetweenHorizontalEnd,
        run: command((c) => c.addRowAfter()),
        enabled: inTable,
        contextual: true,
      },
      {
        id: 'table-column',
        label: t('plans.toolbar.addColumn'),
        icon: BetweenVerticalEnd,
        run: command((c) => c.addColumnAfter()),
        enabled: inTable,
        contextual: true,
      },
      {
        id: 'table-delete',
        label: t('plans.toolbar.deleteTable'),
        icon: Grid2x2X,
        run: command((c) => c.deleteTable()),
        enabled: inTable,
        contextual: true,
      },
    ],
    ...(onComment
      ? [
          [
            {
              id: 'comment',
              label: t('plans.comments.add'),
              icon: MessageSquarePlus,
              binding: 'Mod-Alt-m',
              run: onComment,
              enabled: (editor: Editor) => !editor.state.selection.empty,
            },
          ],
        ]
      : []),
  ];
}

export function PlanToolbar({ editor, onLink, onComment }: PlanToolbarProps) {
  const { t } = useTranslation();
  const groups = useTools(onLink, onComment);
  const tools = groups.flat();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [current, setCurrent] = useState(0);
  // Re-renders when what the buttons show changes, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: now }) =>
      Object.fromEntries(
        tools.map((tool) => [
          tool.id,
          { active: tool.active?.(now) ?? null, enabled: tool.enabled?.(now) ?? true },
        ]),
      ),
  });
  const enabled = tools.map((tool) => state[tool.id]?.enabled !== false);
  // The one button Tab reaches: the last one used, or the first that can be used now.
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
      data-testid="plan-toolbar"
      onKeyDown={onKeyDown}
    >
      {groups.map((group, groupIndex) => (
        <Fragment key={group[0]?.id}>
          {groupIndex > 0 && <span className="plan-tool-separator" aria-hidden="true" />}
          {group.map((tool) => {
            const index = position++;
            if (tool.contextual && state[tool.id]?.enabled === false) return null;
            const shortcut = tool.binding ? bindingLabel(tool.binding) : null;
            const shown = state[tool.id];
            const Icon = tool.icon;
            return (
              <button
                key={tool.id}
                ref={(button) => {
                  buttons.current[index] = button;
                }}
                type="button"
                className="plan-tool"
                data-testid={`plan-tool-${tool.id}`}
                tabIndex={index === stop ? 0 : -1}
                aria-label={tool.label}
                title={
                  shortcut
                    ? t('plans.toolbar.withShortcut', { label: tool.label, shortcut })
                    : tool.label
                }
                aria-keyshortcuts={tool.binding ? ariaBinding(tool.binding) : undefined}
                aria-pressed={shown?.active ?? undefined}
                disabled={shown?.enabled === false}
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
