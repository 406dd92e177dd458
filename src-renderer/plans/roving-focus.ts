// Keyboard movement inside composite widgets (WAI-ARIA APG): a toolbar and a tab list are one tab
// stop whose arrow keys move focus between their items (roving tabindex); a menu moves with the
// up and down arrows and closes with Escape or Tab. Pure, so the rules are tested without a browser.

export type Orientation = 'horizontal' | 'vertical';

/**
 * Where focus goes for a key pressed on item `current`: the next or previous enabled item (wrapping
 * around), the first or last with Home/End; null when the key is not one of them (or nothing is
 * enabled), so the caller leaves the event alone.
 */
export function rovingIndex(
  key: string,
  current: number,
  enabled: readonly boolean[],
  orientation: Orientation = 'horizontal',
): number | null {
  const count = enabled.length;
  if (count === 0 || !enabled.some(Boolean)) return null;
  const [back, forward] =
    orientation === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  const step = (from: number, by: 1 | -1): number => {
    let index = from;
    for (let tried = 0; tried < count; tried++) {
      index = (index + by + count) % count;
      if (enabled[index]) return index;
    }
    return from;
  };
  switch (key) {
    case forward:
      return step(current, 1);
    case back:
      return step(current, -1);
    case 'Home':
      return step(-1, 1);
    case 'End':
      return step(count, -1);
    default:
      return null;
  }
}

/** The item that holds the tab stop: the wanted one if it can take focus, else the first that can. */
export function tabStop(wanted: number, enabled: readonly boolean[]): number {
  if (enabled[wanted]) return wanted;
  const first = enabled.indexOf(true);
  return first === -1 ? 0 : first;
}

export type MenuAction = { kind: 'move'; index: number } | { kind: 'close'; returnFocus: boolean };

/** What a key does in an open menu of `count` items whose item `current` has focus. */
export function menuKey(key: string, current: number, count: number): MenuAction | null {
  if (key === 'Escape') return { kind: 'close', returnFocus: true };
  // Tab leaves the menu for the next control of the page, as in a native menu.
  if (key === 'Tab') return { kind: 'close', returnFocus: false };
  const index = rovingIndex(key, current, Array<boolean>(count).fill(true), 'vertical');
  return index === null ? null : { kind: 'move', index };
}

/**
 * Which item gets focus when the menu button opens its menu with this key. Enter and Space are not
 * here: they click the button, which opens the menu on its first item.
 */
export function menuOpenIndex(key: string, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return 0;
  if (key === 'ArrowUp') return count - 1;
  return null;
}
