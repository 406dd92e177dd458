// What the shell running the core (the Electron app, the browser host) lets it do outside the vault:
// windows and the system clipboard. Core never imports electron; the Electron shell passes these.
import type { ShellCapabilities } from '../../../src-shared/api';

/** Every member optional: a shell without windows or clipboard (the browser host) leaves them out. */
export interface ShellPort {
  /** Hides every window of the app at once (quick exit). */
  hideAllWindows?(): void;
  writeClipboard?(text: string): Promise<void>;
  readClipboard?(): Promise<string>;
  /** Empties the clipboard (and, on Linux, the primary selection). */
  clearClipboard?(): void | Promise<void>;
  /** Only where the platform honours it (Windows, macOS): applies to every window, now and later. */
  setContentProtection?(on: boolean): void;
}

/** The port's clipboard, when it has all three operations copySensitive needs. */
export interface ClipboardPort {
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  clearClipboard(): void | Promise<void>;
}

export function clipboardOf(port: ShellPort): ClipboardPort | null {
  const { writeClipboard, readClipboard, clearClipboard } = port;
  if (!writeClipboard || !readClipboard || !clearClipboard) return null;
  return {
    writeClipboard: (text) => writeClipboard.call(port, text),
    readClipboard: () => readClipboard.call(port),
    clearClipboard: () => clearClipboard.call(port),
  };
}

export function capabilitiesOf(port: ShellPort): ShellCapabilities {
  return {
    hideWindows: port.hideAllWindows !== undefined,
    clipboard: clipboardOf(port) !== null,
    screenCaptureProtection: port.setContentProtection !== undefined,
  };
}
