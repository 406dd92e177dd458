// Whether calendar reminders name the event. Off by default: a reminder on screen then says only
// that something starts at a time, which tells an onlooker nothing. Stored as soon as it is changed.
import { useTranslation } from 'react-i18next';
import { CheckboxSetting } from './CheckboxSetting';

export function ReminderTitleSetting() {
  const { t } = useTranslation();
  return (
    <CheckboxSetting
      name="remindersShowTitle"
      title={t('calendar.settings.title')}
      label={t('calendar.settings.showTitle')}
      hint={t('calendar.settings.showTitleHint')}
      testId="reminders-show-title"
    />
  );
}
