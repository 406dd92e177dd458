// One call to main at a time from a form or button: busy while it runs, its error kept for display.
// The outcome is returned too, for callers that do more than one thing on success.
import { useCallback, useRef, useState } from 'react';
import type { ApiError, CallOutcome } from '../../src-shared/api';

export interface ApiAction {
  busy: boolean;
  error: ApiError | null;
  /**
   * Resolves to null, without calling, while another call of this action is still running. Never
   * rejects: if `start` throws, that becomes the action's error like a refusal from main.
   */
  run: <T>(
    start: () => Promise<CallOutcome<T>>,
    onSuccess?: (value: T) => void,
  ) => Promise<CallOutcome<T> | null>;
  clearError: () => void;
}

// What a File's text(), arrayBuffer() or a FileReader fail with when the file went away or changed
// after it was chosen (a USB stick pulled out, a file deleted or rewritten).
const FILE_READ_FAILURES = new Set(['NotFoundError', 'NotReadableError', 'SecurityError']);

/** The error to show for a `start` that threw instead of resolving to an outcome. */
export function thrownError(thrown: unknown): ApiError {
  if (thrown instanceof DOMException && FILE_READ_FAILURES.has(thrown.name)) {
    // The renderer's one code for a chosen file that cannot be read (as in a briefing's files).
    return { code: 'attachment-unreadable', message: 'The chosen file could not be read.' };
  }
  return { code: 'internal', message: 'The action failed in the window before reaching main.' };
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
      } catch (thrown) {
        // call() never rejects, but work done here before it can (reading a chosen file); callers
        // fire and forget, so a rejection would otherwise vanish and the user would see nothing.
        outcome = { ok: false, error: thrownError(thrown) };
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
