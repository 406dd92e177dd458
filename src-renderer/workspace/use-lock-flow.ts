// Locking: every change is flushed to main first; if a lock would still lose something (changes
// that could not be saved, a briefing being sent or written, an event or a comment being written:
// lock-concerns.ts), the user is asked before the vault locks anyway. Ctrl/Cmd+L locks from
// anywhere in the workspace.
import { useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { useShortcuts } from '../hooks/use-shortcuts';
import type { LockConcern } from './lock-concerns';

export interface LockFlow {
  locking: boolean;
  /** The "lock anyway?" question showing, by everything it is about; null when none is. */
  prompt: readonly LockConcern[] | null;
  lock: (force: boolean) => Promise<void>;
  keepUnlocked: () => void;
}

export function useLockFlow(options: {
  /** Flushes everything to main; resolves to all that a lock now would lose (none: empty). */
  concernsBeforeLock: () => Promise<readonly LockConcern[]>;
  onLocked: () => void;
  setError: (error: ApiError) => void;
}): LockFlow {
  const { concernsBeforeLock, onLocked, setError } = options;
  const [locking, setLocking] = useState(false);
  const [prompt, setPrompt] = useState<readonly LockConcern[] | null>(null);

  async function lock(force: boolean): Promise<void> {
    if (locking) return;
    setLocking(true);
    setPrompt(null);
    const concerns = force ? [] : await concernsBeforeLock();
    if (concerns.length > 0) {
      setLocking(false);
      setPrompt(concerns);
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

  return { locking, prompt, lock, keepUnlocked: () => setPrompt(null) };
}
