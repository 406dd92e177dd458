// A plan's title from the shared document, or null when the plan is not (or no longer) there.
// Re-renders only when that changes, not on every keystroke in the plan's body.
import { useCallback, useSyncExternalStore } from 'react';
import { getPlan } from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';

export function usePlanTitle(replica: DocReplica, planId: string): string | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      replica.doc.on('update', onChange);
      return () => replica.doc.off('update', onChange);
    },
    [replica],
  );
  return useSyncExternalStore(subscribe, () => getPlan(replica.doc, planId)?.title ?? null);
}
