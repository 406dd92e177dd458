// The API's shell-facing methods over the port: quick exit, sensitive copies, screen-capture
// protection. Locking stays with the session; this only does what the shell can.
import type { MethodResult, Settings, ShellCapabilities } from '../../../src-shared/api';
import { createSensitiveClipboard, type SensitiveClipboard } from './sensitive-clipboard';
import { capabilitiesOf, clipboardOf, type ShellPort } from './shell-port';

export interface ShellServices {
  capabilities(): ShellCapabilities;
  /** Hides every window and empties the clipboard, first of all: the lock comes after. */
  quickExit(): Promise<MethodResult<'app.quickExit'>>;
  copySensitive(text: string): Promise<MethodResult<'clipboard.copySensitive'>>;
  /** Applies the settings the shell acts on (screen-capture protection), after unlock and each change. */
  applySettings(settings: Settings): void;
  dispose(): Promise<void>;
}

export function createShellServices(
  port: ShellPort = {},
  logError: (error: unknown) => void = () => undefined,
): ShellServices {
  const clipboardPort = clipboardOf(port);
  const clipboard: SensitiveClipboard | null = clipboardPort
    ? createSensitiveClipboard(clipboardPort, undefined, logError)
    : null;
  let protection: boolean | undefined;

  return {
    capabilities: () => capabilitiesOf(port),
    async quickExit() {
      port.hideAllWindows?.();
      if (clipboard) await clipboard.clearNow();
      else await port.clearClipboard?.();
      return {
        windowsHidden: port.hideAllWindows !== undefined,
        clipboardCleared: port.clearClipboard !== undefined,
      };
    },
    async copySensitive(text) {
      if (!clipboard) return { copied: false };
      await clipboard.copy(text);
      return { copied: true };
    },
    applySettings({ screenCaptureProtection }) {
      // Turned on once, it stays on across a lock: the setting is unknown again only until unlock.
      if (protection === screenCaptureProtection) return;
      protection = screenCaptureProtection;
      port.setContentProtection?.(screenCaptureProtection);
    },
    async dispose() {
      await clipboard?.dispose();
    },
  };
}
