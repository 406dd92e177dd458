// The active notes, most recently changed first: title, excerpt, short date and tags.
import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../../src-shared/api';
import { formatFullDate, formatShortDate } from '../lib/format-date';
import { NoteListItem } from './NoteListItem';

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
        <NoteListItem
          key={note.id}
          id={note.id}
          title={note.title}
          tags={note.tags}
          testId="note-item"
          selected={note.id === selectedId}
          onSelect={onSelect}
          excerpt={note.excerpt}
          date={
            <time
              className="note-item-date"
              dateTime={new Date(note.updatedAt).toISOString()}
              title={formatFullDate(note.updatedAt, language)}
            >
              {formatShortDate(note.updatedAt, language, t('dates.justNow'))}
            </time>
          }
        />
      ))}
    </ul>
  );
}
