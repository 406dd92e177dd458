// Starts i18next with every catalogue bundled (no network: the CSP allows none) and keeps <html lang>
// in step with the chosen language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { be } from './locales/be';
import { en } from './locales/en';
import { ru } from './locales/ru';
import { uk } from './locales/uk';
import { initialLanguage } from './languages';
import {
  DISGUISE_POST_PROCESSOR,
  disguisePostProcessor,
} from '../appearance/disguise-post-processor';

export async function setupI18n(): Promise<void> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next
    .use(initReactI18next)
    .use(disguisePostProcessor)
    .init({
      resources: {
        en: { translation: en },
        be: { translation: be },
        ru: { translation: ru },
        uk: { translation: uk },
      },
      lng: initialLanguage(),
      fallbackLng: 'en',
      supportedLngs: ['en', 'be', 'ru', 'uk'],
      // React escapes text itself; i18next escaping would show entities in titles.
      interpolation: { escapeValue: false },
      returnNull: false,
      // Disguise mode: no translated text names the app while it wears another name.
      postProcess: [DISGUISE_POST_PROCESSOR],
    });
}
