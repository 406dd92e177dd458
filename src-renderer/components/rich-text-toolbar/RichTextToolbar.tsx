// A rich-text editor's buttons: one row of icons, a WAI-ARIA toolbar (one tab stop; the arrow keys,
// Home and End move between its buttons). Each has a name for screen readers and a tooltip with its
// shortcut; toggles say whether they are on (aria-pressed); pressing one keeps the editor's focus
// and selection (mousedown does not steal them).
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Fragment, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rovingIndex, tabStop } from '../../plans/roving-focus';
import { ariaBinding, bindingLabel } from '../../plans/shortcut-label';
import type { Tool } from './tools';

interface RichTextToolbarProps {
  editor: Editor;
  /** The buttons, a separator between groups. */
  groups: Tool[][];
  /** The toolbar's data-testid; each button's is `${toolTestId}-${tool.id}`. */
  testId: string;
  toolTestId: string;
}

export function RichTextToolbar({ editor, groups, testId, toolTestId }: RichTextToolbarProps) {
  const { t } = useTranslation();
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
      data-testid={testId}
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
                data-testid={`${toolTestId}-${tool.id}`}
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
