// Edits one note: title, tags and the rich text (NoteBody). Every keystroke goes straight to the
// note's saver; what is on screen is the truth and is never replaced by what main sends back.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import type { NoteDoc } from '../../src-shared/notes/note-content';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { errorMessage } from '../i18n/error-message';
import { formatTags, parseTags } from '../lib/tags';
import { NoteBody } from './NoteBody';
import type { NoteSaver } from './note-saver';
import { SaveStatus } from './SaveStatus';

interface Draft {
  title: string;
  tagsText: string;
  /** What the body editor starts from; it then keeps the text itself. */
  content: NoteDoc;
  /** The plain text main holds, for when content does not fit the editor. */
  plainText: string;
  contentUnreadable: boolean;
}

interface NoteEditorProps {
  saver: NoteSaver;
  focusTitle: boolean;
  onTrash: () => void;
}

export function NoteEditor({ saver, focusTitle, onTrash }: NoteEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [tagsTruncated, setTagsTruncated] = useState(false);
  /** The tag list last handed to the saver, so retyping a separator does not send a change. */
  const sentTags = useRef('');

  useEffect(() => {
    let active = true;
    void call('notes.get', { id: saver.id }).then((outcome) => {
      if (!active) return;
      if (!outcome.ok) {
        setLoadError(outcome.error);
        return;
      }
      // Changes still on their way to main are newer than what it just returned.
      const unconfirmed = saver.unconfirmed();
      const tags = unconfirmed.tags ?? outcome.value.tags;
      sentTags.current = JSON.stringify(tags);
      const note = outcome.value;
      setDraft({
        title: unconfirmed.title ?? note.title,
        tagsText: formatTags(tags),
        content: unconfirmed.content ?? note.content,
        plainText: unconfirmed.body ?? note.body,
        // Unsent changes replace whatever main could not read.
        contentUnreadable: unconfirmed.content === undefined && note.contentUnreadable,
      });
    });
    return () => {
      active = false;
    };
  }, [saver]);

  if (loadError) {
    return (
      <div className="editor-empty" role="alert">
        <p>{t('editor.loadFailed')}</p>
        <p>{errorMessage(t, loadError)}</p>
      </div>
    );
  }
  if (!draft) {
    return (
      <div className="editor-empty" aria-busy="true">
        {t('common.loading')}
      </div>
    );
  }

  function changeTags(tagsText: string): void {
    setDraft((current) => (current ? { ...current, tagsText } : current));
    const parsed = parseTags(tagsText);
    setTagsTruncated(parsed.truncated);
    const key = JSON.stringify(parsed.tags);
    if (key === sentTags.current) return;
    sentTags.current = key;
    saver.change({ tags: parsed.tags });
  }

  return (
    <div className="editor">
      <div className="editor-toolbar">
        <SaveStatus saver={saver} />
        <button type="button" data-testid="trash-note" onClick={onTrash}>
          {t('editor.trash')}
        </button>
      </div>
      <label htmlFor={`${id}-title`} className="visually-hidden">
        {t('editor.title')}
      </label>
      <input
        id={`${id}-title`}
        className="editor-title"
        data-testid="note-title"
        placeholder={t('editor.title')}
        autoFocus={focusTitle}
        maxLength={LIMITS.noteTitleMaxChars}
        value={draft.title}
        onChange={(event) => {
          const title = event.target.value;
          setDraft((current) => (current ? { ...current, title } : current));
          saver.change({ title });
        }}
      />
      <div className="editor-tags">
        <label htmlFor={`${id}-tags`}>{t('editor.tags')}</label>
        <input
          id={`${id}-tags`}
          data-testid="note-tags"
          aria-describedby={`${id}-tags-hint`}
          value={draft.tagsText}
          onChange={(event) => changeTags(event.target.value)}
        />
        <span id={`${id}-tags-hint`} className="hint" aria-live="polite">
          {tagsTruncated
            ? t('editor.tagsTooMany', { count: LIMITS.tagsPerNote })
            : t('editor.tagsHint')}
        </span>
      </div>
      <NoteBody
        initial={draft.content}
        plainText={draft.plainText}
        unreadable={draft.contentUnreadable}
        label={t('editor.body')}
        onChange={(content) => saver.change({ content })}
      />
    </div>
  );
}
