// The sidebar: new note, search, notes/trash switch, tag filter, the list that fits the view, and
// below it "My tasks", the calendar and the shared spaces.
import { useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagCount } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { ariaShortcut, shortcutLabel } from '../lib/shortcuts';

export type View = 'notes' | 'trash';

interface SidebarProps {
  view: View;
  onView: (view: View) => void;
  query: string;
  onQuery: (query: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  tags: TagCount[];
  tag: string | null;
  onTag: (tag: string | null) => void;
  onNewNote: () => void;
  children: ReactNode;
  /** Shown below the notes: the ways to "My tasks" and the calendar, then the shared spaces. */
  myTasks?: ReactNode;
  spaces?: ReactNode;
}

export function Sidebar({ searchRef, ...props }: SidebarProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <button
        type="button"
        className="primary wide"
        data-testid="new-note"
        title={t('sidebar.newNoteTitle', { shortcut: shortcutLabel('n') })}
        aria-keyshortcuts={ariaShortcut('n')}
        onClick={props.onNewNote}
      >
        {t('sidebar.newNote')}
      </button>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        {t('sidebar.search')}
      </label>
      <input
        id={`${id}-search`}
        ref={searchRef}
        type="search"
        data-testid="note-search"
        placeholder={t('sidebar.searchTitle', { shortcut: shortcutLabel('k') })}
        aria-keyshortcuts={`${ariaShortcut('k')} ${ariaShortcut('f')}`}
        maxLength={LIMITS.searchQueryMaxChars}
        value={props.query}
        onChange={(event) => props.onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && props.query) {
            event.preventDefault();
            props.onQuery('');
          }
        }}
      />
      <div className="view-switch" role="group" aria-label={t('sidebar.label')}>
        <button
          type="button"
          data-testid="view-notes"
          aria-pressed={props.view === 'notes'}
          onClick={() => props.onView('notes')}
        >
          {t('sidebar.notes')}
        </button>
        <button
          type="button"
          data-testid="view-trash"
          aria-pressed={props.view === 'trash'}
          onClick={() => props.onView('trash')}
        >
          {t('sidebar.trash')}
        </button>
      </div>
      {props.view === 'notes' && props.tags.length > 0 && (
        <div className="tag-filter">
          <label htmlFor={`${id}-tag`}>{t('sidebar.tagFilter')}</label>
          <select
            id={`${id}-tag`}
            data-testid="tag-filter"
            value={props.tag ?? ''}
            onChange={(event) => props.onTag(event.target.value || null)}
          >
            <option value="">{t('sidebar.allTags')}</option>
            {props.tags.map((tag) => (
              <option key={tag.tag} value={tag.tag}>
                {tag.tag} ({tag.count})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="sidebar-list">{props.children}</div>
      {props.myTasks}
      {props.spaces}
    </nav>
  );
}
