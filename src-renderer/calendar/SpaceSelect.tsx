// A choice among my spaces by name (an unnamed one as the app names it everywhere): where a new
// event or an import goes, and in which space to find the member an event is shared with.
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { spaceName } from '../spaces/space-name';

interface SpaceSelectProps {
  id: string;
  testId: string;
  spaces: readonly SpaceSummary[];
  value: string;
  onChange: (spaceId: string) => void;
}

export function SpaceSelect({ id, testId, spaces, value, onChange }: SpaceSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      data-testid={testId}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {spaces.map((space) => (
        <option key={space.id} value={space.id}>
          {spaceName(t, space.name)}
        </option>
      ))}
    </select>
  );
}
