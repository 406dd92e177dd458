// An admin's view of the space's rules; each change goes to main at once (and, under the two-admin
// rule, waits there for a second admin, showing up under approvals).
import { useTranslation } from 'react-i18next';
import type { SpacePolicy, SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { PolicyFields } from './PolicyFields';

interface PolicyPanelProps {
  space: SpaceSummary;
  onChanged: () => void;
}

export function PolicyPanel({ space, onChanged }: PolicyPanelProps) {
  const { t } = useTranslation();
  const change = useApiAction();

  async function setPolicy(policy: SpacePolicy): Promise<void> {
    await change.run(() => call('spaces.setPolicy', { spaceId: space.id, policy }), onChanged);
  }

  return (
    <section className="side-section" data-testid="policy-panel">
      <PolicyFields
        policy={space.policy}
        disabled={change.busy}
        onChange={(policy) => void setPolicy(policy)}
      />
      {space.policy.twoAdminApproval && <p className="hint">{t('policy.twoAdminHint')}</p>}
      <ErrorAlert error={change.error} />
    </section>
  );
}
