// Clipboard hygiene: a sensitive text copied through main is cleared 60 s later, but only if the
// clipboard still holds exactly that text (what the user copied since is theirs to keep).
import { LIMITS } from '../../../src-shared/limits';
import type { ClipboardPort } from './shell-port';

export interface SensitiveClipboard {
  /** Writes the text and (re)starts the clock: a second copy gets its own full minute. */
  copy(text: string): Promise<void>;
  /** Empties the clipboard whatever it holds (quick exit), and stops the clock. */
  clearNow(): Promise<void>;
  /** At shutdown: clears the pending text now if it is still there, since no timer outlives us. */
  dispose(): Promise<void>;
}

export function createSensitiveClipboard(
  port: ClipboardPort,
  clearAfterMs: number = LIMITS.sensitiveClipboardClearMs,
  logError: (error: unknown) => void = () => undefined,
): SensitiveClipboard {
  /** Bumped by every copy and clear: an older step that finds it changed has been overtaken. */
  let generation = 0;
  let pending: { text: string; timer: ReturnType<typeof setTimeout> } | undefined;

  const takePending = (): string | undefined => {
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    const { text } = pending;
    pending = undefined;
    return text;
  };
  const clearIfStill = async (text: string | undefined, at: number): Promise<void> => {
    if (text === undefined) return;
    const now = await port.readClipboard();
    if (at === generation && now === text) await port.clearClipboard();
  };

  return {
    async copy(text) {
      const at = ++generation;
      takePending();
      await port.writeClipboard(text);
      if (at !== generation) return;
      const timer = setTimeout(() => {
        pending = undefined;
        clearIfStill(text, at).catch(logError);
      }, clearAfterMs);
      // A pending clear must not keep the process alive on its own (the browser host, tests).
      if (typeof timer === 'object' && 'unref' in timer) timer.unref();
      pending = { text, timer };
    },
    async clearNow() {
      generation++;
      takePending();
      await port.clearClipboard();
    },
    async dispose() {
      await clearIfStill(takePending(), generation);
    },
  };
}
