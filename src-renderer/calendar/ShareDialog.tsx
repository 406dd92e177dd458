// Sharing one event outside its space: by a link that expires, or with a member of another of my
// spaces. Two panels behind a pair of toggle buttons, and under them what was shared, to stop.
// Both panels stay mounted, the other one hidden, so a link already made (shown only once) or a
// member being chosen is still there after a look at the other way.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { Dialog } from '../components/Dialog';
import { ToggleGroup } from '../components/ToggleGroup';
import { ShareLinkPanel } from './ShareLinkPanel';
import { ShareMemberPanel } from './ShareMemberPanel';
import { SharesMadeList } from './SharesMadeList';

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
  // Bumped when something was shared: the list below asks for it again.
  const [version, setVersion] = useState(0);
  const onShared = () => setVersion((v) => v + 1);
  return (
    <Dialog title={t('calendar.share.title')} onClose={props.onClose} testId="share-dialog">
      <p className="hint">{t('calendar.share.intro')}</p>
      <ToggleGroup
        label={t('calendar.share.how')}
        choices={[
          { value: 'link', label: t('calendar.share.byLink'), testId: 'share-by-link' },
          { value: 'member', label: t('calendar.share.byMember'), testId: 'share-by-member' },
        ]}
        value={how}
        onChange={setHow}
      />
      <div hidden={how !== 'link'}>
        <ShareLinkPanel {...props} onShared={onShared} />
      </div>
      <div hidden={how !== 'member'}>
        <ShareMemberPanel {...props} onShared={onShared} />
      </div>
      <SharesMadeList spaceId={props.spaceId} eventId={props.eventId} version={version} />
      <div className="dialog-actions">
        <button type="button" data-testid="share-close" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
