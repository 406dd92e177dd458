// The plan editor's formatting buttons (see RichTextToolbar): the shared undo/redo and formatting
// groups, then tables (whose row, column and delete buttons show only inside a table) and comments.
import type { Editor } from '@tiptap/core';
import {
  BetweenHorizontalEnd,
  BetweenVerticalEnd,
  Grid2x2X,
  MessageSquarePlus,
  Table,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { redo, undo } from 'y-prosemirror';
import { RichTextToolbar } from '../components/rich-text-toolbar/RichTextToolbar';
import {
  command,
  has,
  useFormattingTools,
  useHistoryTools,
  type Tool,
} from '../components/rich-text-toolbar/tools';

interface PlanToolbarProps {
  editor: Editor;
  onLink: () => void;
  /** Starts a comment on the selection; absent when this user cannot comment. */
  onComment?: () => void;
}

const inTable = has('table');

function useTools(onLink: () => void, onComment?: () => void): Tool[][] {
  const { t } = useTranslation();
  // y-prosemirror's undo: only this user's own changes.
  const history = useHistoryTools(
    (editor) => undo(editor.state),
    (editor) => redo(editor.state),
  );
  const formatting = useFormattingTools(onLink);
  return [
    history,
    ...formatting,
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
  const groups = useTools(onLink, onComment);
  return (
    <RichTextToolbar editor={editor} groups={groups} testId="plan-toolbar" toolTestId="plan-tool" />
  );
}
