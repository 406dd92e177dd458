// Short, language-aware dates for lists: relative for the last week, a short date after that.
// Intl does the work where the runtime knows the language; where it does not (this Chromium has no
// Belarusian data and would answer in English), the month names, patterns and relative phrases come
// from the language's own catalogue through i18next, which also picks the plural form.
import i18next from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The catalogue keys the fallback reads (all under `dates`). */
export type DateWordKey =
  | 'monthsLong'
  | 'monthsShort'
  | 'day'
  | 'shortDay'
  | 'shortDayYear'
  | 'dateTime'
  | 'yesterday'
  | 'minutesAgo'
  | 'hoursAgo'
  | 'daysAgo'
  | 'inMinutes'
  | 'inHours'
  | 'inDays';

/** Looks up `dates.<key>` in one language, with {{count}} choosing the plural form. */
export type DateWords = (key: DateWordKey, values?: Record<string, string | number>) => string;

export type RelativeUnit = 'minute' | 'hour' | 'day';

/** Whether this runtime's Intl has the language's data (not silently its default locale). */
export function intlKnows(language: string, kind: 'date' | 'relative'): boolean {
  try {
    const supported =
      kind === 'date'
        ? Intl.DateTimeFormat.supportedLocalesOf([language])
        : Intl.RelativeTimeFormat.supportedLocalesOf([language]);
    return supported.length > 0;
  } catch {
    return false;
  }
}

/** The words of `language` from the running i18next (the catalogues are bundled). */
function catalogueWords(language: string): DateWords {
  const t = i18next.getFixedT(language);
  return (key, values) => String(t(`dates.${key}`, values ?? {}));
}

function monthName(words: DateWords, list: 'monthsLong' | 'monthsShort', date: Date): string {
  return words(list).split('|')[date.getMonth()] ?? String(date.getMonth() + 1);
}

/** 24-hour "14:09", as every language that needs the fallback writes it. */
function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "1 снежня 2026 г." from the catalogue. */
export function fallbackDay(timestamp: number, words: DateWords): string {
  const date = new Date(timestamp);
  return words('day', {
    day: date.getDate(),
    month: monthName(words, 'monthsLong', date),
    year: date.getFullYear(),
  });
}

/** "1 снежня 2026 г. у 14:09" from the catalogue. */
export function fallbackFullDate(timestamp: number, words: DateWords): string {
  return words('dateTime', {
    date: fallbackDay(timestamp, words),
    time: clockTime(new Date(timestamp)),
  });
}

/** "1 сне" this year, "1 сне 2025 г." before, from the catalogue. */
export function fallbackShortDay(timestamp: number, sameYear: boolean, words: DateWords): string {
  const date = new Date(timestamp);
  const values = {
    day: date.getDate(),
    month: monthName(words, 'monthsShort', date),
    year: date.getFullYear(),
  };
  return words(sameYear ? 'shortDay' : 'shortDayYear', values);
}

/**
 * "5 хвілін таму", "праз 7 дзён" from the catalogue; with `auto`, one day back is "учора" (as Intl's
 * numeric: 'auto' would say).
 */
export function fallbackRelative(
  value: number,
  unit: RelativeUnit,
  words: DateWords,
  auto = false,
): string {
  if (auto && unit === 'day' && value === -1) return words('yesterday');
  const count = Math.abs(value);
  const past = value < 0 || Object.is(value, -0);
  const key: DateWordKey =
    unit === 'minute'
      ? past
        ? 'minutesAgo'
        : 'inMinutes'
      : unit === 'hour'
        ? past
          ? 'hoursAgo'
          : 'inHours'
        : past
          ? 'daysAgo'
          : 'inDays';
  return words(key, { count });
}

/** A relative time in the language: Intl where it knows the language, the catalogue otherwise. */
export function formatRelative(
  value: number,
  unit: RelativeUnit,
  language: string,
  options: { numeric: 'auto' | 'always'; style?: 'long' | 'short' },
  words: DateWords = catalogueWords(language),
): string {
  if (intlKnows(language, 'relative')) {
    return new Intl.RelativeTimeFormat(language, options).format(value, unit);
  }
  return fallbackRelative(value, unit, words, options.numeric === 'auto');
}

export function formatShortDate(
  timestamp: number,
  language: string,
  justNow: string,
  words: DateWords = catalogueWords(language),
): string {
  const age = Date.now() - timestamp;
  if (age < MINUTE) return justNow;
  const relative = { numeric: 'auto', style: 'short' } as const;
  if (age < HOUR)
    return formatRelative(-Math.floor(age / MINUTE), 'minute', language, relative, words);
  if (age < DAY) return formatRelative(-Math.floor(age / HOUR), 'hour', language, relative, words);
  if (age < 7 * DAY)
    return formatRelative(-Math.floor(age / DAY), 'day', language, relative, words);
  const sameYear = new Date(timestamp).getFullYear() === new Date().getFullYear();
  if (!intlKnows(language, 'date')) return fallbackShortDay(timestamp, sameYear, words);
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  }).format(timestamp);
}

export function formatFullDate(
  timestamp: number,
  language: string,
  words: DateWords = catalogueWords(language),
): string {
  if (!intlKnows(language, 'date')) return fallbackFullDate(timestamp, words);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(
    timestamp,
  );
}

/** A calendar day without the time, for "since 3 March 2025". */
export function formatDay(
  timestamp: number,
  language: string,
  words: DateWords = catalogueWords(language),
): string {
  if (!intlKnows(language, 'date')) return fallbackDay(timestamp, words);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(timestamp);
}

/** A day with a short month, "3 Mar 2025" (Intl's dateStyle 'medium'), for due dates. */
export function formatMediumDay(
  timestamp: number,
  language: string,
  words: DateWords = catalogueWords(language),
): string {
  if (!intlKnows(language, 'date')) return fallbackShortDay(timestamp, false, words);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(timestamp);
}
