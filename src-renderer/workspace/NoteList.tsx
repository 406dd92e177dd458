// The active notes, most recently changed first: title, excerpt, short date and tags.
import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../../src-shared/api';
import { formatFullDate, formatShortDate } from '../lib/format-date';

interface NoteListProps {
  notes: NoteSummary[];
  selectedId: string | null;
  emptyText: string;
  onSelect: (id: string) => void;
}

export function NoteList({ notes, selectedId, emptyText, onSelect }: NoteListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  if (notes.length === 0) {
    return (
      <p className="list-empty" data-testid="note-list">
        {emptyText}
      </p>
    );
  }
  return (
    <ul className="note-list" data-testid="note-list" aria-label={t('sidebar.notes')}>
      {notes.map((note) => (
        <li key={note.id}>
          <button
            type="button"
            className="note-item"
            data-testid="note-item"
            aria-current={note.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(note.id)}
          >
            <span className="note-item-head">
              <span className="note-item-title">{note.title || t('sidebar.untitled')}</span>
              <time
                className="note-item-date"
                dateTime={new Date(note.updatedAt).toISOString()}
                title={formatFullDate(note.updatedAt, language)}
              >
                {formatShortDate(note.updatedAt, language, t('dates.justNow'))}
              </time>
            </span>
            {note.excerpt && <span className="note-item-excerpt">{note.excerpt}</span>}
            {note.tags.length > 0 && (
              <span className="note-item-tags">
                {note.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
