// The list of briefings, unread first and then the newest: title, sender and verified mark, when it
// was sent, when it expires, how many files it carries, an unread dot (said in words to screen
// readers) and the first words or the search snippet. Arrow keys, Home and End move between items.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingSummary } from '../../src-shared/api/briefings-schemas';
import { HighlightedSnippet } from '../components/HighlightedSnippet';
import { formatFullDate, formatShortDate } from '../lib/format-date';
import { rovingIndex } from '../plans/roving-focus';
import { spaceName } from '../spaces/space-name';
import { ExpiryLabel } from './ExpiryLabel';
import { SenderName } from './SenderName';

interface BriefingListProps {
  items: BriefingSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Across all spaces: each item names its space. */
  showSpace: boolean;
  emptyText: string;
  fingerprintOf: (spaceId: string, device: string) => string | null;
}

/** Moves focus between the list's buttons with the arrow keys (Tab still goes through them too). */
function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.briefing-item')];
  const current = buttons.findIndex((button) => button === document.activeElement);
  if (current === -1) return;
  const next = rovingIndex(
    event.key,
    current,
    buttons.map(() => true),
    'vertical',
  );
  if (next === null) return;
  event.preventDefault();
  buttons[next]?.focus();
}

export function BriefingList(props: BriefingListProps) {
  const { t } = useTranslation();
  if (props.items.length === 0) {
    return (
      <p className="list-empty" data-testid="briefing-list-empty">
        {props.emptyText}
      </p>
    );
  }
  return (
    <ul
      className="briefing-list"
      data-testid="briefing-list"
      aria-label={t('briefings.title')}
      onKeyDown={moveFocus}
    >
      {props.items.map((item) => (
        <BriefingListItem
          key={item.id}
          item={item}
          selected={item.id === props.selectedId}
          onSelect={props.onSelect}
          showSpace={props.showSpace}
          fingerprint={props.fingerprintOf(item.spaceId, item.authorDevice)}
        />
      ))}
    </ul>
  );
}

interface ItemProps {
  item: BriefingSummary;
  selected: boolean;
  onSelect: (id: string) => void;
  showSpace: boolean;
  fingerprint: string | null;
}

function BriefingListItem({ item, selected, onSelect, showSpace, fingerprint }: ItemProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <li>
      <button
        type="button"
        className={item.unread ? 'briefing-item unread' : 'briefing-item'}
        data-testid="briefing-item"
        data-briefing-id={item.id}
        data-unread={item.unread}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(item.id)}
      >
        <span className="briefing-item-head">
          {item.unread && (
            <>
              <span className="briefing-unread-dot" aria-hidden="true" />
              <span className="visually-hidden">{t('briefings.unread')}</span>
            </>
          )}
          <span className="briefing-item-title" data-testid="briefing-item-title">
            {item.title}
          </span>
          <time
            className="note-item-date"
            dateTime={new Date(item.createdAt).toISOString()}
            title={formatFullDate(item.createdAt, language)}
          >
            {formatShortDate(item.createdAt, language, t('dates.justNow'))}
          </time>
        </span>
        <span className="briefing-item-meta">
          <SenderName
            name={item.authorName}
            device={item.authorDevice}
            verified={item.authorVerified}
            fingerprint={fingerprint}
            mine={item.mine}
          />
          {showSpace && (
            <span className="briefing-item-space">
              {t('briefings.inSpace', { space: spaceName(t, item.spaceName) })}
            </span>
          )}
        </span>
        <span className="briefing-item-meta">
          <ExpiryLabel expiresAt={item.expiresAt} />
          {item.attachments > 0 && (
            <span className="briefing-item-files" data-testid="briefing-item-files">
              {t('briefings.attachments', { count: item.attachments })}
            </span>
          )}
          {item.acknowledged && !item.mine && (
            <span className="briefing-item-acked">{t('briefings.acknowledged')}</span>
          )}
        </span>
        {item.excerpt && (
          <span className="note-item-excerpt">
            <HighlightedSnippet snippet={item.excerpt} />
          </span>
        )}
      </button>
    </li>
  );
}
