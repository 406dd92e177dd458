// A space's main column shows its plans and shared notes, its calendar or its briefings: toggle
// buttons above it choose which.
import { useTranslation } from 'react-i18next';
import { ToggleGroup } from '../components/ToggleGroup';

export type SpaceSection = 'plans' | 'calendar' | 'briefings';

const SECTIONS: readonly SpaceSection[] = ['plans', 'calendar', 'briefings'];

interface SpaceSectionSwitchProps {
  section: SpaceSection;
  onSection: (section: SpaceSection) => void;
}

export function SpaceSectionSwitch({ section, onSection }: SpaceSectionSwitchProps) {
  const { t } = useTranslation();
  return (
    <ToggleGroup
      className="space-sections"
      label={t('calendar.spaceSections.label')}
      choices={SECTIONS.map((value) => ({
        value,
        label: value === 'briefings' ? t('briefings.title') : t(`calendar.spaceSections.${value}`),
        testId: `space-section-${value}`,
      }))}
      value={section}
      onChange={onSection}
    />
  );
}
