// Who an event of a coalition is for: the organisation it belongs to (mine by default, or none for
// the whole coalition) and who sees what, each choice with one sentence saying it. Nothing shows in
// a plain space, where every event is for everyone in it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationSummary } from '../../src-shared/calendar/calendar-api';
import type { Visibility } from '../../src-shared/calendar/event-model';
import { RadioRow } from './RadioRow';
import { visibilityChoices, visibilitySentence } from './visibility-text';

interface AudienceFieldsProps {
  orgs: readonly OrganisationSummary[];
  orgId: string | null;
  visibility: Visibility;
  onOrg: (orgId: string | null) => void;
  onVisibility: (visibility: Visibility) => void;
}

export function AudienceFields({
  orgs,
  orgId,
  visibility,
  onOrg,
  onVisibility,
}: AudienceFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  // Only my organisations' events can be added or changed by me; others are shown for what they are.
  const choosable = orgs.filter((org) => org.mine || org.id === orgId);
  const org = orgs.find((o) => o.id === orgId) ?? null;
  const orgName = org?.name ?? '';
  return (
    <fieldset className="cal-fieldset">
      <legend>{t('calendar.visibility.legend')}</legend>
      <label htmlFor={`${id}-org`}>{t('calendar.visibility.organisation')}</label>
      <select
        id={`${id}-org`}
        data-testid="event-organisation"
        value={orgId ?? ''}
        onChange={(event) => onOrg(event.target.value || null)}
      >
        <option value="">{t('calendar.visibility.noOrganisation')}</option>
        {choosable.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <div role="radiogroup" aria-label={t('calendar.visibility.who')} className="cal-visibility">
        {visibilityChoices(true, orgId).map((choice) => (
          <RadioRow
            key={choice}
            id={`${id}-${choice}`}
            name={`${id}-visibility`}
            value={choice}
            testId={`event-visibility-${choice}`}
            checked={visibility === choice}
            onChange={() => onVisibility(choice)}
            label={t(`calendar.visibility.choice.${choice}`)}
            hint={t(visibilitySentence(choice, true, orgId), { org: orgName })}
          />
        ))}
      </div>
    </fieldset>
  );
}
