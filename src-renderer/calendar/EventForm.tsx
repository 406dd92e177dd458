// The editor's form for an event this device may change: title, when, repetition, who it is for
// (in a coalition), place, description and this device's reminder; Save (asking how far a change
// to a series reaches), Delete, Share and Export. Problems are listed at the bottom and marked on
// their fields; what was typed stays while they are fixed or when main refuses the save.
import { useEffect, useId, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import type {
  CalendarEventView,
  CalendarItem,
  EventDeleteResult,
  OrganisationSummary,
} from '../../src-shared/calendar/calendar-api';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { AudienceFields } from './AudienceFields';
import { draftProblems, draftToInput, type EventDraft } from './event-draft';
import { EventWhenFields } from './EventWhenFields';
import { titleOrUntitled } from './item-text';
import { RecurrenceFields } from './RecurrenceFields';
import { ReminderSelect } from './ReminderSelect';
import { ScopeDialog } from './ScopeDialog';
import { SpaceSelect } from './SpaceSelect';
import { useEventSave } from './use-event-save';
import { fittingVisibility } from './visibility-text';
import { isValidZone } from '../../src-shared/calendar/local-time';

interface EventFormProps {
  draft: EventDraft;
  setDraft: (update: (draft: EventDraft) => EventDraft) => void;
  view: CalendarEventView | null;
  item?: CalendarItem;
  spaceId: string | null;
  /** For a new event in the calendar of all spaces: where it goes. */
  spaceChoice?: { spaces: SpaceSummary[]; onSpace: (spaceId: string) => void };
  orgs: readonly OrganisationSummary[] | null;
  /** Closes at once: after a save or a delete. */
  onClose: () => void;
  /** The Cancel button: closes, or first asks whether to throw the changes away. */
  onCancel: () => void;
  /** The event was deleted and the dialog stays open to say who keeps a copy. */
  onDeleted: () => void;
  onShare?: () => void;
  onExport?: () => void;
}

/** "Deleted." and, per space, how many people it was shared with through it keep their copy. */
function keptText(t: TFunction, kept: EventDeleteResult['notWithdrawn']): string {
  const each = kept.map(({ throughName, count }) =>
    throughName === null
      ? t('calendar.editor.deletedKeptUnnamed', { count })
      : t('calendar.editor.deletedKept', { count, space: throughName }),
  );
  return [t('calendar.editor.deleted'), ...each].join(' ');
}

export function EventForm(props: EventFormProps) {
  const { draft, setDraft, view, spaceId, orgs } = props;
  const { t } = useTranslation();
  const id = useId();
  const [showProblems, setShowProblems] = useState(false);
  const flow = useEventSave({ spaceId, view, item: props.item, onDone: props.onClose });
  const problems = draftProblems(draft, isValidZone);
  const shown = new Set(showProblems ? problems : []);
  const coalition = (orgs?.length ?? 0) > 0;
  const closeKept = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (flow.kept) closeKept.current?.focus();
  }, [flow.kept]);
  const { onDeleted } = props;
  useEffect(() => {
    if (flow.kept) onDeleted();
  }, [flow.kept, onDeleted]);

  if (flow.kept) {
    // Deleted, but some recipients keep their copies: said before the dialog closes.
    return (
      <>
        <p role="status" data-testid="event-deleted-kept">
          {keptText(t, flow.kept)}
        </p>
        <div className="dialog-actions">
          <button type="button" ref={closeKept} onClick={props.onClose}>
            {t('common.close')}
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <form
        className="cal-editor-form"
        noValidate
        aria-busy={flow.busy}
        onSubmit={(event) => {
          event.preventDefault();
          if (problems.length > 0) {
            setShowProblems(true);
            return;
          }
          flow.save(draftToInput(draft), draft.reminder);
        }}
      >
        {props.spaceChoice && (
          <>
            <label htmlFor={`${id}-space`}>{t('calendar.editor.space')}</label>
            <SpaceSelect
              id={`${id}-space`}
              testId="event-space"
              spaces={props.spaceChoice.spaces}
              value={spaceId ?? ''}
              onChange={props.spaceChoice.onSpace}
            />
          </>
        )}
        <label htmlFor={`${id}-title`}>{t('calendar.editor.title')}</label>
        <input
          id={`${id}-title`}
          data-testid="event-title"
          autoFocus
          maxLength={CALENDAR_LIMITS.titleMaxChars}
          value={draft.title}
          onChange={(event) => {
            const title = event.target.value;
            setDraft((d) => ({ ...d, title }));
          }}
        />
        <EventWhenFields draft={draft} setDraft={setDraft} problems={shown} />
        <RecurrenceFields draft={draft} setDraft={setDraft} problems={shown} />
        {coalition && orgs && (
          <AudienceFields
            orgs={orgs}
            orgId={draft.orgId}
            visibility={draft.visibility}
            onOrg={(orgId) =>
              setDraft((d) => ({
                ...d,
                orgId,
                visibility: fittingVisibility(d.visibility, true, orgId),
              }))
            }
            onVisibility={(visibility) => setDraft((d) => ({ ...d, visibility }))}
          />
        )}
        <label htmlFor={`${id}-location`}>{t('calendar.editor.location')}</label>
        <input
          id={`${id}-location`}
          data-testid="event-location"
          maxLength={CALENDAR_LIMITS.locationMaxChars}
          value={draft.location}
          onChange={(event) => {
            const location = event.target.value;
            setDraft((d) => ({ ...d, location }));
          }}
        />
        <label htmlFor={`${id}-description`}>{t('calendar.editor.description')}</label>
        <textarea
          id={`${id}-description`}
          data-testid="event-description"
          rows={4}
          maxLength={CALENDAR_LIMITS.descriptionMaxChars}
          value={draft.description}
          onChange={(event) => {
            const description = event.target.value;
            setDraft((d) => ({ ...d, description }));
          }}
        />
        <label htmlFor={`${id}-reminder`}>{t('calendar.reminder.label')}</label>
        <ReminderSelect
          id={`${id}-reminder`}
          value={draft.reminder}
          onChange={(reminder) => setDraft((d) => ({ ...d, reminder }))}
        />
        <p className="hint">{t('calendar.reminder.hint')}</p>
        <div role="alert" data-testid="event-problems">
          {shown.size > 0 && (
            <ul className="error cal-problems">
              {problems.map((problem) => (
                <li key={problem}>{t(`calendar.problems.${problem}`)}</li>
              ))}
            </ul>
          )}
        </div>
        <ErrorAlert error={flow.error} />
        <div className="dialog-actions cal-editor-actions">
          {view && (
            <span className="cal-editor-extra">
              <button
                type="button"
                className="danger"
                data-testid="event-delete"
                onClick={flow.remove}
              >
                {t('calendar.editor.delete')}
              </button>
              {props.onShare && (
                <button type="button" data-testid="event-share" onClick={props.onShare}>
                  {t('calendar.share.open')}
                </button>
              )}
              {props.onExport && (
                <button type="button" data-testid="event-export" onClick={props.onExport}>
                  {t('calendar.export.openOne')}
                </button>
              )}
            </span>
          )}
          <button type="button" data-testid="event-cancel" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="event-save" disabled={flow.busy}>
            {flow.busy ? t('calendar.editor.saving') : t('calendar.editor.save')}
          </button>
        </div>
      </form>
      {flow.ask && (
        <ScopeDialog
          purpose={flow.ask.purpose}
          allowThis={flow.ask.allowThis}
          onChoose={flow.choose}
          onCancel={flow.cancel}
        />
      )}
      {flow.confirmDelete && (
        <ConfirmDialog
          title={t('calendar.editor.deleteTitle')}
          text={t('calendar.editor.deleteText', { title: titleOrUntitled(t, draft.title) })}
          confirmLabel={t('calendar.editor.delete')}
          onConfirm={flow.confirmDeleteNow}
          onCancel={flow.cancel}
          busy={flow.busy}
        />
      )}
    </>
  );
}
