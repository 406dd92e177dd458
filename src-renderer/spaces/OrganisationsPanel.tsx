// The organisations of a coalition in the space's side panel: each with its member count (and
// mine marked); an admin of the space can make it a coalition by adding an organisation, and the
// admins of my organisation manage who belongs to it (OrgMembers).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { myOrganisation, useOrganisations } from '../calendar/use-organisations';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { OrgMembers } from './OrgMembers';
import { isActiveAdmin } from './space-access';

export function OrganisationsPanel({ space }: { space: SpaceSummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { orgs, error, reload } = useOrganisations(space.id);
  const mine = myOrganisation(orgs);
  return (
    <section className="side-section" data-testid="orgs-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('calendar.orgs.title')}</h3>
      <ErrorAlert error={error} />
      {orgs === null && !error && <p className="hint">{t('common.loading')}</p>}
      {orgs !== null && orgs.length === 0 && <p className="hint">{t('calendar.orgs.none')}</p>}
      {orgs !== null && orgs.length > 0 && (
        <ul className="member-list">
          {orgs.map((org) => (
            <li key={org.id} className="member-item" data-testid="org-item" data-mine={org.mine}>
              <div className="member-line">
                <span className="member-name" data-testid="org-name">
                  {org.name}
                </span>
                {org.mine && <span className="member-you">({t('calendar.orgs.mine')})</span>}
                <span className="member-role">
                  {t('calendar.orgs.members', { count: org.memberCount })}
                </span>
              </div>
              {org.waitingForKey && <p className="hint">{t('calendar.orgs.waitingForKey')}</p>}
            </li>
          ))}
        </ul>
      )}
      {mine?.myRole === 'admin' && <OrgMembers space={space} org={mine} onChanged={reload} />}
      {isActiveAdmin(space) && orgs !== null && (
        <NewOrganisationForm spaceId={space.id} first={orgs.length === 0} onCreated={reload} />
      )}
    </section>
  );
}

function NewOrganisationForm(props: { spaceId: string; first: boolean; onCreated: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const action = useApiAction();
  return (
    <form
      className="org-new"
      aria-busy={action.busy}
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        void action.run(
          () => call('orgs.create', { spaceId: props.spaceId, name: name.trim() }),
          () => {
            setName('');
            props.onCreated();
          },
        );
      }}
    >
      <label htmlFor={`${id}-name`}>
        {props.first ? t('calendar.orgs.makeCoalition') : t('calendar.orgs.add')}
      </label>
      <p id={`${id}-hint`} className="hint">
        {props.first ? t('calendar.orgs.makeCoalitionHint') : t('calendar.orgs.addHint')}
      </p>
      <div className="inline-form">
        <input
          id={`${id}-name`}
          data-testid="org-new-name"
          aria-describedby={`${id}-hint`}
          maxLength={LIMITS.spaceNameMaxChars}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" data-testid="org-new-submit" disabled={!name.trim() || action.busy}>
          {t('calendar.orgs.create')}
        </button>
      </div>
      <ErrorAlert error={action.error} />
    </form>
  );
}
