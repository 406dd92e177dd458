// The briefings of one space (its Briefings tab) or of all spaces (from the sidebar): a search box
// and the list on one side, the briefing opened or the one being written on the other, and a
// warning above both when briefings were refused. The draft (briefing-drafts.ts) outlives the screen.
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { canWrite } from '../spaces/space-access';
import { spaceContent } from '../spaces/space-list';
import { BriefingList } from './BriefingList';
import { BriefingReader } from './BriefingReader';
import { ComposeBriefing } from './ComposeBriefing';
import { RefusedBanner } from './RefusedBanner';
import { useBriefingDraft } from './use-briefing-draft';
import { useBriefingsList } from './use-briefings-list';

interface BriefingsScreenProps {
  spaces: readonly SpaceSummary[];
  /** One space's briefings; all spaces' when absent. */
  spaceId?: string;
}

export function BriefingsScreen({ spaces, spaceId }: BriefingsScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const list = useBriefingsList(spaceId, query);
  const [selected, setSelected] = useState<string | null>(null);
  const draft = useBriefingDraft(spaceId ?? null);
  // A send still going, or one that failed while the user was elsewhere, is shown on coming back:
  // a failure seen nowhere would leave them believing the briefing went out.
  const [composing, setComposing] = useState(
    () => draft.sender.sending || draft.sender.error !== null,
  );
  // Viewers read briefings but do not send them (main refuses it too).
  const sendable = spaces.filter(
    (space) =>
      canWrite(space) &&
      spaceContent(space) === 'content' &&
      (spaceId === undefined || space.id === spaceId),
  );
  const fingerprintOf = useCallback(
    (inSpace: string, device: string) =>
      spaces.find((space) => space.id === inSpace)?.members.find((m) => m.deviceKey === device)
        ?.fingerprint ?? null,
    [spaces],
  );
  const { reload } = list;

  return (
    <section
      className="briefings-screen"
      data-testid="briefings-screen"
      aria-labelledby={`${id}-h`}
    >
      <div className="briefings-head">
        <h2 id={`${id}-h`}>
          {spaceId === undefined ? t('briefings.allTitle') : t('briefings.title')}
        </h2>
        <button
          type="button"
          className="primary"
          data-testid="briefing-new"
          disabled={sendable.length === 0}
          aria-pressed={composing}
          onClick={() => {
            setSelected(null);
            setComposing(true);
          }}
        >
          {draft.touched && !composing ? t('briefings.continueDraft') : t('briefings.newBriefing')}
        </button>
      </div>
      <RefusedBanner refused={list.refused} />
      <div className="briefings-body">
        <div className="briefings-list-pane">
          <label htmlFor={`${id}-search`} className="visually-hidden">
            {t('briefings.search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            data-testid="briefing-search"
            placeholder={t('briefings.search')}
            maxLength={200}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
          {list.error && (
            <div className="error-with-action">
              <ErrorAlert error={list.error} />
              <button type="button" onClick={reload}>
                {t('common.retry')}
              </button>
            </div>
          )}
          {list.items === null ? (
            !list.error && <p className="hint">{t('common.loading')}</p>
          ) : (
            <BriefingList
              items={list.items}
              selectedId={composing ? null : selected}
              onSelect={(briefing) => {
                setComposing(false);
                setSelected(briefing);
              }}
              showSpace={spaceId === undefined}
              emptyText={query.trim() ? t('briefings.noResults') : t('briefings.empty')}
              fingerprintOf={fingerprintOf}
            />
          )}
        </div>
        <div className="briefings-detail">
          {composing ? (
            <ComposeBriefing
              draft={draft}
              spaces={sendable}
              onClose={() => setComposing(false)}
              onSent={(sent) => {
                setComposing(false);
                setSelected(sent);
                reload();
              }}
            />
          ) : selected !== null ? (
            <BriefingReader
              key={selected}
              id={selected}
              showSpace={spaceId === undefined}
              fingerprintOf={fingerprintOf}
              onRecalled={() => {
                setSelected(null);
                reload();
              }}
            />
          ) : (
            <p className="editor-empty">
              {sendable.length === 0 ? t('briefings.noSpace') : t('briefings.choose')}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
