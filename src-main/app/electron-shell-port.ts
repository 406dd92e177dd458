// The Electron shell's side of the core's ShellPort: every window of the app and the system
// clipboard. Quick exit hides windows (no taskbar entry left); launching the app again shows them.
import { BrowserWindow, clipboard } from 'electron';
import type { ShellPort } from '../core/shell/shell-port';

/** Chromium's content protection is honoured only on these; elsewhere the setting is not offered. */
const PROTECTION_WORKS = process.platform === 'win32' || process.platform === 'darwin';

let protection = false;

/** Every new window gets the current protection (createWindow calls this). */
export function protectNewWindow(window: BrowserWindow): void {
  if (PROTECTION_WORKS && protection) window.setContentProtection(true);
}

export function electronShellPort(): ShellPort {
  const port: ShellPort = {
    hideAllWindows() {
      for (const window of BrowserWindow.getAllWindows()) window.hide();
    },
    writeClipboard: (text) => clipboard.writeText(text),
    readClipboard: () => clipboard.readText(),
    clearClipboard() {
      clipboard.clear();
      // X11 and Wayland keep what was last selected too (middle-click pastes it).
      if (process.platform === 'linux') clipboard.selection.clear();
    },
  };
  if (PROTECTION_WORKS) {
    port.setContentProtection = (on) => {
      protection = on;
      for (const window of BrowserWindow.getAllWindows()) window.setContentProtection(on);
    };
  }
  return port;
}
