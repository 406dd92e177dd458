// One entry of a list of notes (the note list, search results): a button with the title, a date,
// an excerpt and the tags; what the date and excerpt look like is up to the list.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface NoteListItemProps {
  id: string;
  title: string;
  tags: string[];
  /** The date element, with class 'note-item-date'. */
  date: ReactNode;
  /** Shown when not empty. */
  excerpt: ReactNode;
  testId: string;
  selected: boolean;
  onSelect: (id: string) => void;
}

export function NoteListItem({
  id,
  title,
  tags,
  date,
  excerpt,
  testId,
  selected,
  onSelect,
}: NoteListItemProps) {
  const { t } = useTranslation();
  return (
    <li>
      <button
        type="button"
        className="note-item"
        data-testid={testId}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(id)}
      >
        <span className="note-item-head">
          <span className="note-item-title">{title || t('sidebar.untitled')}</span>
          {date}
        </span>
        {excerpt && <span className="note-item-excerpt">{excerpt}</span>}
        {tags.length > 0 && (
          <span className="note-item-tags">
            {tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
      </button>
    </li>
  );
}
