// A saved version beside the current plan: its text in a second, read-only editor (the same schema,
// no binding to the shared document), and "Restore this version" behind a confirmation that says
// what happens: the version's text becomes a new edit, and the text it replaces is kept first.
import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { EditorContent, useEditor } from '@tiptap/react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { SpaceSummary } from '../../src-shared/api';
import { openVersion, type PlanVersion } from '../../src-shared/plans/plan-model';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatFullDate } from '../lib/format-date';
import { planContentExtensions } from './plan-extensions';
import { authorName, versionLabel } from './plan-labels';

interface VersionCompareProps {
  version: PlanVersion;
  space: SpaceSummary;
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
  canRestore,
  onRestore,
  onClose,
}: VersionCompareProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [asking, setAsking] = useState(false);
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

  return (
    <section className="version-compare" data-testid="version-compare" aria-labelledby={headingId}>
      <div className="version-compare-head">
        <h3 id={headingId}>{label}</h3>
        <p className="hint">
          {t('plans.versions.by', {
            name: authorName(version, space, t('presence.noName')),
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
      <EditorContent
        editor={viewer}
        className="plan-editor version-editor"
        data-testid="version-editor"
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
