// Search hits with their snippets; matches are highlighted as <mark> elements.
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../src-shared/api';
import { HighlightedSnippet } from '../components/HighlightedSnippet';
import { formatShortDate } from '../lib/format-date';

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
          <li key={hit.id}>
            <button
              type="button"
              className="note-item"
              data-testid="search-result"
              aria-current={hit.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(hit.id)}
            >
              <span className="note-item-head">
                <span className="note-item-title">{hit.title || t('sidebar.untitled')}</span>
                <span className="note-item-date">
                  {formatShortDate(hit.updatedAt, language, t('dates.justNow'))}
                </span>
              </span>
              <span className="note-item-excerpt">
                <HighlightedSnippet snippet={hit.snippet} />
              </span>
              {hit.tags.length > 0 && (
                <span className="note-item-tags">
                  {hit.tags.map((tag) => (
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
    </>
  );
}
