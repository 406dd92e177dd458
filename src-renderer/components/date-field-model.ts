// The pure part of the date field: which calendar locale fits the app's language, a stored day
// ('YYYY-MM-DD', a calendar day with no time zone) as text in that language and back, and what each
// key does. The field shows a day through lib/format-date, so Belarusian reads right where this
// Chromium's Intl has no Belarusian data; typing accepts that same text, the numeric form the
// language writes (10.03.2025, 10/03/2025, 3/10/2025) and ISO (2025-03-10).
import { format } from 'date-fns';
import type { DayPickerLocale, Labels } from 'react-day-picker';
import { be } from 'react-day-picker/locale/be';
import { enGB } from 'react-day-picker/locale/en-GB';
import { enUS } from 'react-day-picker/locale/en-US';
import { ru } from 'react-day-picker/locale/ru';
import { uk } from 'react-day-picker/locale/uk';
import { intlKnows } from '../lib/format-date';

export interface DateLocale {
  /** The language tag dates are formatted in: 'be', 'ru', 'uk', 'en-GB' or 'en-US'. */
  code: string;
  /** The calendar's locale: date-fns' with DayPicker's own labels translated. */
  calendar: DayPickerLocale;
  /** Labels that replace the locale's own (English names a day with an ordinal, "December 2nd"). */
  labels?: Partial<Labels>;
}

/**
 * English day buttons named "Wednesday, 2 December 2026" (US: "Wednesday, December 2, 2026"): the
 * name holds the number the button shows, as WCAG 2.5.3 (label in name) asks; "2nd" would not.
 */
function englishLabels(pattern: string): Partial<Labels> {
  return {
    labelDayButton: (date, modifiers, options, dateLib) => {
      const text = dateLib ? dateLib.format(date, pattern) : format(date, pattern, options);
      return `${modifiers.today ? 'Today, ' : ''}${text}${modifiers.selected ? ', selected' : ''}`;
    },
  };
}

/**
 * The calendar locale of the app's language. English follows the system: American where the system
 * says en-US, British (Monday first, day before month) everywhere else.
 */
export function dateLocaleFor(language: string, systemLocales: readonly string[] = []): DateLocale {
  const base = language.toLowerCase().split('-')[0];
  if (base === 'be') return { code: 'be', calendar: be };
  if (base === 'ru') return { code: 'ru', calendar: ru };
  if (base === 'uk') return { code: 'uk', calendar: uk };
  const american = (systemLocales[0] ?? '').toLowerCase() === 'en-us' || language === 'en-US';
  return american
    ? { code: 'en-US', calendar: enUS, labels: englishLabels('EEEE, MMMM d, y') }
    : { code: 'en-GB', calendar: enGB, labels: englishLabels('EEEE, d MMMM y') };
}

/** The locale the renderer runs in (its system languages), for dateLocaleFor. */
export function systemLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A stored day as a local Date at midnight; null when it is not a real YYYY-MM-DD day. */
export function dateOfDay(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A local Date as a stored day, YYYY-MM-DD on the user's wall calendar. */
export function dayOfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function validDate(year: number, month: number, day: number): Date | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date
    : null;
}

function normalise(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase().replace(/\.$/, '');
}

/**
 * Every way the language names each month (twelve lists): date-fns' wide and abbreviated names, on
 * their own and after a day number, Intl's where it knows the language, and `extra` (the app's
 * catalogue: what lib/format-date writes where Intl does not know the language).
 */
export function monthNames(locale: DateLocale, extra: readonly string[][] = []): string[][] {
  const names: string[][] = Array.from({ length: 12 }, () => []);
  const localize = locale.calendar.localize;
  for (let month = 0; month < 12; month += 1) {
    const list = names[month] ?? [];
    for (const width of ['wide', 'abbreviated'] as const) {
      for (const context of ['formatting', 'standalone'] as const) {
        if (localize) list.push(String(localize.month(month as never, { width, context })));
      }
    }
    if (intlKnows(locale.code, 'date')) {
      for (const style of ['medium', 'long'] as const) {
        const part = new Intl.DateTimeFormat(locale.code, { dateStyle: style })
          .formatToParts(new Date(2001, month, 15))
          .find((p) => p.type === 'month');
        if (part) list.push(part.value);
      }
    }
    for (const source of extra) {
      const name = source[month];
      if (name) list.push(name);
    }
  }
  return names.map((list) => [...new Set(list.map(normalise).filter(Boolean))]);
}

