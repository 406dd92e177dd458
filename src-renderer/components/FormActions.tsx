// The bottom of a dialog's form: why the last try failed, Cancel, and the submit button that says
// what it is doing.
import { useTranslation } from 'react-i18next';
import type { ApiAction } from '../hooks/use-api-action';
import { ErrorAlert } from './ErrorAlert';

interface FormActionsProps {
  action: Pick<ApiAction, 'busy' | 'error'>;
  /** Without it there is no Cancel: a panel inside a dialog that has its own Close. */
  onCancel?: () => void;
  /** "Close" once the form has done its work; "Cancel" by default. */
  cancelLabel?: string;
  submitLabel: string;
  /** The submit button's words while busy; the submit label when left out. */
  busyLabel?: string;
  ready: boolean;
  submitTestId: string;
}

export function FormActions({ action, ...props }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={action.error} />
      <div className="dialog-actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel ?? t('common.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="primary"
          data-testid={props.submitTestId}
          disabled={!props.ready}
        >
          {action.busy ? (props.busyLabel ?? props.submitLabel) : props.submitLabel}
        </button>
      </div>
    </>
  );
}
