// Listens for the quick-exit shortcut on every screen (locked or not): the page goes blank at once,
// then main hides every window, clears the clipboard and locks the vault. The page clears the
// clipboard too, for the browser host, where main has no clipboard.
import { useEffect } from 'react';
import { call } from '../bridge/call';
import { clearClipboardHere } from '../lib/sensitive-clipboard';
import { isQuickExitShortcut } from './quick-exit-shortcut';

/** Resolves once main has done its part: to whether it hid the windows. */
async function quickExit(): Promise<boolean> {
  const outcome = await call('app.quickExit', {});
  if (outcome.ok) return outcome.value.windowsHidden;
  // Main could not do it all (a dropped connection): at least try to lock.
  await call('vault.lock', {});
  return false;
}

/** onExit runs at once (blank the screen) with main's part still under way. */
export function useQuickExitShortcut(onExit: (done: Promise<boolean>) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isQuickExitShortcut(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.repeat) return;
      // Still inside the key press, while the page may write to the clipboard.
      void clearClipboardHere();
      onExit(quickExit());
    };
    // Capture: no field or editor on screen can swallow it first.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [onExit]);
}
