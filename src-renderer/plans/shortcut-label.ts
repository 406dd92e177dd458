// A ProseMirror key binding ("Mod-Alt-1") as the user's platform writes it: ⌘⌥1 or Ctrl+Alt+1.
import { shortcutLabel } from '../lib/shortcuts';

const isMac = shortcutLabel('x').startsWith('⌘');
const MAC_KEYS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧' };
const OTHER_KEYS: Record<string, string> = { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };

export function bindingLabel(binding: string): string {
  const names = isMac ? MAC_KEYS : OTHER_KEYS;
  const keys = binding.split('-').map((key) => names[key] ?? key.toUpperCase());
  return keys.join(isMac ? '' : '+');
}

/** The same binding in aria-keyshortcuts form ("Control+Alt+1"). */
export function ariaBinding(binding: string): string {
  return binding
    .split('-')
    .map((key) =>
      key === 'Mod' ? (isMac ? 'Meta' : 'Control') : key.length === 1 ? key.toUpperCase() : key,
    )
    .join('+');
}
