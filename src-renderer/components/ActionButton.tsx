// A button that calls main at once (nothing to confirm: revoking an invite, approving a request),
// disabled while the call runs, with the reason next to it when it fails.
import type { CallOutcome } from '../../src-shared/api';
import { useApiAction } from '../hooks/use-api-action';
import { ErrorAlert } from './ErrorAlert';

interface ActionButtonProps {
  label: string;
  testId: string;
  className?: string;
  action: () => Promise<CallOutcome<unknown>>;
  onDone: () => void;
}

export function ActionButton({ label, testId, className, action, onDone }: ActionButtonProps) {
  const request = useApiAction();
  return (
    <>
      <button
        type="button"
        className={className}
        data-testid={testId}
        disabled={request.busy}
        onClick={() => void request.run(action, onDone)}
      >
        {label}
      </button>
      <ErrorAlert error={request.error} />
    </>
  );
}
