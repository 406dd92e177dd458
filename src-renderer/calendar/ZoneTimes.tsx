// A time in the event's zone and, when that is not this device's zone, the same moment here:
// "10:00 Minsk · 09:00 Vilnius". Zone names are the IANA database's, which is English: they are
// marked lang="en" so a screen reader says them right.
import { useTranslation } from 'react-i18next';
import { deviceZone } from './day-math';
import { timeSpanText } from './item-text';
import { zoneCity } from './zones';

interface ZoneTimesProps {
  startMs: number;
  endMs: number;
  tz: string;
  testId?: string;
}

export function ZoneTimes({ startMs, endMs, tz, testId }: ZoneTimesProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const here = deviceZone();
  const span = (zone: string) => timeSpanText(t, startMs, endMs, zone, language);
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return null;
  return (
    <p className="cal-zone-times" data-testid={testId}>
      <span>
        {span(tz)} <span lang="en">{zoneCity(tz)}</span>
      </span>
      {tz !== here && (
        <>
          <span aria-hidden="true"> · </span>
          <span>
            {span(here)} <span lang="en">{zoneCity(here)}</span>
          </span>
        </>
      )}
    </p>
  );
}
