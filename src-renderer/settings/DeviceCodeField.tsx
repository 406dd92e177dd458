// This device's code, which another member pastes to add this device to a space: shown read-only,
// with a copy button that copies it as a sensitive text.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { CodeTextArea } from '../components/CodeTextArea';
import { CopyStatus } from '../components/CopyStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCopyText } from '../hooks/use-copy-text';

export function DeviceCodeField() {
  const { t } = useTranslation();
  const id = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const copier = useCopyText(fieldRef);

  useEffect(() => {
    let active = true;
    void call('device.code', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) setCode(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <div className="setting-field">
      <label htmlFor={id}>{t('settings.deviceCode')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('settings.deviceCodeHint')}
      </p>
      <div className="device-code-row">
        <CodeTextArea
          id={id}
          ref={fieldRef}
          data-testid="device-code"
          readOnly
          aria-describedby={`${id}-hint ${id}-status`}
          placeholder={code === null && !error ? t('common.loading') : undefined}
          value={code ?? ''}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          disabled={code === null}
          onClick={() => {
            if (code !== null) void copier.copy(code);
          }}
        >
          {t('common.copy')}
        </button>
      </div>
      <CopyStatus id={`${id}-status`} state={copier.state} />
      <ErrorAlert error={error} />
    </div>
  );
}
