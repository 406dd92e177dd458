// The languages Suviaz speaks, each named in itself, and where the user's choice is remembered.
export const LANGUAGES = [
  { code: 'be', name: 'Беларуская' },
  { code: 'ru', name: 'Русский' },
  { code: 'uk', name: 'Українська' },
  { code: 'en', name: 'English' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'suviaz.language';

function isLanguageCode(value: string | null): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

export function initialLanguage(): LanguageCode {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguageCode(stored)) return stored;
  for (const preferred of navigator.languages) {
    const base = preferred.toLowerCase().split('-')[0] ?? '';
    if (isLanguageCode(base)) return base;
  }
  return 'en';
}

export function rememberLanguage(code: LanguageCode): void {
  localStorage.setItem(STORAGE_KEY, code);
}

export { isLanguageCode };
