// A space's main column shows either its plans and shared notes or its calendar: two toggle
// buttons above it choose which.
import { useTranslation } from 'react-i18next';
import { ToggleGroup } from '../components/ToggleGroup';

export type SpaceSection = 'plans' | 'calendar';

const SECTIONS: readonly SpaceSection[] = ['plans', 'calendar'];

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
        label: t(`calendar.spaceSections.${value}`),
        testId: `space-section-${value}`,
      }))}
      value={section}
      onChange={onSection}
    />
  );
}
