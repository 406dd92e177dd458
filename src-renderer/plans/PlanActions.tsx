// What can be done with the whole plan: export it as Markdown or HTML, print it (Electron's print
// dialog offers "Save as PDF"; plans.css's print rules show only the plan), and duplicate it as a
// template for a new plan.
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import {
  exportFileName,
  exportTasks,
  planToHtml,
  planToMarkdown,
  type ExportLabels,
  type ExportPlan,
} from '../../src-shared/plans/plan-export';
import { duplicatePlan, listTasks } from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';
import { downloadFile } from './download-file';
import type { PlanAuthor } from './use-plan-author';

const EXPORTS = [
  { kind: 'md', testId: 'plan-export-md', label: 'plans.exportMarkdown' },
  { kind: 'html', testId: 'plan-export-html', label: 'plans.exportHtml' },
] as const;

interface PlanActionsProps {
  replica: DocReplica;
  planId: string;
  /** The title as shown (never empty). */
  title: string;
  space: SpaceSummary;
  editor: Editor | null;
  /** null when this user cannot make plans (duplicate is then not offered). */
  author: PlanAuthor | null;
  onOpenPlan: (planId: string) => void;
}

export function PlanActions(props: PlanActionsProps) {
  const { replica, planId, title, space, editor, author, onOpenPlan } = props;
  const { t, i18n } = useTranslation();

  function exported(): ExportPlan | null {
    if (!editor || editor.isDestroyed) return null;
    const nameOf = (deviceKey: string): string | null =>
      space.members.find((member) => member.deviceKey === deviceKey)?.name ?? null;
    return {
      title,
      body: editor.getJSON(),
      tasks: exportTasks(listTasks(replica.doc, planId), nameOf),
    };
  }

  const labels: ExportLabels = {
    language: i18n.language,
    tasks: t('plans.export.tasks'),
    due: t('plans.export.due'),
    assignee: t('plans.export.assignee'),
    statuses: {
      todo: t('plans.export.statuses.todo'),
      'in-progress': t('plans.export.statuses.in-progress'),
      blocked: t('plans.export.statuses.blocked'),
      done: t('plans.export.statuses.done'),
    },
  };

  function save(kind: 'md' | 'html'): void {
    const content = exported();
    if (!content) return;
    const name = exportFileName(content.title, kind);
    if (kind === 'md')
      downloadFile(name, planToMarkdown(content, labels), 'text/markdown;charset=utf-8');
    else downloadFile(name, planToHtml(content, labels), 'text/html;charset=utf-8');
  }

  return (
    <div className="plan-actions">
      {EXPORTS.map(({ kind, testId, label }) => (
        <button
          key={kind}
          type="button"
          data-testid={testId}
          disabled={!editor}
          title={t('plans.exportHint')}
          onClick={() => save(kind)}
        >
          {t(label)}
        </button>
      ))}
      <button type="button" data-testid="plan-print" onClick={() => window.print()}>
        {t('plans.print')}
      </button>
      {author && (
        <button
          type="button"
          data-testid="plan-duplicate"
          title={t('plans.duplicateHint')}
          onClick={() =>
            onOpenPlan(
              duplicatePlan(replica.doc, planId, {
                title: t('plans.copyTitle', { title }),
                by: author.deviceKey,
                at: Date.now(),
              }),
            )
          }
        >
          {t('plans.duplicate')}
        </button>
      )}
    </div>
  );
}
