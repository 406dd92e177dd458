// A plan's versions, newest first: save one under a name, and open one to compare it with the
// current text (and restore it from there). Automatic versions are saved by use-auto-versions.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { listVersions, saveVersion, type PlanVersion } from '../../src-shared/plans/plan-model';
import { useNow } from '../hooks/use-now';
import { formatFullDate, formatShortDate } from '../lib/format-date';
import type { DocReplica } from '../shared-doc/doc-replica';
import { useDocVersion } from '../shared-doc/use-doc-replica';
import { PlanPanel } from './PlanPanel';
import { authorName, versionLabel } from './plan-labels';
import type { PlanAuthor } from './use-plan-author';

interface VersionsPanelProps {
  replica: DocReplica;
  planId: string;
  space: SpaceSummary;
  /** null when this user cannot save versions. */
  author: PlanAuthor | null;
  onView: (version: PlanVersion) => void;
}

export function VersionsPanel({ replica, planId, space, author, onView }: VersionsPanelProps) {
  const { t, i18n } = useTranslation();
  const nameId = useId();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);
  useDocVersion(replica);
  useNow(60_000);
  const versions = listVersions(replica.doc, planId);

  return (
    <PlanPanel testId="versions-panel" title={t('plans.versions.title')}>
      {author && (
        <form
          className="version-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) return;
            const id = saveVersion(replica.doc, {
              planId,
              name: name.trim(),
              auto: false,
              at: Date.now(),
              author: author.deviceKey,
              authorName: author.name,
            });
            if (id === null) {
              setTooLarge(true);
              return;
            }
            setName('');
            setSaved(true);
          }}
        >
          <label htmlFor={nameId}>{t('plans.versions.name')}</label>
          <div className="inline-form">
            <input
              id={nameId}
              data-testid="version-name"
              maxLength={LIMITS.plans.versionNameMaxChars}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setSaved(false);
              }}
            />
            <button type="submit" data-testid="version-save" disabled={!name.trim()}>
              {t('plans.versions.save')}
            </button>
          </div>
        </form>
      )}
      <p className="hint" role="status">
        {saved ? t('plans.versions.saved') : tooLarge ? t('plans.versions.tooLarge') : ''}
      </p>
      {versions.length === 0 ? (
        <p className="hint">{t('plans.versions.none')}</p>
      ) : (
        <ul className="version-list">
          {versions.map((version) => {
            const label = versionLabel(version, t('plans.versions.auto'));
            return (
              <li
                key={version.id}
                className={version.auto ? 'version-item auto' : 'version-item'}
                data-testid="version-item"
              >
                <span className="version-name">{label}</span>
                <span className="version-meta" title={formatFullDate(version.at, i18n.language)}>
                  {t('plans.versions.by', {
                    name: authorName(version, space, t),
                    when: formatShortDate(version.at, i18n.language, t('dates.justNow')),
                  })}
                </span>
                <button
                  type="button"
                  data-testid="version-view"
                  aria-label={t('plans.versions.viewLabel', { name: label })}
                  onClick={() => onView(version)}
                >
                  {t('plans.versions.view')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </PlanPanel>
  );
}
