// Shown while Suviaz asks main what state the vault is in, or when it could not find out.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { BusyIndicator } from '../components/BusyIndicator';
import { errorMessage } from '../i18n/error-message';
import { ScreenFrame } from './ScreenFrame';

export function LoadingScreen({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ScreenFrame>
      {error ? (
        <>
          <h1>{t('start.failed')}</h1>
          <p role="alert">{errorMessage(t, error)}</p>
          <button type="button" className="primary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      ) : (
        <BusyIndicator label={t('start.opening')} />
      )}
    </ScreenFrame>
  );
}
