// Making an invite: choose the role and how long it stays open, then hand over the link or its QR
// code. The link carries the one-time secret and is shown only here, so the dialog says how to treat it.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite, SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { CopyStatus } from '../components/CopyStatus';
import { Dialog } from '../components/Dialog';
import { FormActions } from '../components/FormActions';
import { QrCode } from '../components/QrCode';
import { WholeNumberInput } from '../components/WholeNumberInput';
import { useApiAction } from '../hooks/use-api-action';
import { useCopyText } from '../hooks/use-copy-text';
import { formatFullDate } from '../lib/format-date';
import { parseInviteDays } from '../lib/invite-expiry';
import { NewMemberRoleSelect, type NewMemberRole } from './NewMemberRoleSelect';
import { spaceName } from './space-name';

interface InviteDialogProps {
  space: SpaceSummary;
  onClose: () => void;
  onCreated: () => void;
}

export function InviteDialog({ space, onClose, onCreated }: InviteDialogProps) {
  const { t } = useTranslation();
  const [invite, setInvite] = useState<CreatedInvite | null>(null);
  return (
    <Dialog
      title={t('invites.dialogTitle', { name: spaceName(t, space.name) })}
      onClose={onClose}
      testId="invite-dialog"
      className="invite-dialog"
    >
      {invite ? (
        <CreatedInviteView
          invite={invite}
          joinApproval={space.policy.joinApproval}
          secondAdminNeeded={
            space.policy.twoAdminApproval &&
            space.members.filter((member) => member.role === 'admin').length >= 2
          }
          onClose={onClose}
        />
      ) : (
        <InviteForm
          spaceId={space.id}
          onClose={onClose}
          onCreated={(created) => {
            setInvite(created);
            onCreated();
          }}
        />
      )}
    </Dialog>
  );
}

interface InviteFormProps {
  spaceId: string;
  onClose: () => void;
  onCreated: (invite: CreatedInvite) => void;
}

function InviteForm({ spaceId, onClose, onCreated }: InviteFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [role, setRole] = useState<NewMemberRole>('editor');
  const [daysText, setDaysText] = useState(String(LIMITS.inviteDefaultDays));
  const action = useApiAction();
  const days = parseInviteDays(daysText);
  const ready = days !== null && !action.busy;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready) return;
    await action.run(
      () => call('spaces.createInvite', { spaceId, role, expiresInDays: days }),
      onCreated,
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={action.busy}>
      <label htmlFor={`${id}-role`}>{t('members.role')}</label>
      <NewMemberRoleSelect
        id={`${id}-role`}
        testId="invite-role"
        autoFocus
        disabled={action.busy}
        value={role}
        onChange={setRole}
      />
      <label htmlFor={`${id}-days`}>{t('invites.days')}</label>
      <WholeNumberInput
        id={`${id}-days`}
        className="invite-days"
        min={1}
        max={LIMITS.inviteMaxDays}
        data-testid="invite-days"
        readOnly={action.busy}
        aria-invalid={days === null ? true : undefined}
        aria-describedby={`${id}-days-hint`}
        value={daysText}
        onChange={(event) => setDaysText(event.target.value)}
      />
      <p id={`${id}-days-hint`} className={days === null ? 'error' : 'hint'}>
        {days === null
          ? t('invites.daysInvalid', { max: LIMITS.inviteMaxDays })
          : t('invites.daysHint', { max: LIMITS.inviteMaxDays })}
      </p>
      <FormActions
        action={action}
        onCancel={onClose}
        submitLabel={t('invites.submit')}
        busyLabel={t('invites.creating')}
        ready={ready}
        submitTestId="invite-create"
      />
    </form>
  );
}

interface CreatedInviteViewProps {
  invite: CreatedInvite;
  joinApproval: boolean;
  /** Under the two-admin rule the invite opens only once another admin approves it. */
  secondAdminNeeded: boolean;
  onClose: () => void;
}

function CreatedInviteView({
  invite,
  joinApproval,
  secondAdminNeeded,
  onClose,
}: CreatedInviteViewProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const linkRef = useRef<HTMLInputElement>(null);
  const copier = useCopyText(linkRef);
  const date = formatFullDate(invite.expiresAt, i18n.resolvedLanguage ?? 'en');
  return (
    <div className="created-invite">
      <QrCode text={invite.link} label={t('invites.qr')} testId="invite-qr" />
      <label htmlFor={`${id}-link`}>{t('invites.link')}</label>
      <div className="device-code-row">
        <input
          id={`${id}-link`}
          ref={linkRef}
          className="device-code"
          data-testid="invite-link"
          readOnly
          spellCheck={false}
          aria-describedby={`${id}-status ${id}-rules`}
          value={invite.link}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          data-testid="invite-copy"
          autoFocus
          onClick={() => void copier.copy(invite.link)}
        >
          {t('common.copy')}
        </button>
      </div>
      <CopyStatus id={`${id}-status`} state={copier.state} />
      <div id={`${id}-rules`}>
        <p>
          <strong>{t('invites.singleUse', { date })}</strong>
        </p>
        <p>{t('invites.trust', { role: t(`spaces.roles.${invite.role}`) })}</p>
        {secondAdminNeeded && (
          <p className="warning" data-testid="invite-needs-second-admin">
            {t('invites.secondAdminNeeded')}
          </p>
        )}
        {joinApproval && <p>{t('invites.approvalNeeded')}</p>}
        <p className="hint">{t('invites.shownOnce')}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" data-testid="invite-done" onClick={onClose}>
          {t('invites.done')}
        </button>
      </div>
    </div>
  );
}
