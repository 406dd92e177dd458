// What only a component on screen holds and a lock would throw away (an event being written in its
// editor): the component holds its concern for as long as that lasts, and the lock flow asks here.
import { createContext, useContext, useEffect } from 'react';
import type { LockConcern } from './lock-concerns';

export class LockHolds {
  private readonly holds = new Map<symbol, LockConcern>();

  /** Returns the release; two holders of one concern each release their own. */
  hold(concern: LockConcern): () => void {
    const token = Symbol(concern);
    this.holds.set(token, concern);
    return () => {
      this.holds.delete(token);
    };
  }

  holding(concern: LockConcern): boolean {
    return [...this.holds.values()].includes(concern);
  }
}

export const LockHoldsContext = createContext<LockHolds | null>(null);

/** Holds `concern` while `active`; outside a Workspace (tests, previews) nothing is asked. */
export function useLockHold(concern: LockConcern, active: boolean): void {
  const holds = useContext(LockHoldsContext);
  useEffect(() => (holds && active ? holds.hold(concern) : undefined), [holds, concern, active]);
}
