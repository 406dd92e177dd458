// Due reminders as quiet notices in a live region, on every screen of the unlocked app. They say
// nothing about the event ("An event starts at 14:00") unless the user chose, in Settings, that
// reminders show the title: then main sends it along.
import { BellRing, X } from 'lucide-react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { formatLongDay, formatTime } from './calendar-format';
import { deviceZone, todayIn } from './day-math';
import { titleOrUntitled } from './item-text';
import { useReminders } from './use-reminders';

export function CalendarReminders() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { reminders, dismiss } = useReminders();
  const zone = deviceZone();
  return (
    <div className="cal-reminders" role="status" aria-live="polite" data-testid="reminders">
      {reminders.map((reminder) => {
        const time = formatTime(reminder.startMs, zone, language);
        const day = DateTime.fromMillis(reminder.startMs, { zone }).toISODate() ?? '';
        const when =
          day === todayIn(zone)
            ? t('calendar.remind.at', { time })
            : t('calendar.remind.onDay', { day: formatLongDay(day, language), time });
        return (
          <div key={reminder.id} className="cal-reminder" data-testid="reminder">
            <BellRing aria-hidden="true" focusable="false" size={18} />
            <p>
              {reminder.title !== null
                ? t('calendar.remind.titled', {
                    title: titleOrUntitled(t, reminder.title),
                    when,
                  })
                : t('calendar.remind.anonymous', { when })}
            </p>
            <button
              type="button"
              className="cal-icon-button"
              data-testid="reminder-dismiss"
              aria-label={t('calendar.remind.dismiss')}
              onClick={() => dismiss(reminder.id)}
            >
              <X aria-hidden="true" focusable="false" size={16} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
