// Watches this user's own edits of a plan's body and keeps automatic versions of it (auto-version.ts).
// Remote edits do not count: each member's app versions what its user does.
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { planBody } from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';
import { saveAutoVersionIfDue } from './auto-version';
import type { PlanAuthor } from './use-plan-author';

/** @param author null while this user cannot write the plan. */
export function useAutoVersions(replica: DocReplica, planId: string, author: PlanAuthor | null) {
  const deviceKey = author?.deviceKey ?? null;
  const name = author?.name ?? '';
  useEffect(() => {
    if (!deviceKey) return;
    const body = planBody(replica.doc, planId);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = (_events: unknown, transaction: Y.Transaction): void => {
      if (!transaction.local || timer) return;
      // Once the edit's transaction is over: the version is a change of its own.
      timer = setTimeout(() => {
        timer = null;
        saveAutoVersionIfDue(replica.doc, planId, { deviceKey, name }, Date.now());
      }, 0);
    };
    body.observeDeep(onChange);
    return () => {
      body.unobserveDeep(onChange);
      if (timer) clearTimeout(timer);
    };
  }, [replica, planId, deviceKey, name]);
}
