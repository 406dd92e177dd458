// The platform's command key: Cmd on macOS, Ctrl elsewhere, for both matching and labels.
const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function isCommand(event: KeyboardEvent): boolean {
  return isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`;
}

export function ariaShortcut(key: string): string {
  return isMac ? `Meta+${key.toUpperCase()}` : `Control+${key.toUpperCase()}`;
}
