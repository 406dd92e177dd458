// A transfer under way (a file handed to main, a briefing uploading, an attachment downloading):
// what is happening, a bar with the share done, and a button to stop it.
import { useTranslation } from 'react-i18next';

interface TransferProgressProps {
  /** What is happening ("Uploading…"); the percentage is added after it. */
  label: string;
  done: number;
  /** 0 while unknown: the bar then only says that something is happening. */
  total: number;
  onCancel?: () => void;
  cancelLabel?: string;
  testId: string;
}

export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

export function TransferProgress(props: TransferProgressProps) {
  const { t } = useTranslation();
  const percent = percentOf(props.done, props.total);
  const known = props.total > 0;
  return (
    <div className="briefing-transfer" data-testid={props.testId}>
      <span className="briefing-transfer-label">
        {known ? t('briefings.progressLine', { what: props.label, percent }) : props.label}
      </span>
      {known ? (
        <progress className="busy-bar" max={100} value={percent} aria-label={props.label} />
      ) : (
        <progress className="busy-bar" aria-label={props.label} />
      )}
      {props.onCancel && (
        <button type="button" data-testid={`${props.testId}-cancel`} onClick={props.onCancel}>
          {props.cancelLabel ?? t('common.cancel')}
        </button>
      )}
    </div>
  );
}
