// An API error as a translated alert paragraph; nothing while there is none.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { errorMessage } from '../i18n/error-message';

export function ErrorAlert({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {errorMessage(t, error)}
    </p>
  );
}
