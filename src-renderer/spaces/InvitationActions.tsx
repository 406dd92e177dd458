// Accept or decline an invitation (an admin added this device by its code). Accepting starts the
// space syncing; declining is asked about first, because to come back an admin must add the device
// again.
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { spaceName } from './space-name';

interface InvitationActionsProps {
  space: Pick<SpaceSummary, 'id' | 'name'>;
  /** The space as main returns it once accepted: put it in the list and open it. */
  onAccepted: (space: SpaceSummary) => void;
  onDeclined: () => void;
}

export function InvitationActions({ space, onAccepted, onDeclined }: InvitationActionsProps) {
  const { t } = useTranslation();
  const accept = useApiAction();
  const name = spaceName(t, space.name);
  return (
    <div className="invitation-actions">
      <button
        type="button"
        className="primary"
        data-testid="invitation-accept"
        aria-label={t('spaces.invitation.acceptLabel', { name })}
        disabled={accept.busy}
        onClick={() =>
          void accept.run(() => call('spaces.acceptInvitation', { spaceId: space.id }), onAccepted)
        }
      >
        {t('spaces.invitation.accept')}
      </button>
      <ConfirmButton
        label={t('spaces.invitation.decline')}
        ariaLabel={t('spaces.invitation.declineLabel', { name })}
        testId="invitation-decline"
        title={t('spaces.invitation.declineTitle', { name })}
        text={t('spaces.invitation.declineText')}
        confirmLabel={t('spaces.invitation.declineConfirm')}
        action={() => call('spaces.declineInvitation', { spaceId: space.id })}
        onDone={onDeclined}
      />
      <ErrorAlert error={accept.error} />
    </div>
  );
}
