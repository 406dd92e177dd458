// Auto-lock minutes: every valid value is stored as it is typed, one update at a time, in order.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../src-shared/limits';
import { WholeNumberInput } from '../components/WholeNumberInput';
import { FieldSaveStatus } from './FieldSaveStatus';
import { useInstantSetting } from './use-instant-setting';

function parseMinutes(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const minutes = Number(text.trim());
  return minutes <= LIMITS.autoLockMaxMinutes ? minutes : null;
}

export function AutoLockSetting() {
  const { t } = useTranslation();
  const id = useId();
  // What is typed, which may not be a valid number of minutes yet.
  const setting = useInstantSetting((settings) => String(settings.autoLockMinutes));
  const text = setting.value;

  function change(next: string): void {
    setting.setValue(next);
    const minutes = parseMinutes(next);
    if (minutes === null) {
      setting.setStatus('invalid');
      return;
    }
    setting.save({ autoLockMinutes: minutes });
  }

  return (
    <section className="settings-section">
      <label htmlFor={id}>{t('settings.autoLock')}</label>
      <WholeNumberInput
        id={id}
        min={0}
        max={LIMITS.autoLockMaxMinutes}
        data-testid="autolock-minutes"
        disabled={text === null}
        aria-invalid={setting.status === 'invalid' ? true : undefined}
        aria-describedby={`${id}-hint ${id}-status`}
        value={text ?? ''}
        onChange={(event) => change(event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {t('settings.autoLockHint')}
      </p>
      <FieldSaveStatus
        id={`${id}-status`}
        state={setting.status}
        invalidText={t('settings.autoLockInvalid', { max: LIMITS.autoLockMaxMinutes })}
        error={setting.error}
      />
    </section>
  );
}
