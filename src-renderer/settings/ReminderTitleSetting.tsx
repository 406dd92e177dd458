// Whether calendar reminders name the event. Off by default: a reminder on screen then says only
// that something starts at a time, which tells an onlooker nothing. Stored as soon as it is changed.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldSaveStatus } from './FieldSaveStatus';
import { useInstantSetting } from './use-instant-setting';

export function ReminderTitleSetting() {
  const { t } = useTranslation();
  const id = useId();
  const setting = useInstantSetting((settings) => settings.remindersShowTitle);
  const value = setting.value;

  function change(next: boolean): void {
    setting.setValue(next);
    setting.save({ remindersShowTitle: next }, () => setting.setValue(!next));
  }

  return (
    <section className="settings-section">
      <h3>{t('calendar.settings.title')}</h3>
      <div className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          data-testid="reminders-show-title"
          disabled={value === null}
          checked={value ?? false}
          aria-describedby={`${id}-hint ${id}-status`}
          onChange={(event) => change(event.target.checked)}
        />
        <label htmlFor={id}>{t('calendar.settings.showTitle')}</label>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('calendar.settings.showTitleHint')}
      </p>
      <FieldSaveStatus
        id={`${id}-status`}
        state={setting.status}
        invalidText=""
        error={setting.error}
      />
    </section>
  );
}
