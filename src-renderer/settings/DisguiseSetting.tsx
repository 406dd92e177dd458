// Disguise mode: the neutral name and icon the app wears (window, tab, lock screen), stored the
// moment it is chosen, with a plain list of what it hides and what it does not.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DISGUISES, iconHref, type Disguise } from '../../src-shared/disguise';
import { displayName } from '../appearance/appearance-state';
import { FieldSaveStatus } from './FieldSaveStatus';
import { useInstantSetting } from './use-instant-setting';

export function DisguiseSetting() {
  const { t } = useTranslation();
  const id = useId();
  const setting = useInstantSetting((settings) => settings.disguise);
  const value = setting.value;

  function change(next: Disguise): void {
    const previous = value;
    setting.setValue(next);
    setting.save({ disguise: next }, () => setting.setValue(previous));
  }

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('disguise.settings.title')}</h3>
      <p className="hint">{t('disguise.settings.intro')}</p>
      <fieldset className="disguise-options" aria-describedby={`${id}-status`}>
        <legend className="visually-hidden">{t('disguise.settings.title')}</legend>
        {DISGUISES.map((disguise) => (
          <div className="checkbox-row" key={disguise}>
            <input
              id={`${id}-${disguise}`}
              type="radio"
              name={`${id}-disguise`}
              data-testid={`disguise-${disguise}`}
              disabled={value === null}
              checked={value === disguise}
              onChange={() => change(disguise)}
            />
            <label htmlFor={`${id}-${disguise}`}>
              {disguise === 'none' ? t('disguise.settings.none') : displayName(disguise)}
            </label>
          </div>
        ))}
      </fieldset>
      {value !== null && (
        <div className="disguise-preview" data-testid="disguise-preview">
          <span className="visually-hidden">{t('disguise.settings.preview')}: </span>
          <img src={iconHref(value)} alt="" width={32} height={32} />
          <span>{displayName(value)}</span>
        </div>
      )}
      <p className="hint">{t('disguise.settings.hides')}</p>
      <p className="hint">{t('disguise.settings.doesNotHide')}</p>
      <p className="hint">{t('disguise.settings.file')}</p>
      <p className="hint">{t('disguise.settings.restart')}</p>
      <FieldSaveStatus
        id={`${id}-status`}
        state={setting.status}
        invalidText=""
        error={setting.error}
      />
    </section>
  );
}
