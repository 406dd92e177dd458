// The main column of a space: its plans above the shared notes, or one open plan in their place.
// The space's document replica is shared by the plans list, the open plan and its panels.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { useDocReplica } from '../shared-doc/use-doc-replica';
import { canWrite } from '../spaces/space-access';
import { PlansSection } from './PlansSection';
import { PlanView } from './PlanView';
import { useKnownPeers } from './known-peers';
import { usePlanAuthor } from './use-plan-author';

export interface PlanToOpen {
  planId: string;
  /** A new nonce opens the plan again, even if it is the one asked for last time. */
  nonce: number;
}

interface SpacePlansAreaProps {
  space: SpaceSummary;
  planToOpen: PlanToOpen | null;
  /** The shared notes editor, shown under the plans while no plan is open. */
  children: ReactNode;
}

export function SpacePlansArea({ space, planToOpen, children }: SpacePlansAreaProps) {
  const { t } = useTranslation();
  const { replica, phase } = useDocReplica(space.docId);
  const { author, error } = usePlanAuthor(space);
  useKnownPeers(space.docId);
  const [openPlanId, setOpenPlanId] = useState<string | null>(planToOpen?.planId ?? null);
  const [seenNonce, setSeenNonce] = useState<number | null>(planToOpen?.nonce ?? null);
  // A request from elsewhere ("My tasks") is taken during render, as React advises for a prop change.
  if (planToOpen && planToOpen.nonce !== seenNonce) {
    setSeenNonce(planToOpen.nonce);
    setOpenPlanId(planToOpen.planId);
  }
  const writer = canWrite(space) ? author : null;

  if (openPlanId && phase.kind !== 'failed') {
    if (!replica || phase.kind === 'opening') {
      return (
        <div className="editor-empty" aria-busy="true">
          {t('plans.opening')}
        </div>
      );
    }
    return (
      <PlanView
        key={openPlanId}
        replica={replica}
        planId={openPlanId}
        space={space}
        author={author}
        onBack={() => setOpenPlanId(null)}
        onOpenPlan={setOpenPlanId}
      />
    );
  }
  return (
    <div className="space-main">
      <PlansSection
        replica={replica}
        phase={phase}
        author={writer}
        authorError={canWrite(space) ? error : null}
        onOpen={setOpenPlanId}
      />
      {children}
    </div>
  );
}
