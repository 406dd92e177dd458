// How an event repeats: never, daily, weekly on chosen days, monthly or yearly, every N; ending
// never, on a day or after N times. A rule from elsewhere that this form cannot show is named as
// such and kept unchanged until the user picks another.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField';
import { formatWeekday } from './calendar-format';
import type { DraftProblem, EventDraft } from './event-draft';
import { RadioRow } from './RadioRow';
import {
  FREQUENCIES,
  parseRrule,
  WEEKDAY_CODES,
  weekdayCodeOf,
  type Frequency,
  type RecurrenceChoice,
} from './recurrence-choice';

interface RecurrenceFieldsProps {
  draft: EventDraft;
  setDraft: (update: (draft: EventDraft) => EventDraft) => void;
  problems: ReadonlySet<DraftProblem>;
}

/** A Monday to take weekday names from (2024-01-01 was one). */
const A_MONDAY = [
  '2024-01-01',
  '2024-01-02',
  '2024-01-03',
  '2024-01-04',
  '2024-01-05',
  '2024-01-06',
  '2024-01-07',
];

export function RecurrenceFields({ draft, setDraft, problems }: RecurrenceFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const id = useId();
  const custom =
    !draft.recurrenceEdited &&
    parseRrule(draft.storedRule, { allDay: draft.allDay, tz: draft.tz }) === 'custom';
  const rule = draft.recurrence;
  const change = (update: Partial<RecurrenceChoice>) =>
    setDraft((d) => ({ ...d, recurrenceEdited: true, recurrence: { ...d.recurrence, ...update } }));

  function chooseFrequency(frequency: Frequency): void {
    // Weekly starts on the start's own weekday, so the rule says what the user sees.
    const weekdays =
      frequency === 'weekly' && rule.weekdays.length === 0 && draft.startDate
        ? [weekdayCodeOf(draft.startDate)]
        : rule.weekdays;
    change({ frequency, weekdays });
  }

  const unit = rule.frequency === 'none' ? 'daily' : rule.frequency;
  return (
    <fieldset className="cal-fieldset">
      <legend>{t('calendar.recurrence.legend')}</legend>
      <label htmlFor={`${id}-freq`}>{t('calendar.recurrence.repeats')}</label>
      <select
        id={`${id}-freq`}
        data-testid="event-repeat"
        value={custom ? 'custom' : rule.frequency}
        onChange={(event) => {
          const frequency = FREQUENCIES.find((f) => f === event.target.value);
          if (frequency) chooseFrequency(frequency);
        }}
      >
        {custom && <option value="custom">{t('calendar.recurrence.custom')}</option>}
        {FREQUENCIES.map((f) => (
          <option key={f} value={f}>
            {t(`calendar.recurrence.frequency.${f}`)}
          </option>
        ))}
      </select>
      {custom && <p className="hint">{t('calendar.recurrence.customHint')}</p>}
      {!custom && rule.frequency !== 'none' && (
        <>
          <label htmlFor={`${id}-interval`}>{t('calendar.recurrence.every')}</label>
          <div className="inline-form cal-interval">
            <input
              id={`${id}-interval`}
              type="number"
              min={1}
              max={999}
              data-testid="event-repeat-interval"
              value={rule.interval}
              aria-invalid={problems.has('interval-invalid') || undefined}
              onChange={(event) => change({ interval: Number(event.target.value) })}
            />
            <span>{t(`calendar.recurrence.unit.${unit}`, { count: rule.interval })}</span>
          </div>
          {rule.frequency === 'weekly' && (
            <fieldset className="cal-weekdays">
              <legend>{t('calendar.recurrence.onDays')}</legend>
              {WEEKDAY_CODES.map((code, index) => (
                <span key={code} className="checkbox-row">
                  <input
                    id={`${id}-day-${code}`}
                    type="checkbox"
                    data-testid={`event-repeat-day-${code}`}
                    checked={rule.weekdays.includes(code)}
                    onChange={(event) =>
                      change({
                        weekdays: event.target.checked
                          ? [...rule.weekdays, code]
                          : rule.weekdays.filter((c) => c !== code),
                      })
                    }
                  />
                  <label htmlFor={`${id}-day-${code}`}>
                    {formatWeekday(A_MONDAY[index] ?? '2024-01-01', language, 'long')}
                  </label>
                </span>
              ))}
            </fieldset>
          )}
          <RecurrenceEndFields rule={rule} change={change} problems={problems} />
        </>
      )}
    </fieldset>
  );
}

function RecurrenceEndFields(props: {
  rule: RecurrenceChoice;
  change: (update: Partial<RecurrenceChoice>) => void;
  problems: ReadonlySet<DraftProblem>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { rule, change, problems } = props;
  const end = rule.end;
  return (
    <fieldset className="cal-repeat-end">
      <legend>{t('calendar.recurrence.ends')}</legend>
      <RadioRow
        id={`${id}-never`}
        name={`${id}-end`}
        testId="event-repeat-end-never"
        checked={end.kind === 'never'}
        onChange={() => change({ end: { kind: 'never' } })}
        label={t('calendar.recurrence.never')}
      />
      <RadioRow
        id={`${id}-until`}
        name={`${id}-end`}
        testId="event-repeat-end-until"
        checked={end.kind === 'until'}
        onChange={() => change({ end: { kind: 'until', date: '' } })}
        label={t('calendar.recurrence.onDate')}
      />
      {end.kind === 'until' && (
        <DateField
          label={t('calendar.recurrence.untilLabel')}
          testId="event-repeat-until"
          value={end.date || null}
          onChange={(day) => change({ end: { kind: 'until', date: day ?? '' } })}
        />
      )}
      <RadioRow
        id={`${id}-count`}
        name={`${id}-end`}
        testId="event-repeat-end-count"
        checked={end.kind === 'count'}
        onChange={() => change({ end: { kind: 'count', count: 10 } })}
        label={t('calendar.recurrence.afterCount')}
      />
      {end.kind === 'count' && (
        <div className="inline-form cal-interval">
          <input
            type="number"
            min={1}
            max={9999}
            data-testid="event-repeat-count"
            aria-label={t('calendar.recurrence.countLabel')}
            aria-invalid={problems.has('count-invalid') || undefined}
            value={end.count}
            onChange={(event) =>
              change({ end: { kind: 'count', count: Number(event.target.value) } })
            }
          />
          <span>{t('calendar.recurrence.times', { count: end.count })}</span>
        </div>
      )}
      {problems.has('until-before-start') && (
        <p className="error">{t('calendar.problems.until-before-start')}</p>
      )}
    </fieldset>
  );
}
