// How the calendar writes days, weekdays, months and times in the app's language: Intl where this
// runtime knows the language, and where it does not (Chromium has no Belarusian data) the words of
// the calendar catalogue, as lib/format-date.ts does for its own formats.
import i18next from 'i18next';
import { DateTime } from 'luxon';
import { fallbackDay, fallbackShortDay, intlKnows } from '../lib/format-date';
import { weekdayOf } from './day-math';

/** Looks up a key of the catalogue in one language (the fallback's words). */
export type Words = (key: string, values?: Record<string, string | number>) => string;

function catalogueWords(language: string): Words {
  const t = i18next.getFixedT(language);
  return (key, values) => String(t(key as never, values ?? {}));
}

/** Local noon of a day: a timestamp that is that day in the device's zone whatever its offset. */
export function noonOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12).getTime();
}

function pick(words: Words, key: string, index: number): string {
  return words(key).split('|')[index] ?? '';
}

/** "14:00" (or "2:00 PM" where the language writes it so) in `zone`. */
export function formatTime(ms: number, zone: string, language: string): string {
  if (!intlKnows(language, 'date')) return DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
  return new Intl.DateTimeFormat(language, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  }).format(ms);
}

export function formatWeekday(
  day: string,
  language: string,
  width: 'short' | 'long',
  words: Words = catalogueWords(language),
): string {
  if (!intlKnows(language, 'date')) {
    const key = width === 'short' ? 'calendar.words.weekdaysShort' : 'calendar.words.weekdaysLong';
    return pick(words, key, weekdayOf(day) - 1);
  }
  return new Intl.DateTimeFormat(language, { weekday: width }).format(noonOf(day));
}

/** "March 2026" as a heading: the month's name on its own (nominative where the language has cases). */
export function formatMonthTitle(
  day: string,
  language: string,
  words: Words = catalogueWords(language),
): string {
  if (!intlKnows(language, 'date')) {
    const month = pick(words, 'calendar.words.monthsStandalone', Number(day.slice(5, 7)) - 1);
    return words('calendar.words.monthYear', { month, year: day.slice(0, 4) });
  }
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(noonOf(day));
}

/** "Monday, 3 March 2026". */
export function formatLongDay(
  day: string,
  language: string,
  words: Words = catalogueWords(language),
): string {
  if (!intlKnows(language, 'date')) {
    const date = fallbackDay(noonOf(day), (key, values) => words(`dates.${key}`, values));
    return words('calendar.words.weekdayDate', {
      weekday: formatWeekday(day, language, 'long', words),
      date,
    });
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'full' }).format(noonOf(day));
}

/** "3 Mar", for column headings. */
export function formatShortDay(
  day: string,
  language: string,
  words: Words = catalogueWords(language),
): string {
  if (!intlKnows(language, 'date')) {
    return fallbackShortDay(noonOf(day), true, (key, values) => words(`dates.${key}`, values));
  }
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }).format(noonOf(day));
}

/** "3 – 9 March 2026": a span of days as a heading. */
export function formatDaySpan(
  first: string,
  last: string,
  language: string,
  words: Words = catalogueWords(language),
): string {
  if (!intlKnows(language, 'date')) {
    const end = fallbackDay(noonOf(last), (key, values) => words(`dates.${key}`, values));
    return `${formatShortDay(first, language, words)} – ${end}`;
  }
  const format = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return format.formatRange(noonOf(first), noonOf(last));
}
