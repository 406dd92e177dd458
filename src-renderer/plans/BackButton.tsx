// The way back from a plan to the notes and plans of its space.
import { useTranslation } from 'react-i18next';

export function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="plan-back"
      data-testid="plan-back"
      aria-label={t('plans.backLabel')}
      onClick={onBack}
    >
      ← {t('plans.back')}
    </button>
  );
}
