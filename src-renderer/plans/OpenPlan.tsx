// One open campaign plan: its title, the rich-text editor bound to the space's shared document
// (with other members' cursors) taking the width, and beside it one collapsible panel with the
// plan's tasks, comments and versions as tabs; or the task board in the editor's place (the "Board"
// view); or, while a version is open, that version's changes side by side with the current text.
import { SaveStatus } from '../editor/SaveStatus';
import { EditorContent } from '@tiptap/react';
import { FileText, History, ListTodo, MessageSquare, SquareKanban } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { renamePlan, tryOpenVersion, type PlanVersion } from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';
import { canWrite } from '../spaces/space-access';
import { PlanTasksPanel } from '../tasks/PlanTasksPanel';
import { useTasksSession, type PlanPanelTab, type TaskView } from '../tasks/tasks-session';
import { BackButton } from './BackButton';
import { CommentsPanel } from './CommentsPanel';
import { LinkDialog } from './LinkDialog';
import { PlanActions } from './PlanActions';
import { PlanSidePanel, type SideTab } from './PlanSidePanel';
import { PlanTitleField } from './PlanTitleField';
import { PlanToolbar } from './PlanToolbar';
import { RestoreNotice } from './RestoreNotice';
import { VersionCompare } from './VersionCompare';
import { VersionsPanel } from './VersionsPanel';
import { saveAutoVersionIfChanged } from './auto-version';
import { PlanEditorContext } from './plan-editor-context';
import { planEditorHandle } from './plan-editor-handle';
import { useAutoVersions } from './use-auto-versions';
import { useCommentDraft } from './use-comment-draft';
import type { PlanAuthor } from './use-plan-author';
import { usePlanEditorInstance } from './use-plan-editor-instance';
import { restoreAndRecord } from './restore-record';

export interface PlanViewProps {
  replica: DocReplica;
  planId: string;
  space: SpaceSummary;
  author: PlanAuthor | null;
  onBack: () => void;
  onOpenPlan: (planId: string) => void;
}

