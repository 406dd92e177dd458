// Copies a sensitive text (an invite link, a device code, a share link) so that it does not linger:
// through main where it owns the clipboard (cleared after 60 s if unchanged), else with the page's
// own clipboard, cleared after 60 s only where the browser already lets the page read it.
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';

let pending: { text: string; timer: number } | undefined;

function forgetPending(): void {
  if (pending) window.clearTimeout(pending.timer);
  pending = undefined;
}

/** Reading needs a permission pages seldom hold (Chromium would prompt, Firefox shows a menu). */
async function mayReadClipboard(): Promise<boolean> {
  try {
    const name: string = 'clipboard-read';
    const status = await navigator.permissions.query({ name } as PermissionDescriptor);
    return status.state === 'granted';
  } catch {
    return false;
  }
}

async function clearIfStill(text: string): Promise<void> {
  pending = undefined;
  if (!document.hasFocus() || !(await mayReadClipboard())) return;
  try {
    if ((await navigator.clipboard.readText()) === text) await navigator.clipboard.writeText('');
  } catch {
    // Refused after all: the docs say the browser host cannot always clear.
  }
}

/** Resolves to whether the text is on the clipboard now. */
export async function copySensitive(text: string): Promise<boolean> {
  const outcome = await call('clipboard.copySensitive', { text });
  if (outcome.ok && outcome.value.copied) {
    forgetPending();
    return true;
  }
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
  } catch {
    return false;
  }
  forgetPending();
  const timer = window.setTimeout(() => void clearIfStill(text), LIMITS.sensitiveClipboardClearMs);
  pending = { text, timer };
  return true;
}

/** Quick exit: empties the clipboard as far as the page may (main clears it too where it can). */
export async function clearClipboardHere(): Promise<void> {
  forgetPending();
  try {
    await navigator.clipboard?.writeText('');
  } catch {
    // Refused (no focus, no permission): nothing more a page can do.
  }
}
