// One call to main at a time from a form or button: busy while it runs, its error kept for display.
// The outcome is returned too, for callers that do more than one thing on success.
import { useCallback, useRef, useState } from 'react';
import type { ApiError, CallOutcome } from '../../src-shared/api';

export interface ApiAction {
  busy: boolean;
  error: ApiError | null;
  /** Resolves to null, without calling, while another call of this action is still running. */
  run: <T>(
    start: () => Promise<CallOutcome<T>>,
    onSuccess?: (value: T) => void,
  ) => Promise<CallOutcome<T> | null>;
  clearError: () => void;
}

export function useApiAction(): ApiAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // State updates land after the next render; a double click must not start a second call before.
  const running = useRef(false);

  const run = useCallback(
    async <T>(start: () => Promise<CallOutcome<T>>, onSuccess?: (value: T) => void) => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      setError(null);
      let outcome: CallOutcome<T>;
      try {
        outcome = await start();
      } finally {
        running.current = false;
        setBusy(false);
      }
      if (outcome.ok) onSuccess?.(outcome.value);
      else setError(outcome.error);
      return outcome;
    },
    [],
  );

  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
