// Asks before something that cannot be undone; the safe choice has focus. For an action that calls
// main, the dialog stays open while it runs and shows why it failed, so the user can decide again.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';

interface ConfirmDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** More paragraphs after the text. */
  children?: ReactNode;
  busy?: boolean;
  error?: ApiError | null;
  testId?: string;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={props.title} onClose={props.onCancel} testId={props.testId ?? 'confirm-dialog'}>
      <div aria-busy={props.busy}>
        <p>{props.text}</p>
        {props.children}
        <ErrorAlert error={props.error ?? null} />
        <div className="dialog-actions">
          <button type="button" autoFocus onClick={props.onCancel}>
            {props.cancelLabel ?? t('common.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            data-testid="confirm-action"
            disabled={props.busy}
            onClick={props.onConfirm}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
