// Short, language-aware dates for lists: relative for the last week, a short date after that.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatShortDate(timestamp: number, language: string, justNow: string): string {
  const age = Date.now() - timestamp;
  if (age < MINUTE) return justNow;
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
  if (age < HOUR) return relative.format(-Math.floor(age / MINUTE), 'minute');
  if (age < DAY) return relative.format(-Math.floor(age / HOUR), 'hour');
  if (age < 7 * DAY) return relative.format(-Math.floor(age / DAY), 'day');
  const sameYear = new Date(timestamp).getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  }).format(timestamp);
}

export function formatFullDate(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(
    timestamp,
  );
}

/** A calendar day without the time, for "since 3 March 2025". */
export function formatDay(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(timestamp);
}
