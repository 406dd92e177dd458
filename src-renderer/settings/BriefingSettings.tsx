// Briefings' settings: whether the "New briefing" notice names the briefing (off by default, as
// reminders) and the largest file a briefing may carry. Both are stored the moment they change.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../src-shared/limits';
import { CheckboxSetting } from './CheckboxSetting';
import { FieldSaveStatus } from './FieldSaveStatus';
import { useInstantSetting } from './use-instant-setting';

const MB = 1024 * 1024;
const CHOICES_MB = [10, 25, 50, 100, 250, 500, 1024, LIMITS.briefingAttachments.maxBytes / MB];

function AttachmentLimitSetting() {
  const { t } = useTranslation();
  const id = useId();
  const setting = useInstantSetting((settings) => settings.briefingAttachmentMaxMb);
  const value = setting.value;
  const choices =
    value !== null && !CHOICES_MB.includes(value) ? [...CHOICES_MB, value] : CHOICES_MB;
  return (
    <section className="settings-section">
      <label htmlFor={id}>{t('briefings.settings.maxSize')}</label>
      <select
        id={id}
        data-testid="briefing-max-size"
        disabled={value === null}
        value={value ?? ''}
        aria-describedby={`${id}-hint ${id}-status`}
        onChange={(event) => {
          const next = Number(event.target.value);
          const before = value;
          setting.setValue(next);
          setting.save({ briefingAttachmentMaxMb: next }, () => setting.setValue(before));
        }}
      >
        {choices
          .sort((a, b) => a - b)
          .map((mb) => (
            <option key={mb} value={mb}>
              {t('briefings.settings.megabytes', { count: mb })}
            </option>
          ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {t('briefings.settings.maxSizeHint')}
      </p>
      <FieldSaveStatus
        id={`${id}-status`}
        state={setting.status}
        invalidText=""
        error={setting.error}
      />
    </section>
  );
}

export function BriefingSettings() {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxSetting
        name="briefingNotificationsShowTitle"
        title={t('briefings.settings.title')}
        label={t('briefings.settings.showTitle')}
        hint={t('briefings.settings.showTitleHint')}
        testId="briefings-show-title"
      />
      <AttachmentLimitSetting />
    </>
  );
}
