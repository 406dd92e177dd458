// Shown while Suviaz asks main what state the vault is in, or when it could not find out.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { BusyIndicator } from '../components/BusyIndicator';
import { errorMessage } from '../i18n/error-message';
import { ScreenFrame } from './ScreenFrame';
import { useDisguise } from '../appearance/use-appearance';

export function LoadingScreen({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  const { t } = useTranslation();
  // Until main said which disguise is set (or when one is), nothing here may name the app.
  const disguise = useDisguise();
  const neutral = disguise !== 'none';
  return (
    <ScreenFrame>
      {error ? (
        <>
          <h1>{neutral ? t('disguise.screen.failed') : t('start.failed')}</h1>
          {disguise !== null && <p role="alert">{errorMessage(t, error)}</p>}
          <button type="button" className="primary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      ) : (
        <BusyIndicator label={neutral ? t('disguise.screen.opening') : t('start.opening')} />
      )}
    </ScreenFrame>
  );
}
