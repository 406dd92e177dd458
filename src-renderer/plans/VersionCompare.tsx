// A saved version beside the current plan: what changed since it (words added and removed, marked
// with <ins> and <del> so the difference shows without colour too, under a legend), or its text in
// a second, read-only editor (the same schema, no binding to the shared document); and "Restore this
// version" behind a confirmation that says what happens: the version's text becomes a new edit, and
// the text it replaces is kept first.
import { getSchema, type Editor, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { SpaceSummary } from '../../src-shared/api';
import { openVersion, type PlanVersion } from '../../src-shared/plans/plan-model';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatFullDate } from '../lib/format-date';
import { planContentExtensions } from './plan-extensions';
import { authorName, versionLabel } from './plan-labels';
import { countChanges, diffBlocks, planBlocks, segmentElement, type DiffRow } from './version-diff';

interface VersionCompareProps {
  version: PlanVersion;
  space: SpaceSummary;
  /** The plan's own editor: its current text is what the version is compared with. */
  editor: Editor | null;
  /** False for a viewer: they can look but not restore. */
  canRestore: boolean;
  onRestore: () => void;
  onClose: () => void;
}

/** A version's body as ProseMirror JSON; an empty document if it cannot be read. */
function versionContent(version: PlanVersion, schema: Schema): JSONContent {
  // Another member wrote this version: content that does not even load shows as empty.
  let opened: ReturnType<typeof openVersion>;
  try {
    opened = openVersion(version);
  } catch {
    return { type: 'doc', content: [] };
  }
  try {
    return yXmlFragmentToProseMirrorRootNode(opened.body, schema).toJSON() as JSONContent;
  } catch {
    return { type: 'doc', content: [] };
  } finally {
    opened.doc.destroy();
  }
}

export function VersionCompare({
  version,
  space,
  editor,
  canRestore,
  onRestore,
  onClose,
}: VersionCompareProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [asking, setAsking] = useState(false);
  const [showing, setShowing] = useState<'changes' | 'version'>('changes');
  const label = versionLabel(version, t('plans.versions.auto'));
  const extensions = useMemo(() => planContentExtensions(), []);
  const content = useMemo(
    () => versionContent(version, getSchema(extensions)),
    [version, extensions],
  );
  const viewer = useEditor(
    {
      extensions,
      content,
      editable: false,
      injectCSS: false,
      editorProps: {
        attributes: { role: 'textbox', 'aria-readonly': 'true', 'aria-label': label },
      },
    },
    [content],
  );

  // The current text's document: a new object after every change, so the comparison follows edits.
  const current = useEditorState({
    editor,
    selector: ({ editor: now }) => (now && !now.isDestroyed ? now.state.doc : null),
  });
  const rows = useMemo(
    () =>
      current ? diffBlocks(planBlocks(content), planBlocks(current.toJSON() as JSONContent)) : [],
    [content, current],
  );

  return (
    <section className="version-compare" data-testid="version-compare" aria-labelledby={headingId}>
      <div className="version-compare-head">
        <h3 id={headingId}>{label}</h3>
        <p className="hint">
          {t('plans.versions.by', {
            name: authorName(version, space, t),
            when: formatFullDate(version.at, i18n.language),
          })}
        </p>
        <div className="actions">
          <button type="button" data-testid="version-compare-close" onClick={onClose}>
            {t('plans.versions.close')}
          </button>
          {canRestore && (
            <button
              type="button"
              className="primary"
              data-testid="version-restore"
              onClick={() => setAsking(true)}
            >
              {t('plans.versions.restore')}
            </button>
          )}
        </div>
      </div>
      <div
        className="view-switch version-show"
        role="group"
        aria-label={t('plans.versions.showLabel')}
      >
        {(['changes', 'version'] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            data-testid={`version-show-${choice}`}
            aria-pressed={showing === choice}
            onClick={() => setShowing(choice)}
          >
            {t(`plans.versions.show.${choice}`)}
          </button>
        ))}
      </div>
      {showing === 'changes' && <VersionChanges rows={rows} label={label} />}
      <EditorContent
        editor={viewer}
        className="plan-editor version-editor"
        data-testid="version-editor"
        hidden={showing !== 'version'}
      />
      {asking && (
        <ConfirmDialog
          title={t('plans.versions.restoreTitle')}
          text={t('plans.versions.restoreText')}
          confirmLabel={t('plans.versions.restoreConfirm')}
          testId="version-restore-dialog"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onRestore();
          }}
        />
      )}
    </section>
  );
}

/** The version's text turned into the current one, with what was added and removed marked. */
function VersionChanges({ rows, label }: { rows: readonly DiffRow[]; label: string }) {
  const { t } = useTranslation();
  const { insertions, deletions } = countChanges(rows);
  const none = insertions === 0 && deletions === 0;
  return (
    <>
      <p className="diff-legend" data-testid="version-diff-legend">
        {none ? (
          t('plans.versions.noChanges')
        ) : (
          <>
            <ins>{t('plans.versions.legendAdded')}</ins>{' '}
            <del>{t('plans.versions.legendRemoved')}</del>
          </>
        )}
      </p>
      <div
        className="plan-editor version-diff"
        data-testid="version-diff"
        role="document"
        tabIndex={0}
        aria-label={t('plans.versions.changesLabel', { name: label })}
      >
        {rows.map((row, index) => (
          <p
            // Rows have no identity of their own; the list is rebuilt as a whole on every change.
            key={index}
            className={`diff-block diff-${row.block.kind}${row.block.level ? ` diff-h${row.block.level}` : ''} diff-row-${row.kind}`}
          >
            {row.segments.map((segment, at) => {
              const Element = segmentElement(segment.kind);
              return (
                <Element key={at}>
                  {segment.kind !== 'same' && (
                    <span className="visually-hidden">
                      {segment.kind === 'ins'
                        ? t('plans.versions.srAdded')
                        : t('plans.versions.srRemoved')}{' '}
                    </span>
                  )}
                  {segment.text}
                </Element>
              );
            })}
          </p>
        ))}
      </div>
    </>
  );
}
