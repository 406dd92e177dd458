// App-wide Cmd/Ctrl shortcuts; the handlers are read fresh on every key so callers need not memoise.
import { useEffect, useRef } from 'react';
import { isCommand } from '../lib/shortcuts';

export type ShortcutMap = Record<string, () => void>;

export function useShortcuts(shortcuts: ShortcutMap): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isCommand(event) || event.altKey || event.shiftKey) return;
      const handler = current.current[event.key.toLowerCase()];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
