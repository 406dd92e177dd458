// The words of the dialog that asks before a link opens in the system browser, in the app's
// languages: main shows it (the renderer cannot open the browser), in the language the page uses.

export interface ExternalLinkText {
  cancel: string;
  open: string;
  question: string;
  /** Said under the address: who learns what when the browser opens it. */
  warning: string;
}

const TEXTS = {
  en: {
    cancel: 'Cancel',
    open: 'Open in browser',
    question: 'Open this link in your web browser?',
    warning: 'The site will see your IP address unless your browser uses Tor or a VPN.',
  },
  uk: {
    cancel: 'Скасувати',
    open: 'Відкрити в браузері',
    question: 'Відкрити це посилання у вашому браузері?',
    warning: 'Сайт побачить вашу IP-адресу, якщо ваш браузер не працює через Tor або VPN.',
  },
  be: {
    cancel: 'Скасаваць',
    open: 'Адкрыць у браўзеры',
    question: 'Адкрыць гэтую спасылку ў вашым браўзеры?',
    warning: 'Сайт убачыць ваш IP-адрас, калі ваш браўзер не працуе праз Tor або VPN.',
  },
  ru: {
    cancel: 'Отмена',
    open: 'Открыть в браузере',
    question: 'Открыть эту ссылку в вашем браузере?',
    warning: 'Сайт увидит ваш IP-адрес, если ваш браузер не работает через Tor или VPN.',
  },
} as const satisfies Record<string, ExternalLinkText>;

/** The text for a page language ("uk", "be-BY"…); English for any other. */
export function externalLinkText(language: string): ExternalLinkText {
  const base = language.trim().toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(TEXTS, base) ? TEXTS[base as keyof typeof TEXTS] : TEXTS.en;
}
