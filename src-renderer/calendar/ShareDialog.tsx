// Sharing one event outside its space: by a link that expires, or with a member of another of my
// spaces. Two panels behind a pair of toggle buttons.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { Dialog } from '../components/Dialog';
import { ShareLinkPanel } from './ShareLinkPanel';
import { ShareMemberPanel } from './ShareMemberPanel';

interface ShareDialogProps {
  spaceId: string;
  eventId: string;
  occurrence?: string;
  spaces: readonly SpaceSummary[];
  onClose: () => void;
}

export function ShareDialog(props: ShareDialogProps) {
  const { t } = useTranslation();
  const [how, setHow] = useState<'link' | 'member'>('link');
  return (
    <Dialog title={t('calendar.share.title')} onClose={props.onClose} testId="share-dialog">
      <p className="hint">{t('calendar.share.intro')}</p>
      <div className="view-switch" role="group" aria-label={t('calendar.share.how')}>
        <button
          type="button"
          data-testid="share-by-link"
          aria-pressed={how === 'link'}
          onClick={() => setHow('link')}
        >
          {t('calendar.share.byLink')}
        </button>
        <button
          type="button"
          data-testid="share-by-member"
          aria-pressed={how === 'member'}
          onClick={() => setHow('member')}
        >
          {t('calendar.share.byMember')}
        </button>
      </div>
      {how === 'link' ? <ShareLinkPanel {...props} /> : <ShareMemberPanel {...props} />}
      <div className="dialog-actions">
        <button type="button" data-testid="share-close" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
