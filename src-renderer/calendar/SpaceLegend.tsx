// The calendar of all spaces: which colour is which space, each with a checkbox to show or hide its
// events (the names say it; the colour only helps).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { spaceName } from '../spaces/space-name';
import { colourClass } from './space-colours';

interface SpaceLegendProps {
  spaces: SpaceSummary[];
  colours: ReadonlyMap<string, number>;
  hidden: ReadonlySet<string>;
  onToggle: (spaceId: string, shown: boolean) => void;
}

export function SpaceLegend({ spaces, colours, hidden, onToggle }: SpaceLegendProps) {
  const { t } = useTranslation();
  const id = useId();
  if (spaces.length === 0) return null;
  return (
    <fieldset className="cal-legend" data-testid="cal-legend">
      <legend>{t('calendar.legend')}</legend>
      {spaces.map((space) => (
        <span
          key={space.id}
          className="cal-legend-item checkbox-row"
          data-testid="cal-legend-space"
        >
          <input
            id={`${id}-${space.id}`}
            type="checkbox"
            checked={!hidden.has(space.id)}
            onChange={(event) => onToggle(space.id, event.target.checked)}
          />
          <span className={`cal-swatch ${colourClass(colours, space.id)}`} aria-hidden="true" />
          <label htmlFor={`${id}-${space.id}`}>{spaceName(t, space.name)}</label>
        </span>
      ))}
    </fieldset>
  );
}
