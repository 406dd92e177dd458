// Auto-lock minutes: every valid value is stored as it is typed, one update at a time, in order.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { WholeNumberInput } from '../components/WholeNumberInput';
import { FieldSaveStatus, type FieldSaveState } from './FieldSaveStatus';
import { OrderedSaves } from './ordered-saves';

function parseMinutes(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const minutes = Number(text.trim());
  return minutes <= LIMITS.autoLockMaxMinutes ? minutes : null;
}

export function AutoLockSetting() {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<FieldSaveState>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const [saves] = useState(() => new OrderedSaves());

  useEffect(() => {
    let active = true;
    void call('settings.get', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) setText(String(outcome.value.autoLockMinutes));
      else setError(outcome.error);
    });
    return () => {
      active = false;
    };
  }, []);

  function change(next: string): void {
    setText(next);
    const minutes = parseMinutes(next);
    if (minutes === null) {
      setStatus('invalid');
      return;
    }
    setStatus('saving');
    saves.run(
      () => call('settings.update', { autoLockMinutes: minutes }),
      (outcome) => {
        if (outcome.ok) {
          setStatus('saved');
          setError(null);
        } else {
          setStatus('idle');
          setError(outcome.error);
        }
      },
    );
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
        aria-invalid={status === 'invalid' ? true : undefined}
        aria-describedby={`${id}-hint ${id}-status`}
        value={text ?? ''}
        onChange={(event) => change(event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {t('settings.autoLockHint')}
      </p>
      <FieldSaveStatus
        id={`${id}-status`}
        state={status}
        invalidText={t('settings.autoLockInvalid', { max: LIMITS.autoLockMaxMinutes })}
        error={error}
      />
    </section>
  );
}
