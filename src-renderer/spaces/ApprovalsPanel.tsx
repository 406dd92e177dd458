// Operations waiting for an admin (a join under the approval rule, or a change under the two-admin
// rule). Everyone sees what is waiting; only an admin whose approval counts gets the button.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingApproval } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ActionButton } from '../components/ActionButton';
import { SafetyNumber } from '../components/SafetyNumber';
import { formatShortDate } from '../lib/format-date';

interface ApprovalsPanelProps {
  spaceId: string;
  approvals: PendingApproval[];
  onChanged: () => void;
}

export function ApprovalsPanel({ spaceId, approvals, onChanged }: ApprovalsPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  if (approvals.length === 0) return null;
  return (
    <section className="side-section" data-testid="approvals-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('approvals.title')}</h3>
      <ul className="approval-list">
        {approvals.map((approval) => (
          <ApprovalItem
            key={approval.index}
            approval={approval}
            spaceId={spaceId}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </section>
  );
}

interface ApprovalItemProps {
  approval: PendingApproval;
  spaceId: string;
  onChanged: () => void;
}

function ApprovalItem({ approval, spaceId, onChanged }: ApprovalItemProps) {
  const { t, i18n } = useTranslation();
  const when = formatShortDate(
    approval.requestedAt,
    i18n.resolvedLanguage ?? 'en',
    t('dates.justNow'),
  );

  return (
    <li className="approval-item" data-testid="approval-item" data-kind={approval.kind}>
      <p className="approval-kind">{t(`approvals.kinds.${approval.kind}`)}</p>
      {approval.role && (
        <p className="hint">{t('approvals.role', { role: t(`spaces.roles.${approval.role}`) })}</p>
      )}
      {approval.fingerprint && (
        <SafetyNumber
          fingerprint={approval.fingerprint}
          label={t('approvals.device')}
          testId="approval-fingerprint"
          size="compact"
        />
      )}
      <p className="hint">{t('approvals.requested', { when })}</p>
      {approval.canApprove ? (
        <>
          {approval.kind === 'join' && <p className="hint">{t('approvals.joinHint')}</p>}
          <ActionButton
            label={t('approvals.approve')}
            testId="approval-approve"
            className="primary"
            action={() => call('spaces.approve', { spaceId, index: approval.index })}
            onDone={onChanged}
          />
        </>
      ) : (
        <p className="hint">{t('approvals.waiting')}</p>
      )}
    </li>
  );
}
