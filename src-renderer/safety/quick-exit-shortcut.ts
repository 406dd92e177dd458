// The quick exit's shortcut: Ctrl+Shift+H (⌘⇧H on a Mac), "H" for hide. No browser, Electron, editor
// or system binding uses it, and it shares no key with the panic wipe (Ctrl+Alt+Shift+Backspace),
// so a hurried hand cannot erase the vault when it meant to hide it. Matched on the physical key too,
// so it works the same under a Cyrillic layout.

/** The parts of a key press the matcher reads (a plain shape, so unit tests run without a DOM). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function isQuickExitShortcut(event: KeyPress): boolean {
  // The platform's command key alone (as lib/shortcuts.ts): Cmd on a Mac, Ctrl elsewhere.
  const command = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return (
    command &&
    event.shiftKey &&
    !event.altKey &&
    (event.code === 'KeyH' || event.key.toLowerCase() === 'h')
  );
}

export const quickExitShortcutLabel = (): string => (isMac ? '⌘⇧H' : 'Ctrl+Shift+H');
