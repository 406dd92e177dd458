// App-wide Cmd/Ctrl shortcuts; the handlers are read fresh on every key so callers need not memoise.
import { useEffect, useRef } from 'react';
import { isCommand } from '../lib/shortcuts';

export type ShortcutMap = Record<string, () => void>;

/**
 * While a modal dialog is open (an event being written, a briefing's recipients…) its shortcuts
 * are paused: Ctrl+N would close it with what was typed in it. Locking (`inDialogs`) still works.
 */
export function useShortcuts(shortcuts: ShortcutMap, options: { inDialogs?: boolean } = {}): void {
  const current = useRef(shortcuts);
  const inDialogs = options.inDialogs ?? false;
  useEffect(() => {
    current.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isCommand(event) || event.altKey || event.shiftKey) return;
      if (!inDialogs && document.querySelector('dialog[open]')) return;
      const handler = current.current[event.key.toLowerCase()];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inDialogs]);
}
