// One open campaign plan: its title, the rich-text editor bound to the space's shared document
// (with other members' cursors), and beside it the plan's tasks, comments and versions; or, while a
// version is open, that version side by side with the current text.
import { EditorContent } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { renamePlan, restoreVersion, type PlanVersion } from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';
import { canWrite } from '../spaces/space-access';
import { PlanTasksPanel } from '../tasks/PlanTasksPanel';
import { CommentsPanel } from './CommentsPanel';
import { LinkDialog } from './LinkDialog';
import { PlanActions } from './PlanActions';
import { PlanToolbar } from './PlanToolbar';
import { VersionCompare } from './VersionCompare';
import { VersionsPanel } from './VersionsPanel';
import { saveAutoVersionIfChanged } from './auto-version';
import { PlanEditorContext } from './plan-editor-context';
import { planEditorHandle } from './plan-editor-handle';
import { useAutoVersions } from './use-auto-versions';
import { useCommentDraft } from './use-comment-draft';
import type { PlanAuthor } from './use-plan-author';
import { usePlanEditorInstance } from './use-plan-editor-instance';
import { usePlanTitle } from './use-plan-title';

interface PlanViewProps {
  replica: DocReplica;
  planId: string;
  space: SpaceSummary;
  author: PlanAuthor | null;
  onBack: () => void;
  onOpenPlan: (planId: string) => void;
}

export function PlanView(props: PlanViewProps) {
  const { t } = useTranslation();
  const title = usePlanTitle(props.replica, props.planId);
  if (title === null) {
    return (
      <div className="plan-view" data-testid="plan-view">
        <BackButton onBack={props.onBack} />
        <p className="editor-empty" data-testid="plan-missing">
          {t('plans.missing')}
        </p>
      </div>
    );
  }
  return <OpenPlan {...props} title={title} />;
}

function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="plan-back"
      data-testid="plan-back"
      aria-label={t('plans.backLabel')}
      onClick={onBack}
    >
      ← {t('plans.back')}
    </button>
  );
}

function OpenPlan(props: PlanViewProps & { title: string }) {
  const { replica, planId, space, author, onBack, onOpenPlan } = props;
  const { t } = useTranslation();
  const readOnly = !canWrite(space);
  // Writing comments, versions and plans needs this device's key as their author.
  const writer = readOnly ? null : author;
  const [linking, setLinking] = useState(false);
  const [comparing, setComparing] = useState<PlanVersion | null>(null);
  const [status, setStatus] = useState('');
  const title = props.title.trim() || t('plans.untitled');
  const comment = useRef<() => void>(() => undefined);
  const editor = usePlanEditorInstance({
    replica,
    planId,
    editable: !readOnly,
    myDeviceKey: author?.deviceKey ?? null,
    label: t('plans.editorLabel', { title }),
    unnamed: t('presence.noName'),
    onComment: () => comment.current(),
    onLink: () => setLinking(true),
  });
  const draft = useCommentDraft(editor, writer !== null);
  useEffect(() => {
    comment.current = () => {
      // The comment box is in the panels, which a comparison covers.
      setComparing(null);
      draft.start();
    };
  });
  const handle = useMemo(() => editor && planEditorHandle(editor), [editor]);
  useAutoVersions(replica, planId, writer);

  function restore(version: PlanVersion): void {
    if (!writer) return;
    // The text being replaced stays one click away.
    saveAutoVersionIfChanged(replica.doc, planId, writer, Date.now());
    restoreVersion(replica.doc, version);
    setComparing(null);
    setStatus(t('plans.versions.restored'));
  }

  return (
    <div className="plan-view" data-testid="plan-view">
      <div className="plan-head">
        <BackButton onBack={onBack} />
        <input
          className="plan-title"
          data-testid="plan-title"
          aria-label={t('plans.titleLabel')}
          value={props.title}
          placeholder={t('plans.untitled')}
          maxLength={LIMITS.plans.titleMaxChars}
          readOnly={readOnly}
          onChange={(event) => renamePlan(replica.doc, planId, event.currentTarget.value)}
        />
        <PlanActions
          replica={replica}
          planId={planId}
          title={title}
          space={space}
          editor={editor}
          author={writer}
          onOpenPlan={onOpenPlan}
        />
      </div>
      {readOnly && (
        <p className="hint" data-testid="plan-read-only">
          {t('plans.readOnly')}
        </p>
      )}
      {!readOnly && !author && <p className="hint">{t('plans.noAuthor')}</p>}
      <p className="hint" role="status">
        {status}
      </p>
      <PlanEditorContext.Provider value={handle}>
        <div className={comparing ? 'plan-layout comparing' : 'plan-layout'}>
          <div className="plan-main plan-printable">
            {comparing && <h3 className="plan-column-title">{t('plans.versions.current')}</h3>}
            <h1 className="plan-print-title">{title}</h1>
            {!readOnly && editor && <PlanToolbar editor={editor} onLink={() => setLinking(true)} />}
            <EditorContent editor={editor} className="plan-editor" data-testid="plan-editor" />
          </div>
          {comparing ? (
            <VersionCompare
              key={comparing.id}
              version={comparing}
              space={space}
              canRestore={writer !== null}
              onRestore={() => restore(comparing)}
              onClose={() => setComparing(null)}
            />
          ) : (
            <div
              className="space-side plan-panels"
              role="complementary"
              aria-label={t('plans.panels')}
            >
              <PlanTasksPanel replica={replica} planId={planId} space={space} readOnly={readOnly} />
              <CommentsPanel
                replica={replica}
                planId={planId}
                space={space}
                editor={editor}
                author={writer}
                draft={draft.draft}
                onStart={draft.start}
                onCancel={draft.cancel}
              />
              <VersionsPanel
                replica={replica}
                planId={planId}
                space={space}
                author={writer}
                onView={(version) => {
                  setStatus('');
                  setComparing(version);
                }}
              />
            </div>
          )}
        </div>
      </PlanEditorContext.Provider>
      {linking && editor && <LinkDialog editor={editor} onClose={() => setLinking(false)} />}
    </div>
  );
}
