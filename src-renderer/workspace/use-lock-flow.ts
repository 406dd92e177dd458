// Locking: every change is flushed to main first; if something could not be saved, the user is
// asked before the vault locks anyway. Ctrl/Cmd+L locks from anywhere in the workspace.
import { useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { useShortcuts } from '../hooks/use-shortcuts';

export interface LockFlow {
  locking: boolean;
  /** Whether "some changes are not saved: lock anyway?" is showing. */
  unsavedPrompt: boolean;
  lock: (force: boolean) => Promise<void>;
  keepUnlocked: () => void;
}

export function useLockFlow(options: {
  /** Resolves to whether everything reached main. */
  flushEverything: () => Promise<boolean>;
  onLocked: () => void;
  setError: (error: ApiError) => void;
}): LockFlow {
  const { flushEverything, onLocked, setError } = options;
  const [locking, setLocking] = useState(false);
  const [unsavedPrompt, setUnsavedPrompt] = useState(false);

  async function lock(force: boolean): Promise<void> {
    if (locking) return;
    setLocking(true);
    setUnsavedPrompt(false);
    if (!force && !(await flushEverything())) {
      setLocking(false);
      setUnsavedPrompt(true);
      return;
    }
    const outcome = await call('vault.lock', {});
    if (outcome.ok) {
      onLocked();
    } else {
      setLocking(false);
      setError(outcome.error);
    }
  }

  useShortcuts({ l: () => void lock(false) }, { inDialogs: true });

  return { locking, unsavedPrompt, lock, keepUnlocked: () => setUnsavedPrompt(false) };
}
