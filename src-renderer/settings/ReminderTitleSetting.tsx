// Whether calendar reminders name the event. Off by default: a reminder on screen then says only
// that something starts at a time, which tells an onlooker nothing. Stored as soon as it is changed.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { FieldSaveStatus, type FieldSaveState } from './FieldSaveStatus';
import { OrderedSaves } from './ordered-saves';

export function ReminderTitleSetting() {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState<boolean | null>(null);
  const [status, setStatus] = useState<FieldSaveState>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const [saves] = useState(() => new OrderedSaves());

  useEffect(() => {
    let active = true;
    void call('settings.get', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) setValue(outcome.value.remindersShowTitle);
      else setError(outcome.error);
    });
    return () => {
      active = false;
    };
  }, []);

  function change(next: boolean): void {
    setValue(next);
    setStatus('saving');
    saves.run(
      () => call('settings.update', { remindersShowTitle: next }),
      (outcome) => {
        if (outcome.ok) {
          setStatus('saved');
          setError(null);
        } else {
          setStatus('idle');
          setError(outcome.error);
          setValue(!next);
        }
      },
    );
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
      <FieldSaveStatus id={`${id}-status`} state={status} invalidText="" error={error} />
    </section>
  );
}
