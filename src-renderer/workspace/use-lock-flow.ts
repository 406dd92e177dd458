// Locking: every change is flushed to main first; if something could not be saved, or a briefing is
// still being sent (a lock stops it), the user is asked before the vault locks anyway. Ctrl/Cmd+L
// locks from anywhere in the workspace.
import { useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { useShortcuts } from '../hooks/use-shortcuts';

/** Why a lock asks first: changes main could not store, or a briefing on its way out. */
export type LockConcern = 'unsaved' | 'sending';

export interface LockFlow {
  locking: boolean;
  /** The "lock anyway?" question showing, by what it is about; null when none is. */
  prompt: LockConcern | null;
  lock: (force: boolean) => Promise<void>;
  keepUnlocked: () => void;
}

export function useLockFlow(options: {
  /** Flushes everything to main; resolves to what a lock now would lose, or null. */
  concernBeforeLock: () => Promise<LockConcern | null>;
  onLocked: () => void;
  setError: (error: ApiError) => void;
}): LockFlow {
  const { concernBeforeLock, onLocked, setError } = options;
  const [locking, setLocking] = useState(false);
  const [prompt, setPrompt] = useState<LockConcern | null>(null);

  async function lock(force: boolean): Promise<void> {
    if (locking) return;
    setLocking(true);
    setPrompt(null);
    const concern = force ? null : await concernBeforeLock();
    if (concern !== null) {
      setLocking(false);
      setPrompt(concern);
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
