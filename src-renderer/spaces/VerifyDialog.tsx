// Checking a member's safety number: large digits to compare while they read theirs aloud, the same
// number as a QR code, and marking the result. The mark stays in this vault; nobody else sees it.
import { useTranslation } from 'react-i18next';
import type { SpaceMember } from '../../src-shared/api';
import { call } from '../bridge/call';
import { Dialog } from '../components/Dialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { QrCode } from '../components/QrCode';
import { SafetyNumber } from '../components/SafetyNumber';
import { useApiAction } from '../hooks/use-api-action';
import { fingerprintGroups } from '../lib/fingerprint';

interface VerifyDialogProps {
  member: SpaceMember;
  onClose: () => void;
  onChanged: () => void;
}

export function VerifyDialog({ member, onClose, onChanged }: VerifyDialogProps) {
  const { t } = useTranslation();
  const action = useApiAction();
  const name = member.name ?? t('members.unnamed');
  const number = fingerprintGroups(member.fingerprint).join(' ');

  async function mark(verified: boolean): Promise<void> {
    await action.run(
      () => call('contacts.setVerified', { deviceKey: member.deviceKey, verified }),
      onChanged,
    );
  }

  return (
    <Dialog
      title={t('verify.title', { name })}
      onClose={onClose}
      testId="verify-dialog"
      className="verify-dialog"
      focusTitle
    >
      {member.keyChangedFrom && (
        <p className="alarm-banner" role="alert" data-testid="verify-key-changed">
          {t('verify.previous', {
            name: member.keyChangedFrom.name,
            fingerprint: fingerprintGroups(member.keyChangedFrom.fingerprint).join(' '),
          })}
        </p>
      )}
      <p>{t('verify.how', { name })}</p>
      <SafetyNumber
        fingerprint={member.fingerprint}
        label={t('verify.number', { name })}
        testId="verify-number"
        size="large"
      />
      <div className="verify-qr">
        <QrCode text={number} label={t('verify.qr', { name })} testId="verify-qr" />
        <p className="hint">{t('verify.qrHint')}</p>
      </div>
      <p>{t('verify.why')}</p>
      <p
        className={member.verified ? 'success' : 'hint'}
        role="status"
        aria-live="polite"
        data-testid="verify-state"
        data-verified={member.verified}
      >
        {member.verified ? t('verify.isVerified') : t('verify.notVerified')}
      </p>
      <ErrorAlert error={action.error} />
      <div className="dialog-actions">
        {/* Focus starts on the heading (the number comes first); marking is a decision to make
            after comparing, never a default. */}
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button
          type="button"
          className={member.verified ? undefined : 'primary'}
          data-testid="verify-mark"
          disabled={action.busy}
          onClick={() => void mark(!member.verified)}
        >
          {member.verified ? t('verify.unmark') : t('verify.mark')}
        </button>
      </div>
    </Dialog>
  );
}
