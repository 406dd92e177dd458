// Dates and relative times where the runtime's Intl lacks the language (the app's Chromium has no
// Belarusian data and would silently answer in English): the catalogue takes over, and says the same
// as full ICU data would (Node has it, so it is the reference).
import { initGlobalI18n } from '../support/renderer-i18n';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  fallbackRelative,
  formatDay,
  formatFullDate,
  formatMediumDay,
  formatRelative,
  formatShortDate,
  intlKnows,
  type DateWords,
  type RelativeUnit,
} from '../../src-renderer/lib/format-date';
import { formatExpiryDistance } from '../../src-renderer/lib/invite-expiry';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LANGUAGES = ['be', 'ru', 'uk'] as const;

beforeAll(initGlobalI18n);

afterEach(() => {
  vi.restoreAllMocks();
});

function words(language: string): DateWords {
  const t = i18next.getFixedT(language);
  return (key, values) => String(t(`dates.${key}`, values ?? {}));
}

/** Makes Intl behave as in the app's Chromium: no data for the given languages. */
function intlWithout(...missing: string[]): void {
  const lacks = (locales?: Intl.LocalesArgument): string[] =>
    ([] as unknown[])
      .concat(locales ?? [])
      .map(String)
      .filter((locale) => !missing.includes(locale));
  vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation(lacks);
  vi.spyOn(Intl.RelativeTimeFormat, 'supportedLocalesOf').mockImplementation(lacks);
}

const latin = /[A-Za-z]/;

describe('intlKnows', () => {
  it('tells a language Intl has from one it would replace with its default', () => {
    expect(intlKnows('ru', 'date')).toBe(true);
    intlWithout('be');
    expect(intlKnows('be', 'date')).toBe(false);
    expect(intlKnows('be', 'relative')).toBe(false);
    expect(intlKnows('ru', 'relative')).toBe(true);
  });
});

describe.each(LANGUAGES)('%s without Intl data', (language) => {
  const when = new Date(2026, 11, 1, 14, 9).getTime();
  const reference = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(language, options).format(when);

  it('writes a full date and a day as ICU would', () => {
    intlWithout(language);
    expect(formatFullDate(when, language)).toBe(
      reference({ dateStyle: 'long', timeStyle: 'short' }),
    );
    expect(formatDay(when, language)).toBe(reference({ dateStyle: 'long' }));
  });

  it('writes every month as ICU would', () => {
    intlWithout(language);
    for (let month = 0; month < 12; month += 1) {
      const day = new Date(2025, month, 17).getTime();
      expect(formatDay(day, language)).toBe(
        new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(day),
      );
    }
  });

  it('says relative times with the right plural form, as ICU would', () => {
    const units: RelativeUnit[] = ['minute', 'hour', 'day'];
    for (const unit of units) {
      for (const value of [1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]) {
        for (const signed of [value, -value]) {
          const expected = new Intl.RelativeTimeFormat(language, { numeric: 'always' }).format(
            signed,
            unit,
          );
          expect(fallbackRelative(signed, unit, words(language)), `${signed} ${unit}`).toBe(
            expected,
          );
        }
      }
    }
    expect(fallbackRelative(-1, 'day', words(language), true)).toBe(
      new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-1, 'day'),
    );
  });

  it('never falls back to English in lists, invites or due dates', () => {
    intlWithout(language);
    const now = Date.now();
    for (const age of [30_000, 5 * MINUTE, 3 * HOUR, DAY + HOUR, 3 * DAY, 40 * DAY, 400 * DAY]) {
      const text = formatShortDate(now - age, language, 'just now in the catalogue');
      if (age > MINUTE) expect(text, `${age}`).not.toMatch(latin);
    }
    expect(formatExpiryDistance(now + 7 * DAY, now, language)).not.toMatch(latin);
    expect(formatExpiryDistance(now - 2 * HOUR, now, language)).not.toMatch(latin);
    expect(formatMediumDay(when, language)).not.toMatch(latin);
    expect(formatFullDate(when, language)).not.toMatch(latin);
  });
});

describe('with Intl data', () => {
  it('uses Intl and not the catalogue', () => {
    const never: DateWords = () => {
      throw new Error('the catalogue was used');
    };
    const when = new Date(2025, 2, 3, 9, 5).getTime();
    expect(formatFullDate(when, 'ru', never)).toBe(
      new Intl.DateTimeFormat('ru', { dateStyle: 'long', timeStyle: 'short' }).format(when),
    );
    expect(formatRelative(-3, 'day', 'uk', { numeric: 'auto', style: 'short' }, never)).toBe(
      new Intl.RelativeTimeFormat('uk', { numeric: 'auto', style: 'short' }).format(-3, 'day'),
    );
  });

  it('says Belarusian short dates in the catalogue’s words where Intl lacks them', () => {
    intlWithout('be');
    const now = Date.now();
    expect(formatShortDate(now - 5 * MINUTE, 'be', 'толькі што')).toBe('5 хвілін таму');
    expect(formatShortDate(now - 2 * HOUR, 'be', 'толькі што')).toBe('2 гадзіны таму');
    expect(formatShortDate(now - 10_000, 'be', 'толькі што')).toBe('толькі што');
    const old = new Date(new Date().getFullYear() - 1, 0, 5).getTime();
    expect(formatShortDate(old, 'be', 'толькі што')).toBe(
      `5 сту ${new Date(old).getFullYear()} г.`,
    );
  });
});
