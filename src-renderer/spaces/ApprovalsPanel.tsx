// Operations waiting for an admin (a join under the approval rule, or a change under the two-admin
// rule). Everyone sees what is waiting; only an admin whose approval counts gets the button.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingApproval, SpaceMember } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ActionButton } from '../components/ActionButton';
import { SafetyNumber } from '../components/SafetyNumber';
import { formatShortDate } from '../lib/format-date';
import { approvalTitle } from './approval-title';

interface ApprovalsPanelProps {
  spaceId: string;
  approvals: PendingApproval[];
  members: SpaceMember[];
  onChanged: () => void;
}

export function ApprovalsPanel({ spaceId, approvals, members, onChanged }: ApprovalsPanelProps) {
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
            members={members}
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
  members: SpaceMember[];
  onChanged: () => void;
}

/** The three rules as the policy panel names them, in its order. */
const POLICY_RULES = ['twoAdmin', 'joinApproval', 'wipe'] as const;
const POLICY_FIELDS = {
  twoAdmin: 'twoAdminApproval',
  joinApproval: 'joinApproval',
  wipe: 'wipeOnRemoval',
} as const;

function ApprovalItem({ approval, spaceId, members, onChanged }: ApprovalItemProps) {
  const { t, i18n } = useTranslation();
  const asker = approval.requestedBy
    ? members.find((member) => member.deviceKey === approval.requestedBy)
    : undefined;
  const requester = asker ? (asker.name ?? t('members.unknownDevice')) : null;
  const when = formatShortDate(
    approval.requestedAt,
    i18n.resolvedLanguage ?? 'en',
    t('dates.justNow'),
  );

  return (
    <li className="approval-item" data-testid="approval-item" data-kind={approval.kind}>
      <p className="approval-kind">{approvalTitle(t, approval, members)}</p>
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
      {approval.policy && (
        <ul className="hint approval-policy" data-testid="approval-policy">
          {POLICY_RULES.map((rule) => (
            <li key={rule}>
              {t(`policy.${rule}`)}:{' '}
              {approval.policy?.[POLICY_FIELDS[rule]] ? t('approvals.on') : t('approvals.off')}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        {requester
          ? t('approvals.requestedBy', { when, name: requester })
          : t('approvals.requested', { when })}
      </p>
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
          {approval.kind === 'join' && (
            <ActionButton
              label={t('approvals.decline')}
              testId="approval-decline"
              action={() => call('spaces.decline', { spaceId, index: approval.index })}
              onDone={onChanged}
            />
          )}
        </>
      ) : (
        <p className="hint">{t('approvals.waiting')}</p>
      )}
    </li>
  );
}
