// The keyboard help screen readers get for the calendar grid and for a movable event (referred to
// by aria-describedby): key names as printed on keyboards, marked as English, each with what it does.
import { useTranslation } from 'react-i18next';

type KeyAction =
  'arrows' | 'homeEnd' | 'pages' | 'today' | 'open' | 'new' | 'move' | 'resize' | 'save' | 'cancel';

const GRID: [string, KeyAction][] = [
  ['← → ↑ ↓', 'arrows'],
  ['Home, End', 'homeEnd'],
  ['Page Up, Page Down', 'pages'],
  ['T', 'today'],
  ['Enter', 'open'],
  ['N', 'new'],
];

const MOVE: [string, KeyAction][] = [
  ['Alt + ← → ↑ ↓', 'move'],
  ['Alt + Shift + ↑ ↓', 'resize'],
  ['Enter', 'save'],
  ['Esc', 'cancel'],
];

export const GRID_HELP_ID = 'cal-grid-help';
export const MOVE_HELP_ID = 'cal-move-help';

export function KeyHelp({ kind }: { kind: 'grid' | 'move' }) {
  const { t } = useTranslation();
  const list = kind === 'grid' ? GRID : MOVE;
  return (
    <span id={kind === 'grid' ? GRID_HELP_ID : MOVE_HELP_ID} className="visually-hidden">
      {list.map(([keys, action]) => (
        <span key={action}>
          <span lang="en">{keys}</span>: {t(`calendar.keys.${action}`)}.{' '}
        </span>
      ))}
    </span>
  );
}
