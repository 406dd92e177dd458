// When an event happens: all day or not, start and end (days through the app's date field, times
// as time inputs), the zone the times are in, and both clocks when that zone is not this device's.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField';
import { instantOf } from './drag-timing';
import {
  isTime,
  withStartDate,
  withStartTime,
  type DraftProblem,
  type EventDraft,
} from './event-draft';
import { ZoneField } from './ZoneField';
import { ZoneTimes } from './ZoneTimes';
import { isValidZone } from '../../src-shared/calendar/local-time';

interface EventWhenFieldsProps {
  draft: EventDraft;
  setDraft: (update: (draft: EventDraft) => EventDraft) => void;
  problems: ReadonlySet<DraftProblem>;
}

export function EventWhenFields({ draft, setDraft, problems }: EventWhenFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const endWrong = problems.has('end-before-start') || problems.has('end-missing');
  const timeWrong = problems.has('time-invalid');
  const start =
    draft.startDate && isTime(draft.startTime) && isValidZone(draft.tz)
      ? instantOf(`${draft.startDate}T${draft.startTime}`, draft.tz)
      : NaN;
  const end =
    draft.endDate && isTime(draft.endTime) && isValidZone(draft.tz)
      ? instantOf(`${draft.endDate}T${draft.endTime}`, draft.tz)
      : NaN;
  return (
    <fieldset className="cal-fieldset">
      <legend>{t('calendar.editor.when')}</legend>
      <div className="checkbox-row">
        <input
          id={`${id}-allday`}
          type="checkbox"
          data-testid="event-all-day"
          checked={draft.allDay}
          onChange={(event) => {
            const allDay = event.target.checked;
            setDraft((d) => ({ ...d, allDay }));
          }}
        />
        <label htmlFor={`${id}-allday`}>{t('calendar.editor.allDay')}</label>
      </div>
      <div className="cal-when-row">
        <div>
          <label htmlFor={`${id}-start-date`}>{t('calendar.editor.startDate')}</label>
          <DateField
            id={`${id}-start-date`}
            testId="event-start-date"
            value={draft.startDate}
            onChange={(day) => setDraft((d) => withStartDate(d, day))}
          />
        </div>
        {!draft.allDay && (
          <div>
            <label htmlFor={`${id}-start-time`}>{t('calendar.editor.startTime')}</label>
            <input
              id={`${id}-start-time`}
              type="time"
              data-testid="event-start-time"
              value={draft.startTime}
              aria-invalid={timeWrong || undefined}
              onChange={(event) => {
                const time = event.target.value;
                setDraft((d) => withStartTime(d, time));
              }}
            />
          </div>
        )}
      </div>
      <div className="cal-when-row">
        <div>
          <label htmlFor={`${id}-end-date`}>
            {draft.allDay ? t('calendar.editor.lastDay') : t('calendar.editor.endDate')}
          </label>
          <DateField
            id={`${id}-end-date`}
            testId="event-end-date"
            value={draft.endDate}
            onChange={(day) => setDraft((d) => ({ ...d, endDate: day }))}
          />
        </div>
        {!draft.allDay && (
          <div>
            <label htmlFor={`${id}-end-time`}>{t('calendar.editor.endTime')}</label>
            <input
              id={`${id}-end-time`}
              type="time"
              data-testid="event-end-time"
              value={draft.endTime}
              aria-invalid={endWrong || timeWrong || undefined}
              onChange={(event) => {
                const time = event.target.value;
                setDraft((d) => ({ ...d, endTime: time }));
              }}
            />
          </div>
        )}
      </div>
      {!draft.allDay && (
        <>
          <ZoneField value={draft.tz} onChange={(tz) => setDraft((d) => ({ ...d, tz }))} />
          <ZoneTimes startMs={start} endMs={end} tz={draft.tz} testId="event-zone-times" />
        </>
      )}
    </fieldset>
  );
}
