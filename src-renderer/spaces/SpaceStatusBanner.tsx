// What this device's status in a space means, at the top of the space: waiting for approval, or
// removed / left with what is still here and the choice to delete it from this device.
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ConfirmButton } from '../components/ConfirmButton';

interface SpaceStatusBannerProps {
  space: SpaceSummary;
  onChanged: () => void;
}

export function SpaceStatusBanner({ space, onChanged }: SpaceStatusBannerProps) {
  const { t } = useTranslation();
  if (space.status === 'active') return null;
  if (space.status === 'pending') {
    return (
      <div className="warning status-banner" role="status" data-testid="space-pending-banner">
        <p className="status-banner-title">{t('space.pendingTitle')}</p>
        <p>{t('space.pendingText')}</p>
      </div>
    );
  }
  if (space.status === 'declined') {
    return (
      <div className="warning status-banner" role="status" data-testid="space-declined-banner">
        <p className="status-banner-title">{t('space.declinedTitle')}</p>
        <p>{t('space.declinedText')}</p>
        <ConfirmButton
          label={t('space.forget')}
          testId="space-forget"
          title={t('space.forgetTitle', { name: space.name })}
          text={t('space.forgetText')}
          confirmLabel={t('space.forgetConfirm')}
          action={() => call('spaces.forget', { spaceId: space.id })}
          onDone={onChanged}
        />
      </div>
    );
  }
  const removed = space.status === 'removed';
  return (
    <div
      className="warning status-banner"
      role="status"
      data-testid={removed ? 'space-removed-banner' : 'space-left-banner'}
    >
      <p className="status-banner-title">
        {removed ? t('space.removedTitle') : t('space.leftTitle')}
      </p>
      <p>
        {space.wiped
          ? t('space.wipedText')
          : removed
            ? t('space.removedText')
            : t('space.leftText')}
      </p>
      <ConfirmButton
        label={t('space.forget')}
        testId="space-forget"
        title={t('space.forgetTitle', { name: space.name })}
        text={t('space.forgetText')}
        confirmLabel={t('space.forgetConfirm')}
        action={() => call('spaces.forget', { spaceId: space.id })}
        onDone={onChanged}
      />
    </div>
  );
}