/** The month a typed word names (1–12): the one month one of whose names it begins, or begins with. */
function monthOfWord(word: string, names: readonly string[][]): number | null {
  const w = normalise(word);
  const exact = names.findIndex((list) => list.includes(w));
  if (exact >= 0) return exact + 1;
  if (w.length < 2) return null;
  const found = names
    .map((list, index) => ({
      index,
      hit: list.some((name) => name.startsWith(w) || (name.length >= 3 && w.startsWith(name))),
    }))
    .filter((m) => m.hit);
  return found.length === 1 && found[0] ? found[0].index + 1 : null;
}

/** The order the language writes a numeric date in, from its short pattern: ['d','M','y'] etc. */
export function numericOrder(locale: DateLocale): ('d' | 'M' | 'y')[] {
  const pattern = locale.calendar.formatLong?.date({ width: 'short' }) ?? 'dd.MM.y';
  const at = (letter: string) => {
    const index = pattern.indexOf(letter);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return (['d', 'M', 'y'] as const).slice().sort((a, b) => at(a) - at(b));
}

/** The example shown when typed text is not a date: 31.12.2025, 31/12/2025 or 12/31/2025. */
export function numericExample(locale: DateLocale): string {
  const pattern = locale.calendar.formatLong?.date({ width: 'short' }) ?? 'dd.MM.y';
  const separator = /[^dMy]/.exec(pattern)?.[0] ?? '.';
  const parts = { d: '31', M: '12', y: '2025' };
  return numericOrder(locale)
    .map((p) => parts[p])
    .join(separator);
}

/** Typed text as a day: `null` for nothing typed (no date), `undefined` when it is not a date. */
export function parseDay(
  text: string,
  locale: DateLocale,
  options: { extraMonths?: readonly string[][]; year?: number } = {},
): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = (trimmed.match(/\d+/g) ?? []).map((n) => ({ text: n, value: Number(n) }));
  const words = trimmed.match(/\p{L}+/gu) ?? [];
  const year = options.year ?? new Date().getFullYear();
  const names = words.length > 0 ? monthNames(locale, options.extraMonths) : [];
  const months = words.map((w) => monthOfWord(w, names)).filter((m): m is number => m !== null);
  if (months.length > 1 || numbers.length === 0 || numbers.length > 3) return undefined;
  const [month] = months;
  if (month !== undefined) {
    // "10 сак 2025 г.", "Mar 10, 2025": a day, perhaps a year, and the month by name.
    if (numbers.length > 2) return undefined;
    const yearPart = numbers.find((n) => n.text.length === 4);
    const dayPart = numbers.find((n) => n !== yearPart);
    if (!dayPart || (numbers.length === 2 && !yearPart)) return undefined;
    return fromParts(yearPart ? yearPart.value : year, month, dayPart.value);
  }
  if (numbers.length < 2) return undefined;
  // A four-digit first number is year first (2025.03.10); otherwise the language's own order.
  const order: ('d' | 'M' | 'y')[] =
    numbers[0]?.text.length === 4
      ? ['y', 'M', 'd']
      : numericOrder(locale).filter((p) => numbers.length === 3 || p !== 'y');
  const value = (part: 'd' | 'M' | 'y') => numbers[order.indexOf(part)];
  const y = value('y');
  const yearValue = y === undefined ? year : y.text.length <= 2 ? 2000 + y.value : y.value;
  return fromParts(yearValue, value('M')?.value ?? 0, value('d')?.value ?? 0);
}

function fromParts(year: number, month: number, day: number): string | undefined {
  const date = validDate(year, month, day);
  return date ? dayOfDate(date) : undefined;
}

/** What a key pressed in the text field does. */
export type FieldKeyAction = 'open' | 'close' | 'commit' | 'revert' | null;

export function fieldKeyAction(
  key: { key: string; altKey: boolean; ctrlKey?: boolean; metaKey?: boolean },
  state: { open: boolean; edited: boolean },
): FieldKeyAction {
  if (key.ctrlKey || key.metaKey) return null;
  if (key.altKey) {
    if (key.key === 'ArrowDown') return 'open';
    if (key.key === 'ArrowUp') return state.open ? 'close' : null;
    return null;
  }
  if (key.key === 'Escape') return state.open ? 'close' : state.edited ? 'revert' : null;
  // Enter keeps what was typed; with nothing typed it opens the calendar.
  if (key.key === 'Enter') return state.edited ? 'commit' : 'open';
  return null;
}

/** Keys the open calendar keeps to itself, so a card or list around it does not act on them too. */
export function calendarKeepsKey(key: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): boolean {
  if (key.ctrlKey || key.metaKey || key.altKey) return false;
  return /^(Arrow(Up|Down|Left|Right)|Home|End|PageUp|PageDown|Enter| |Escape)$/.test(key.key);
}
