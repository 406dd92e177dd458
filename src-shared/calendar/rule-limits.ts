// Which rules rrule can expand in bounded time. rrule walks period by period until it meets a date
// past the range, or the year 9999: a daily rule that matches nothing (30 February, a weekday its
// interval never reaches) froze a view for seconds. Only shapes whose next occurrence is near are kept.
import type { RuleParts } from './recurrence-rule';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** February counted with its leap day: a rule on 29 February does recur. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ALL_MONTHS = Array.from({ length: 12 }, (_, k) => k + 1);
const items = (value: string | undefined): string[] =>
  value === undefined ? [] : value.split(',');

export interface RuleStart {
  year: number;
  month: number;
  day: number;
  /** 0 Monday … 6 Sunday. */
  weekday: number;
}

/**
 * Whether rrule finds the next occurrence of this rule within a few hundred periods, whatever the
 * range: the shapes people write (and RFC 5545's examples) pass; rules that can never match, or only
 * after thousands of periods, do not.
 */
export function ruleIsBounded(parts: RuleParts, start: RuleStart): boolean {
  const freq = parts.get('FREQ');
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const has = (key: string) => parts.has(key);
  const byday = items(parts.get('BYDAY'));
  if (has('BYSETPOS') && freq !== 'MONTHLY' && freq !== 'YEARLY') return false;
  if (freq === 'HOURLY')
    return (
      !has('BYMONTH') && !has('BYMONTHDAY') && (interval === 1 || (!has('BYHOUR') && !has('BYDAY')))
    );
  if (freq === 'DAILY') {
    // A multiple of 7 days always lands on the start's weekday.
    const reaches =
      interval % 7 !== 0 || byday.length === 0 || byday.includes(DAYS[start.weekday] ?? '');
    if (!reaches || (has('BYMONTH') && interval > 28)) return false;
    if (!has('BYMONTHDAY')) return true;
    const months = has('BYMONTH') ? items(parts.get('BYMONTH')).map(Number) : ALL_MONTHS;
    return interval === 1 && !(has('BYMONTH') && has('BYDAY')) && fits(parts, months);
  }
  if (freq === 'WEEKLY') return true;
  return yearlyOrMonthly(parts, freq === 'MONTHLY', interval, start);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;
const longest = (months: number[]): number =>
  Math.max(...months.map((m) => MONTH_DAYS[m - 1] ?? 0));

/** Some BYMONTHDAY value exists in one of the months (31 in a long month, −29 in February...). */
const fits = (parts: RuleParts, months: number[]): boolean =>
  items(parts.get('BYMONTHDAY')).some((d) => Math.abs(Number(d)) <= longest(months));

function yearlyOrMonthly(
  parts: RuleParts,
  monthly: boolean,
  interval: number,
  start: RuleStart,
): boolean {
  const has = (key: string) => parts.has(key);
  const byday = items(parts.get('BYDAY'));
  const ordinals = byday.filter((d) => /\d/.test(d)).map((d) => Math.abs(parseInt(d, 10)));
  const chosen = items(parts.get('BYMONTH')).map(Number);
  // Months the rule can visit: a monthly interval steps through them from the start's month.
  const visited = monthly
    ? Array.from({ length: 12 }, (_, k) => ((start.month - 1 + k * interval) % 12) + 1)
    : ALL_MONTHS;
  const months = visited.filter((m) => chosen.length === 0 || chosen.includes(m));
  if (months.length === 0) return false;
  const dayParts = ['BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY'].filter(has);
  // Without a day part rrule takes the start's day of the month (and, yearly, its month).
  const days = has('BYMONTHDAY') ? items(parts.get('BYMONTHDAY')).map((d) => Math.abs(+d)) : [];
  if (dayParts.length === 0) days.push(start.day);
  if (days.length > 0 && !days.some((d) => d <= longest(months))) return false;
  // Only 29 February fits: the years the interval visits must include leap years.
  if (longest(months) === 29 && days.every((d) => d >= 29)) {
    const years = monthly ? lcm(interval, 12) / 12 : interval;
    if (start.year % gcd(years, 4) !== 0) return false;
  }
  if (dayParts.length === 0) return true;
  if (has('BYMONTHDAY') && ordinals.length > 0) return false;
  if ((monthly || chosen.length > 0) && ordinals.some((n) => n > 5)) return false;
  // A day of the year or a week number combines only with plain weekdays.
  const allowed = byday.length > 0 && ordinals.length === 0 ? 2 : 1;
  if ((has('BYYEARDAY') || has('BYWEEKNO')) && (dayParts.length > allowed || chosen.length > 0))
    return false;
  const positions = items(parts.get('BYSETPOS')).map((p) => Math.abs(Number(p)));
  return (
    positions.length === 0 || positions.some((p) => p <= setSize(parts, monthly, months.length))
  );
}

/** The most occurrences one period can hold, for BYSETPOS: a position past it never exists. */
function setSize(parts: RuleParts, monthly: boolean, months: number): number {
  const count = (key: string) => items(parts.get(key)).length;
  const byday = items(parts.get('BYDAY'));
  const perMonth = monthly ? 1 : parts.has('BYMONTH') ? months : 0;
  let days: number;
  if (parts.has('BYMONTHDAY')) days = count('BYMONTHDAY') * Math.max(1, perMonth);
  else if (byday.length > 0 && byday.every((d) => /\d/.test(d)))
    days = byday.length * Math.max(1, perMonth);
  else if (byday.length > 0) days = byday.length * (perMonth > 0 ? 5 * perMonth : 53);
  else if (parts.has('BYYEARDAY')) days = count('BYYEARDAY');
  else if (parts.has('BYWEEKNO')) days = 7 * count('BYWEEKNO');
  else days = 1;
  return days * Math.max(1, count('BYHOUR')) * Math.max(1, count('BYMINUTE'));
}
