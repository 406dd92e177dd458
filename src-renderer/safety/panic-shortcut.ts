// The panic wipe's shortcut: Ctrl+Alt+Shift+Backspace (⌘⌥⇧⌫ on a Mac). Four keys at once, so it is
// not pressed by accident, and one motion, so it can be pressed in a hurry; it asks nothing.
import { isCommand } from '../lib/shortcuts';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function isPanicShortcut(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>,
): boolean {
  return (
    isCommand(event as KeyboardEvent) && event.altKey && event.shiftKey && event.key === 'Backspace'
  );
}

export const panicShortcutLabel = (): string => (isMac ? '⌘⌥⇧⌫' : 'Ctrl+Alt+Shift+Backspace');
