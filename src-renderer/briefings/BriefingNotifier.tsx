// A quiet notice on every screen of the unlocked app when briefings arrive for this device. It says
// only "New briefing": no sender or space, and the title only when Settings allows it (main sends
// it only then), so a glance over the shoulder learns nothing more. It opens the briefings or goes.
import { Megaphone, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from '../bridge/call';

export function BriefingNotifier({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [title, setTitle] = useState<string | null>(null);
  useEffect(
    () =>
      onEvent('briefings.received', (notice) => {
        if (notice.count === 0) return;
        setTitle(notice.title);
        setShown(true);
      }),
    [],
  );
  return (
    <div className="cal-reminders briefing-notices" role="status" aria-live="polite">
      {shown && (
        <div className="cal-reminder" data-testid="briefing-notice">
          <Megaphone aria-hidden="true" focusable="false" size={18} />
          <p>{title ? t('briefings.noticeTitled', { title }) : t('briefings.notice')}</p>
          <button
            type="button"
            className="link"
            data-testid="briefing-notice-open"
            onClick={() => {
              setShown(false);
              onOpen();
            }}
          >
            {t('briefings.noticeOpen')}
          </button>
          <button
            type="button"
            className="cal-icon-button"
            data-testid="briefing-notice-dismiss"
            aria-label={t('briefings.noticeDismiss')}
            onClick={() => setShown(false)}
          >
            <X aria-hidden="true" focusable="false" size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
