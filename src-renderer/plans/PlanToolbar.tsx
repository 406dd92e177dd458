// The plan editor's formatting buttons. Each has a name for screen readers and a tooltip with its
// shortcut; pressing one keeps the editor's focus and selection (mousedown does not steal them).
import type { ChainedCommands, Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { redo, undo } from 'y-prosemirror';
import { ariaBinding, bindingLabel } from './shortcut-label';

interface Tool {
  id: string;
  label: string;
  glyph: string;
  binding?: string;
  run: (editor: Editor) => void;
  /** Shown pressed when the selection has it. */
  active?: (editor: Editor) => boolean;
  /** Offered only where it applies (table rows and columns inside a table). */
  enabled?: (editor: Editor) => boolean;
}

interface PlanToolbarProps {
  editor: Editor;
  onLink: () => void;
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

function useTools(onLink: () => void): Tool[][] {
  const { t } = useTranslation();
  return [
    [
      {
        id: 'undo',
        label: t('plans.toolbar.undo'),
        glyph: '↶',
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
        glyph: '↷',
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
        glyph: 'B',
        binding: 'Mod-b',
        run: command((c) => c.toggleBold()),
        active: has('bold'),
      },
      {
        id: 'italic',
        label: t('plans.toolbar.italic'),
        glyph: 'I',
        binding: 'Mod-i',
        run: command((c) => c.toggleItalic()),
        active: has('italic'),
      },
    ],
    ([1, 2, 3] as const).map((level) => ({
      id: `heading-${level}`,
      label: t('plans.toolbar.heading', { level }),
      glyph: `H${level}`,
      binding: `Mod-Alt-${level}`,
      run: command((c) => c.toggleHeading({ level })),
      active: has('heading', { level }),
    })),
    [
      {
        id: 'bullet-list',
        label: t('plans.toolbar.bulletList'),
        glyph: '•',
        binding: 'Mod-Shift-8',
        run: command((c) => c.toggleBulletList()),
        active: has('bulletList'),
      },
      {
        id: 'ordered-list',
        label: t('plans.toolbar.orderedList'),
        glyph: '1.',
        binding: 'Mod-Shift-7',
        run: command((c) => c.toggleOrderedList()),
        active: has('orderedList'),
      },
      {
        id: 'task-list',
        label: t('plans.toolbar.taskList'),
        glyph: '☑',
        binding: 'Mod-Shift-9',
        run: command((c) => c.toggleTaskList()),
        active: has('taskList'),
      },
      {
        id: 'quote',
        label: t('plans.toolbar.quote'),
        glyph: '❝',
        binding: 'Mod-Shift-b',
        run: command((c) => c.toggleBlockquote()),
        active: has('blockquote'),
      },
      {
        id: 'link',
        label: t('plans.toolbar.link'),
        glyph: '🔗',
        binding: 'Mod-k',
        run: onLink,
        active: has('link'),
      },
    ],
    [
      {
        id: 'table',
        label: t('plans.toolbar.insertTable'),
        glyph: '▦',
        run: command((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })),
      },
      {
        id: 'table-row',
        label: t('plans.toolbar.addRow'),
        glyph: '+≡',
        run: command((c) => c.addRowAfter()),
        enabled: inTable,
      },
      {
        id: 'table-column',
        label: t('plans.toolbar.addColumn'),
        glyph: '+⫴',
        run: command((c) => c.addColumnAfter()),
        enabled: inTable,
      },
      {
        id: 'table-delete',
        label: t('plans.toolbar.deleteTable'),
        glyph: '⊠',
        run: command((c) => c.deleteTable()),
        enabled: inTable,
      },
    ],
  ];
}

export function PlanToolbar({ editor, onLink }: PlanToolbarProps) {
  const { t } = useTranslation();
  const groups = useTools(onLink);
  const tools = groups.flat();
  // Re-renders when what the buttons show changes, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      Object.fromEntries(
        tools.map((tool) => [
          tool.id,
          { active: tool.active?.(current) ?? null, enabled: tool.enabled?.(current) ?? true },
        ]),
      ),
  });

  return (
    <div className="plan-toolbar" role="toolbar" aria-label={t('plans.toolbar.label')}>
      {groups.map((group) => (
        <div className="plan-tool-group" key={group[0]?.id}>
          {group.map((tool) => {
            const shortcut = tool.binding ? bindingLabel(tool.binding) : null;
            const shown = state[tool.id];
            return (
              <button
                key={tool.id}
                type="button"
                className="plan-tool"
                data-testid={`plan-tool-${tool.id}`}
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
                onClick={() => tool.run(editor)}
              >
                <span aria-hidden="true">{tool.glyph}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
