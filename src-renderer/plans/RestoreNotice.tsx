// The open plan's notice that another member restored one of its versions.
import { History, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { listVersions } from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';
import { useDocVersion } from '../shared-doc/use-doc-replica';
import { lastRestore, restoreNotice } from './restore-record';

/**
 * Tells this member when someone else restored a version while the plan was open ("Alesia restored
 * “Before the press release”"), until they dismiss it. A restore from before the plan was opened is
 * not news: the versions tab shows the history.
 */
export function RestoreNotice(props: {
  replica: DocReplica;
  planId: string;
  space: SpaceSummary;
  me: string | null;
}) {
  const { replica, planId, space, me } = props;
  const { t, i18n } = useTranslation();
  useDocVersion(replica);
  const [dismissedAt, setDismissedAt] = useState(() => lastRestore(replica.doc, planId)?.at ?? 0);
  const record = lastRestore(replica.doc, planId);
  const shown = record && record.at > dismissedAt && record.by !== me ? record : null;
  return (
    // The live region is always there, so the notice is read out when it appears.
    <div className="plan-restore-notice-region" role="status">
      {shown && (
        <div className="notice plan-restore-notice" data-testid="plan-restore-notice">
          <History aria-hidden="true" focusable="false" size={16} />
          <span>
            {restoreNotice(shown, space, listVersions(replica.doc, planId), t, i18n.language)}
          </span>
          <button
            type="button"
            className="icon-button"
            data-testid="plan-restore-notice-dismiss"
            aria-label={t('plans.versions.dismiss')}
            title={t('plans.versions.dismiss')}
            onClick={() => setDismissedAt(shown.at)}
          >
            <X aria-hidden="true" focusable="false" size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
