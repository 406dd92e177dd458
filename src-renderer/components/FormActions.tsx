// The bottom of a dialog's form: why the last try failed, Cancel, and the submit button that says
// what it is doing.
import { useTranslation } from 'react-i18next';
import type { ApiAction } from '../hooks/use-api-action';
import { ErrorAlert } from './ErrorAlert';

interface FormActionsProps {
  action: Pick<ApiAction, 'busy' | 'error'>;
  onCancel: () => void;
  submitLabel: string;
  busyLabel: string;
  ready: boolean;
  submitTestId: string;
}

export function FormActions({ action, ...props }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={action.error} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="primary"
          data-testid={props.submitTestId}
          disabled={!props.ready}
        >
          {action.busy ? props.busyLabel : props.submitLabel}
        </button>
      </div>
    </>
  );
}
