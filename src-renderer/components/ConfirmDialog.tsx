// Asks before something that cannot be undone; the safe choice has focus.
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={props.title} onClose={props.onCancel} testId="confirm-dialog">
      <p>{props.text}</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={props.onCancel}>
          {props.cancelLabel ?? t('common.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="confirm-action"
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
