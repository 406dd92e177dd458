// What this device's status in a space means, at the top of the space: waiting for approval, or
// removed / left with what is still here and the choice to delete it from this device.
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ConfirmButton } from '../components/ConfirmButton';
import { spaceName } from './space-name';

interface SpaceStatusBannerProps {
  space: SpaceSummary;
  onChanged: () => void;
}

const ENDED = {
  removed: {
    testId: 'space-removed-banner',
    title: 'space.removedTitle',
    text: 'space.removedText',
  },
  left: { testId: 'space-left-banner', title: 'space.leftTitle', text: 'space.leftText' },
  declined: {
    testId: 'space-declined-banner',
    title: 'space.declinedTitle',
    text: 'space.declinedText',
  },
} as const;

export function SpaceStatusBanner({ space, onChanged }: SpaceStatusBannerProps) {
  const { t } = useTranslation();
  // An invitation has a view of its own (SpaceView); an active space needs no banner.
  if (space.status === 'active' || space.status === 'invited') return null;
  if (space.status === 'pending') {
    return (
      <div className="warning status-banner" role="status" data-testid="space-pending-banner">
        <p className="status-banner-title">{t('space.pendingTitle')}</p>
        <p>{t('space.pendingText')}</p>
      </div>
    );
  }
  // Removed, left or declined: what happened, what is still here, and the choice to delete it.
  const ended = ENDED[space.status];
  return (
    <div className="warning status-banner" role="status" data-testid={ended.testId}>
      <p className="status-banner-title">{t(ended.title)}</p>
      <p>{space.wiped ? t('space.wipedText') : t(ended.text)}</p>
      <ConfirmButton
        label={t('space.forget')}
        testId="space-forget"
        title={t('space.forgetTitle', { name: spaceName(t, space.name) })}
        text={t('space.forgetText')}
        confirmLabel={t('space.forgetConfirm')}
        action={() => call('spaces.forget', { spaceId: space.id })}
        onDone={onChanged}
      />
    </div>
  );
}
