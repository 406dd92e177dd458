// Types every t() key against the English catalogue, so a typo fails the build.
import 'i18next';
import type { Catalogue } from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
