// The trash: restore a note, delete one forever, or empty it all (both asked first).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../../src-shared/api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatShortDate } from '../lib/format-date';

interface TrashListProps {
  notes: NoteSummary[];
  onRestore: (id: string) => void;
  onPurge: (id: string) => void;
  onEmpty: () => void;
}

export function TrashList({ notes, onRestore, onPurge, onEmpty }: TrashListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [purging, setPurging] = useState<NoteSummary | null>(null);
  const [emptying, setEmptying] = useState(false);

  return (
    <>
      {notes.length === 0 ? (
        <p className="list-empty" data-testid="note-list">
          {t('trash.empty')}
        </p>
      ) : (
        <>
          <button
            type="button"
            className="danger wide"
            data-testid="empty-trash"
            onClick={() => setEmptying(true)}
          >
            {t('trash.emptyTrash')}
          </button>
          <ul className="note-list" data-testid="note-list" aria-label={t('trash.title')}>
            {notes.map((note) => (
              <li key={note.id} className="note-item trashed" data-testid="note-item">
                <span className="note-item-title">{note.title || t('sidebar.untitled')}</span>
                {note.excerpt && <span className="note-item-excerpt">{note.excerpt}</span>}
                {note.trashedAt !== null && (
                  <span className="note-item-date">
                    {t('trash.trashedOn', {
                      when: formatShortDate(note.trashedAt, language, t('dates.justNow')),
                    })}
                  </span>
                )}
                <span className="row-actions">
                  <button
                    type="button"
                    data-testid="restore-note"
                    onClick={() => onRestore(note.id)}
                  >
                    {t('trash.restore')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    data-testid="purge-note"
                    onClick={() => setPurging(note)}
                  >
                    {t('trash.purge')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {purging && (
        <ConfirmDialog
          title={t('trash.purgeTitle')}
          text={t('trash.purgeText', { title: purging.title || t('sidebar.untitled') })}
          confirmLabel={t('trash.purge')}
          onCancel={() => setPurging(null)}
          onConfirm={() => {
            onPurge(purging.id);
            setPurging(null);
          }}
        />
      )}
      {emptying && (
        <ConfirmDialog
          title={t('trash.emptyTitle')}
          text={t('trash.emptyText')}
          confirmLabel={t('trash.emptyTrash')}
          onCancel={() => setEmptying(false)}
          onConfirm={() => {
            onEmpty();
            setEmptying(false);
          }}
        />
      )}
    </>
  );
}
