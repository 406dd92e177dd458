// The language switcher: every language named in itself; the choice is remembered on this device.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguageCode, LANGUAGES, rememberLanguage } from '../i18n/languages';

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = LANGUAGES.find((l) => l.code === i18n.resolvedLanguage)?.code ?? 'en';
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        data-testid="language-select"
        value={current}
        onChange={(event) => {
          const code = event.target.value;
          if (!isLanguageCode(code)) return;
          rememberLanguage(code);
          void i18n.changeLanguage(code);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
