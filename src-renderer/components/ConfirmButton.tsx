// A button whose action is asked about first: the dialog says what will happen, stays open while
// main works, and shows why it failed (e.g. "make another admin first") without losing the choice.
import { useState, type ReactNode } from 'react';
import type { CallOutcome } from '../../src-shared/api';
import { useApiAction } from '../hooks/use-api-action';
import { ConfirmDialog } from './ConfirmDialog';

interface ConfirmButtonProps {
  label: string;
  /** A fuller name for assistive technology, when the label alone is ambiguous in a list. */
  ariaLabel?: string;
  testId: string;
  className?: string;
  title: string;
  text: string;
  /** More paragraphs of explanation in the dialog. */
  details?: ReactNode;
  confirmLabel: string;
  action: () => Promise<CallOutcome<unknown>>;
  onDone: () => void;
}

export function ConfirmButton(props: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const action = useApiAction();

  async function confirm(): Promise<void> {
    await action.run(props.action, () => {
      setAsking(false);
      props.onDone();
    });
  }

  return (
    <>
      <button
        type="button"
        className={props.className}
        aria-label={props.ariaLabel}
        data-testid={props.testId}
        onClick={() => {
          action.clearError();
          setAsking(true);
        }}
      >
        {props.label}
      </button>
      {asking && (
        <ConfirmDialog
          title={props.title}
          text={props.text}
          confirmLabel={props.confirmLabel}
          busy={action.busy}
          error={action.error}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
        >
          {props.details}
        </ConfirmDialog>
      )}
    </>
  );
}
