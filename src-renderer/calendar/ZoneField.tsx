// The event's time zone: a text field searchable through the runtime's list of zones (a datalist,
// so typing "Vil" offers Europe/Vilnius), checked as it is typed, with a way back to this device's.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceZone } from './day-math';
import { isValidZone } from '../../src-shared/calendar/local-time';
import { allZones } from './zones';

interface ZoneFieldProps {
  value: string;
  onChange: (tz: string) => void;
}

export function ZoneField({ value, onChange }: ZoneFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const here = deviceZone();
  const valid = isValidZone(value);
  return (
    <div className="cal-zone-field">
      <label htmlFor={`${id}-zone`}>{t('calendar.editor.zone')}</label>
      <div className="inline-form">
        <input
          id={`${id}-zone`}
          list={`${id}-zones`}
          lang="en"
          data-testid="event-zone"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={valid ? undefined : true}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.target.value.trim())}
        />
        {value !== here && (
          <button type="button" data-testid="event-zone-device" onClick={() => onChange(here)}>
            {t('calendar.editor.zoneUseDevice')}
          </button>
        )}
      </div>
      <datalist id={`${id}-zones`}>
        {allZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="hint">
        {valid ? (
          <>
            {t('calendar.editor.zoneDevice')} <span lang="en">{here}</span>.{' '}
            {t('calendar.editor.zoneSearch')}
          </>
        ) : (
          t('calendar.problems.zone-unknown')
        )}
      </p>
    </div>
  );
}
