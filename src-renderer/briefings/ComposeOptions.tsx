// How a briefing behaves once sent: when every copy is wiped, whether recipients' apps say that
// they read and acknowledged it, and leak tracing, with one honest sentence on what defeats it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPIRY_CHOICES, expiryChoiceKey } from './briefing-order';
import { ChoiceRow } from './ChoiceRow';
import type { DraftFields } from './use-briefing-draft';

interface ComposeOptionsProps {
  fields: DraftFields;
  set: (change: Partial<DraftFields>) => void;
}

export function ComposeOptions({ fields, set }: ComposeOptionsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-expiry`}>{t('briefings.compose.expiry')}</label>
      <select
        id={`${id}-expiry`}
        data-testid="briefing-expiry-select"
        aria-describedby={`${id}-expiry-hint`}
        value={expiryChoiceKey(fields.expiresInHours)}
        onChange={(event) => {
          const hours = EXPIRY_CHOICES.find((h) => expiryChoiceKey(h) === event.target.value);
          if (hours !== undefined) set({ expiresInHours: hours });
        }}
      >
        {EXPIRY_CHOICES.map((hours) => (
          <option key={expiryChoiceKey(hours)} value={expiryChoiceKey(hours)}>
            {t(`briefings.compose.expiryChoices.${expiryChoiceKey(hours)}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-expiry-hint`} className="hint">
        {t('briefings.compose.expiryHint')}
      </p>
      <ChoiceRow
        type="checkbox"
        testId="briefing-receipts"
        label={t('briefings.compose.receipts')}
        hint={t('briefings.compose.receiptsHint')}
        checked={fields.receipts}
        onChange={(receipts) => set({ receipts })}
      />
      <ChoiceRow
        type="checkbox"
        testId="briefing-canary"
        label={t('briefings.compose.canary')}
        hint={t('briefings.compose.canaryHint')}
        checked={fields.canary}
        onChange={(canary) => set({ canary })}
      />
    </>
  );
}
