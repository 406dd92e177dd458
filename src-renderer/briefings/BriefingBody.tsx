// A briefing's body, read-only: the notes' and plans' schema in a TipTap editor that cannot be
// edited. A body whose structure the editor's rules refuse is shown as its plain text, and says so.
import { getSchema, type JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteDoc } from '../../src-shared/notes/note-content';
import { contentFromPlainText } from '../../src-shared/notes/note-content';
import { fitsSchema } from '../editor/note-extensions';
import { planContentExtensions } from '../plans/plan-extensions';
import { plainTextOf } from './body-text';

export function BriefingBody({ body, label }: { body: NoteDoc; label: string }) {
  const { t } = useTranslation();
  const extensions = useMemo(() => planContentExtensions(), []);
  const shown = useMemo(() => {
    if (fitsSchema(getSchema(extensions), body))
      return { content: body as JSONContent, fits: true };
    return { content: contentFromPlainText(plainTextOf(body)) as JSONContent, fits: false };
  }, [body, extensions]);
  const viewer = useEditor(
    {
      extensions,
      content: shown.content,
      editable: false,
      // TipTap's injected <style> would be refused by the renderer's CSP; plans.css has its rules.
      injectCSS: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          'aria-label': label,
          'data-testid': 'briefing-body',
        },
      },
    },
    [shown],
  );
  return (
    <>
      {!shown.fits && (
        <p className="hint" role="status">
          {t('briefings.read.bodyUnreadable')}
        </p>
      )}
      <EditorContent editor={viewer} className="plan-editor briefing-body" />
    </>
  );
}
