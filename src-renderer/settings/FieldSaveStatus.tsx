// Under a settings field that stores itself: "Saving…", "Saved" or why the value is invalid,
// announced politely, then the error of the last store if it failed.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { ErrorAlert } from '../components/ErrorAlert';

export type FieldSaveState = 'idle' | 'saving' | 'saved' | 'invalid';

interface FieldSaveStatusProps {
  /** The status paragraph's id, which the field names in aria-describedby. */
  id: string;
  state: FieldSaveState;
  invalidText: string;
  error: ApiError | null;
}

export function FieldSaveStatus({ id, state, invalidText, error }: FieldSaveStatusProps) {
  const { t } = useTranslation();
  return (
    <>
      <p id={id} className="hint" role="status" aria-live="polite">
        {state === 'invalid'
          ? invalidText
          : state === 'saving'
            ? t('settings.saving')
            : state === 'saved'
              ? t('settings.saved')
              : ''}
      </p>
      <ErrorAlert error={error} />
    </>
  );
}
