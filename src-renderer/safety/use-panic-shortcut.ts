// Listens for the panic shortcut on every screen (locked or not) and erases the vault at once.
import { useEffect } from 'react';
import { call } from '../bridge/call';
import { isPanicShortcut } from './panic-shortcut';

export function usePanicShortcut(onErased: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isPanicShortcut(event)) return;
      event.preventDefault();
      void call('vault.panicWipe', {}).then((outcome) => {
        if (outcome.ok) onErased();
      });
    };
    // Capture: no field or editor on screen can swallow it first.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [onErased]);
}
