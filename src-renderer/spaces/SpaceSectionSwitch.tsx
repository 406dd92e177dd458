// A space's main column shows either its plans and shared notes or its calendar: two toggle
// buttons above it choose which.
import { useTranslation } from 'react-i18next';

export type SpaceSection = 'plans' | 'calendar';

interface SpaceSectionSwitchProps {
  section: SpaceSection;
  onSection: (section: SpaceSection) => void;
}

export function SpaceSectionSwitch({ section, onSection }: SpaceSectionSwitchProps) {
  const { t } = useTranslation();
  return (
    <div
      className="view-switch space-sections"
      role="group"
      aria-label={t('calendar.spaceSections.label')}
    >
      <button
        type="button"
        data-testid="space-section-plans"
        aria-pressed={section === 'plans'}
        onClick={() => onSection('plans')}
      >
        {t('calendar.spaceSections.plans')}
      </button>
      <button
        type="button"
        data-testid="space-section-calendar"
        aria-pressed={section === 'calendar'}
        onClick={() => onSection('calendar')}
      >
        {t('calendar.spaceSections.calendar')}
      </button>
    </div>
  );
}
