// What a quick exit leaves on screen where the window cannot be hidden (the browser host): an empty
// page in the background colour, nothing to read. A click or any key leads back to the lock screen.
import { useEffect } from 'react';
import { isQuickExitShortcut } from './quick-exit-shortcut';

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export function QuickExitScreen({ onLeave }: { onLeave: () => void }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      // The shortcut's own keys, held or pressed again, keep the page blank.
      if (event.repeat || MODIFIERS.has(event.key) || isQuickExitShortcut(event)) return;
      event.preventDefault();
      onLeave();
    };
    const onPointerDown = (): void => onLeave();
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown);
    };
  }, [onLeave]);
  return <div className="quick-exit-blank" data-testid="quick-exit-blank" />;
}
