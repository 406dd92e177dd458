// The date field's pure logic: the calendar locale of each language, a day shown the way
// lib/format-date writes it and read back from that text (Intl's and the catalogue's), the numeric
// forms people type, and what each key does.
import { initGlobalI18n } from '../support/renderer-i18n';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  calendarKeepsKey,
  dateLocaleFor,
  dateOfDay,
  dayOfDate,
  fieldKeyAction,
  numericExample,
  parseDay,
} from '../../src-renderer/components/date-field-model';
import {
  fallbackShortDay,
  formatMediumDay,
  type DateWords,
} from '../../src-renderer/lib/format-date';
import { formatDueDay } from '../../src-renderer/tasks/task-order';

beforeAll(initGlobalI18n);

function words(language: string): DateWords {
  const t = i18next.getFixedT(language);
  return (key, values) => String(t(`dates.${key}`, values ?? {}));
}

function catalogueMonths(language: string): string[][] {
  const w = words(language);
  return [w('monthsLong').split('|'), w('monthsShort').split('|')];
}

/** One day in every month, with the ends of months and a leap day. */
const DAYS = [
  '2025-01-01',
  '2025-02-28',
  '2024-02-29',
  '2025-03-10',
  '2025-04-30',
  '2025-05-01',
  '2025-06-15',
  '2025-07-04',
  '2025-08-31',
  '2025-09-09',
  '2025-10-20',
  '2025-11-11',
  '2026-12-31',
];

const LANGUAGES = [
  { language: 'be', code: 'be', system: [] },
  { language: 'ru', code: 'ru', system: [] },
  { language: 'uk', code: 'uk', system: [] },
  { language: 'en', code: 'en-GB', system: ['en-GB'] },
  { language: 'en', code: 'en-US', system: ['en-US'] },
];

describe('dateLocaleFor', () => {
  it('gives each language its own calendar; English follows the system', () => {
    for (const { language, code, system } of LANGUAGES) {
      const locale = dateLocaleFor(language, system);
      expect(locale.code).toBe(code);
      expect(locale.calendar.code).toBe(code);
    }
    expect(dateLocaleFor('en', ['de-DE']).code).toBe('en-GB');
    expect(dateLocaleFor('en', []).code).toBe('en-GB');
    // The week starts on Monday except in the American calendar.
    expect(dateLocaleFor('be').calendar.options?.weekStartsOn).toBe(1);
    expect(dateLocaleFor('en', ['en-US']).calendar.options?.weekStartsOn).toBe(0);
  });
});

describe('days', () => {
  it('stores local calendar days and refuses days that do not exist', () => {
    for (const day of DAYS) {
      const date = dateOfDay(day);
      expect(date).not.toBeNull();
      expect(dayOfDate(date as Date)).toBe(day);
    }
    expect(dateOfDay('2025-02-29')).toBeNull();
    expect(dateOfDay('2025-13-01')).toBeNull();
    expect(dateOfDay('10.03.2025')).toBeNull();
  });
});