export function OpenPlan(props: PlanViewProps & { title: string }) {
  const { replica, planId, space, author, onBack, onOpenPlan } = props;
  const { t } = useTranslation();
  const session = useTasksSession();
  const readOnly = !canWrite(space);
  // Writing comments, versions and plans needs this device's key as their author.
  const writer = readOnly ? null : author;
  const [linking, setLinking] = useState(false);
  const [comparing, setComparing] = useState<PlanVersion | null>(null);
  const [status, setStatus] = useState('');
  const [mode, setMode] = useState<TaskView>(() => session.lastView());
  const [tab, setTab] = useState<PlanPanelTab>(() => session.panelTab());
  const [collapsed, setCollapsed] = useState(() => session.panelCollapsed());
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
      // The comment box is in the panel's Comments tab, which a comparison covers.
      setComparing(null);
      chooseTab('comments');
      collapse(false);
      draft.start();
    };
  });
  const handle = useMemo(() => editor && planEditorHandle(editor), [editor]);
  useAutoVersions(replica, planId, writer);

  function chooseMode(next: TaskView): void {
    session.chooseView(next);
    setMode(next);
    setComparing(null);
  }

  function chooseTab(next: PlanPanelTab): void {
    session.choosePanelTab(next);
    setTab(next);
  }

  function collapse(next: boolean): void {
    session.collapsePanel(next);
    setCollapsed(next);
  }

  function restore(version: PlanVersion): void {
    if (!writer) return;
    const readable = tryOpenVersion(version);
    if (!readable) {
      // Saved damaged by another member's app: said, and the text left as it is.
      setStatus(t('plans.versions.unreadable'));
      return;
    }
    readable.doc.destroy();
    // The text being replaced stays one click away.
    saveAutoVersionIfChanged(replica.doc, planId, writer, Date.now());
    restoreAndRecord(replica.doc, version, writer.deviceKey, Date.now());
    setComparing(null);
    setStatus(t('plans.versions.restored'));
  }

  const tabs: SideTab[] = [
    {
      id: 'tasks',
      label: t('tasks.title'),
      icon: ListTodo,
      content: (
        <PlanTasksPanel
          replica={replica}
          planId={planId}
          space={space}
          readOnly={readOnly}
          layout="list"
          onShowBoard={() => chooseMode('board')}
        />
      ),
    },
    {
      id: 'comments',
      label: t('plans.comments.title'),
      icon: MessageSquare,
      content: (
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
      ),
    },
    {
      id: 'versions',
      label: t('plans.versions.title'),
      icon: History,
      content: (
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
      ),
    },
  ];

  const board = mode === 'board';
  const layout = [
    'plan-layout',
    comparing && 'comparing',
    board && 'board',
    collapsed && 'collapsed',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="plan-view" data-testid="plan-view">
      <div className="plan-head">
        <BackButton onBack={onBack} />
        <PlanTitleField
          title={props.title}
          readOnly={readOnly}
          onRename={(value) => renamePlan(replica.doc, planId, value)}
        />
        <div className="view-switch plan-mode" role="group" aria-label={t('plans.mode.label')}>
          {(
            [
              ['list', FileText, t('plans.mode.document')],
              ['board', SquareKanban, t('plans.mode.board')],
            ] as const
          ).map(([choice, Icon, label]) => (
            <button
              key={choice}
              type="button"
              data-testid={`plan-mode-${choice === 'list' ? 'document' : 'board'}`}
              aria-pressed={mode === choice}
              onClick={() => chooseMode(choice)}
            >
              <Icon aria-hidden="true" focusable="false" size={16} />
              {label}
            </button>
          ))}
        </div>
        <PlanActions
          replica={replica}
          planId={planId}
          title={title}
          space={space}
          editor={editor}
          author={writer}
          onOpenPlan={onOpenPlan}
          onStatus={setStatus}
        />
      </div>
      {readOnly && (
        <p className="hint" data-testid="plan-read-only">
          {t('plans.readOnly')}
        </p>
      )}
      {!readOnly && !author && <p className="hint">{t('plans.noAuthor')}</p>}
      {!readOnly && <SaveStatus saver={replica.sender} />}
      <p className="hint plan-status" role="status">
        {status}
      </p>
      <RestoreNotice
        replica={replica}
        planId={planId}
        space={space}
        me={author?.deviceKey ?? null}
      />
      <PlanEditorContext.Provider value={handle}>
        <div className={layout}>
          <div className="plan-main plan-printable" hidden={board}>
            {comparing && <h3 className="plan-column-title">{t('plans.versions.current')}</h3>}
            <h1 className="plan-print-title">{title}</h1>
            {!readOnly && editor && (
              <PlanToolbar
                editor={editor}
                onLink={() => setLinking(true)}
                onComment={writer ? () => comment.current() : undefined}
              />
            )}
            <EditorContent editor={editor} className="plan-editor" data-testid="plan-editor" />
          </div>
          {board ? (
            <div className="plan-board-area" data-testid="plan-board">
              <PlanTasksPanel
                replica={replica}
                planId={planId}
                space={space}
                readOnly={readOnly}
                layout="board"
              />
            </div>
          ) : comparing ? (
            <VersionCompare
              key={comparing.id}
              version={comparing}
              space={space}
              editor={editor}
              canRestore={writer !== null}
              onRestore={() => restore(comparing)}
              onClose={() => setComparing(null)}
            />
          ) : (
            <PlanSidePanel
              tabs={tabs}
              selected={tab}
              collapsed={collapsed}
              onSelect={chooseTab}
              onCollapse={collapse}
            />
          )}
        </div>
      </PlanEditorContext.Provider>
      {linking && editor && <LinkDialog editor={editor} onClose={() => setLinking(false)} />}
    </div>
  );
}
