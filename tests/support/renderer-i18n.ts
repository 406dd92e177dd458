// The renderer's real catalogues, for unit tests: a translate function per language, with no
// fallback to English, so a missing key shows up as the key itself.
import i18next, { type TFunction } from 'i18next';
import { be } from '../../src-renderer/i18n/locales/be';
import { en } from '../../src-renderer/i18n/locales/en';
import { ru } from '../../src-renderer/i18n/locales/ru';
import { uk } from '../../src-renderer/i18n/locales/uk';

export const LANGUAGES = { en, be, ru, uk };
export type Language = keyof typeof LANGUAGES;

export function translator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: { translation: LANGUAGES[language] } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}

/** Starts the global i18next (what the renderer's modules use) with every catalogue, as the app does. */
export async function initGlobalI18n(): Promise<void> {
  await i18next.init({
    resources: Object.fromEntries(
      Object.entries(LANGUAGES).map(([code, translation]) => [code, { translation }]),
    ),
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
}
