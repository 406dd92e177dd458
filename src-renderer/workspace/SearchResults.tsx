// Search hits with their snippets; matches are highlighted as <mark> elements.
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../src-shared/api';
import { HighlightedSnippet } from '../components/HighlightedSnippet';
import { formatShortDate } from '../lib/format-date';
import { NoteListItem } from './NoteListItem';

interface SearchResultsProps {
  hits: SearchHit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function SearchResults({ hits, selectedId, onSelect }: SearchResultsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <>
      <p className="list-count" role="status" aria-live="polite">
        {hits.length === 0 ? t('sidebar.noResults') : t('sidebar.results', { count: hits.length })}
      </p>
      <ul className="note-list" aria-label={t('sidebar.search')}>
        {hits.map((hit) => (
          <NoteListItem
            key={hit.id}
            id={hit.id}
            title={hit.title}
            tags={hit.tags}
            testId="search-result"
            selected={hit.id === selectedId}
            onSelect={onSelect}
            excerpt={<HighlightedSnippet snippet={hit.snippet} />}
            date={
              <span className="note-item-date">
                {formatShortDate(hit.updatedAt, language, t('dates.justNow'))}
              </span>
            }
          />
        ))}
      </ul>
    </>
  );
}