describe('parseDay', () => {
  for (const { language, code, system } of LANGUAGES) {
    const locale = dateLocaleFor(language, system);
    const extraMonths = catalogueMonths(language);

    it(`reads back what the field shows (${code}, Intl)`, () => {
      for (const day of DAYS) {
        const text = formatMediumDay((dateOfDay(day) as Date).getTime(), code, words(language));
        expect(parseDay(text, locale, { extraMonths }), text).toBe(day);
      }
    });

    it(`reads back what the field shows (${code}, the catalogue, as in Chromium)`, () => {
      for (const day of DAYS) {
        const text = fallbackShortDay((dateOfDay(day) as Date).getTime(), false, words(language));
        expect(parseDay(text, locale, { extraMonths }), text).toBe(day);
      }
    });

    it(`reads ISO and the language's numeric form (${code})`, () => {
      expect(parseDay('2025-03-10', locale)).toBe('2025-03-10');
      const example = numericExample(locale);
      expect(parseDay(example, locale)).toBe('2025-12-31');
      expect(parseDay('', locale)).toBeNull();
      expect(parseDay('   ', locale)).toBeNull();
      expect(parseDay('not a date', locale)).toBeUndefined();
      expect(parseDay('31.02.2025', locale)).toBeUndefined();
    });
  }

  it('follows the order each language writes numbers in', () => {
    expect(parseDay('10.03.2025', dateLocaleFor('be'))).toBe('2025-03-10');
    expect(parseDay('10.03.25', dateLocaleFor('ru'))).toBe('2025-03-10');
    expect(parseDay('10/03/2025', dateLocaleFor('en', ['en-GB']))).toBe('2025-03-10');
    expect(parseDay('3/10/2025', dateLocaleFor('en', ['en-US']))).toBe('2025-03-10');
    expect(parseDay('10.03', dateLocaleFor('uk'), { year: 2027 })).toBe('2027-03-10');
  });

  it('reads a month typed by name, short or long', () => {
    expect(
      parseDay('10 сакавіка 2025', dateLocaleFor('be'), { extraMonths: catalogueMonths('be') }),
    ).toBe('2025-03-10');
    expect(parseDay('1 мая', dateLocaleFor('ru'), { year: 2026 })).toBe('2026-05-01');
    expect(parseDay('5 листопада 2025', dateLocaleFor('uk'))).toBe('2025-11-05');
    expect(parseDay('March 10 2025', dateLocaleFor('en'))).toBe('2025-03-10');
    // "лі" could be ліпень or лістапад: not a date rather than a guess.
    expect(parseDay('5 лі 2025', dateLocaleFor('be'), { extraMonths: catalogueMonths('be') })).toBe(
      undefined,
    );
  });
});

describe('formatDueDay', () => {
  it('writes Belarusian from the catalogue where Intl lacks it', () => {
    expect(formatDueDay('2025-03-10', 'en-GB')).toBe('10 Mar 2025');
    const text = fallbackShortDay(new Date(2025, 2, 10).getTime(), false, words('be'));
    expect(text).toBe('10 сак 2025 г.');
    expect(formatDueDay('2025-03-10', 'be', words('be'))).toBe('10 сак 2025 г.');
  });
});

describe('keys', () => {
  const key = (k: string, altKey = false) => ({ key: k, altKey, ctrlKey: false, metaKey: false });
  const closed = { open: false, edited: false };

  it('opens with Alt+Down or Enter, closes with Escape or Alt+Up', () => {
    expect(fieldKeyAction(key('ArrowDown', true), closed)).toBe('open');
    expect(fieldKeyAction(key('Enter'), closed)).toBe('open');
    expect(fieldKeyAction(key('Escape'), { open: true, edited: false })).toBe('close');
    expect(fieldKeyAction(key('ArrowUp', true), { open: true, edited: false })).toBe('close');
    expect(fieldKeyAction(key('ArrowUp', true), closed)).toBeNull();
  });

  it('Enter keeps what was typed and Escape puts the day back', () => {
    expect(fieldKeyAction(key('Enter'), { open: false, edited: true })).toBe('commit');
    expect(fieldKeyAction(key('Escape'), { open: false, edited: true })).toBe('revert');
    expect(fieldKeyAction(key('Escape'), closed)).toBeNull();
  });

  it('leaves typing and shortcuts alone', () => {
    expect(fieldKeyAction(key('ArrowDown'), closed)).toBeNull();
    expect(fieldKeyAction(key(' '), closed)).toBeNull();
    expect(fieldKeyAction({ ...key('ArrowDown', true), ctrlKey: true }, closed)).toBeNull();
  });

  it('the calendar keeps its navigation keys, not shortcuts', () => {
    for (const k of [
      'ArrowLeft',
      'ArrowRight',
      'ArrowUp',
      'ArrowDown',
      'Home',
      'End',
      'PageUp',
      'PageDown',
      'Enter',
      ' ',
      'Escape',
    ]) {
      expect(calendarKeepsKey(key(k)), k).toBe(true);
    }
    expect(calendarKeepsKey({ ...key('l'), ctrlKey: true })).toBe(false);
    expect(calendarKeepsKey(key('ArrowLeft', true))).toBe(false);
    expect(calendarKeepsKey(key('Tab'))).toBe(false);
  });
});
