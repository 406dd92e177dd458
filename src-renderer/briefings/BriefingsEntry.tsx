// The sidebar's way to the briefings of all spaces, below the calendar, with how many are unread.
import { Megaphone } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { unreadCount } from './briefing-order';
import { useBriefingsList } from './use-briefings-list';

export function BriefingsEntry({ selected, onOpen }: { selected: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const { items } = useBriefingsList(undefined, '');
  const unread = items ? unreadCount(items) : 0;
  return (
    <button
      type="button"
      className="my-tasks-entry briefings-entry"
      data-testid="briefings-open"
      aria-current={selected ? 'page' : undefined}
      onClick={onOpen}
    >
      <Megaphone aria-hidden="true" focusable="false" size={16} />
      <span className="my-tasks-entry-label">{t('briefings.title')}</span>
      {unread > 0 && (
        <>
          <span className="badge" data-testid="briefings-unread-count" aria-hidden="true">
            {unread}
          </span>
          <span className="visually-hidden">{t('briefings.unreadCount', { count: unread })}</span>
        </>
      )}
    </button>
  );
}
