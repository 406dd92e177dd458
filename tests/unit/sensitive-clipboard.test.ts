// Clipboard hygiene and quick exit in core, against a fake shell port: a sensitive copy is cleared
// after 60 s only if the clipboard still holds it, a second copy restarts the clock, quick exit
// hides and clears at once, and screen-capture protection reaches the shell only when it changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSensitiveClipboard } from '../../src-main/core/shell/sensitive-clipboard';
import { createShellServices } from '../../src-main/core/shell/shell-services';
import type { ShellPort } from '../../src-main/core/shell/shell-port';
import type { Settings } from '../../src-shared/api';

/** Electron's clipboard answers asynchronously; so does this one. */
function fakeShell() {
  const state = { clipboard: '', hidden: 0, clears: 0, protection: [] as boolean[] };
  const port = {
    hideAllWindows: () => void state.hidden++,
    writeClipboard: async (text: string) => void (state.clipboard = text),
    readClipboard: async () => state.clipboard,
    clearClipboard: () => {
      state.clears++;
      state.clipboard = '';
    },
    setContentProtection: (on: boolean) => void state.protection.push(on),
  } satisfies Required<ShellPort>;
  return { state, port };
}

const settings = (screenCaptureProtection: boolean) =>
  ({ screenCaptureProtection }) as Pick<Settings, 'screenCaptureProtection'> as Settings;
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the sensitive clipboard', () => {
  it('clears the copied text after 60 s, not before', async () => {
    const { state, port } = fakeShell();
    await createSensitiveClipboard(port).copy('https://relay.example/#invite');
    expect(state.clipboard).toBe('https://relay.example/#invite');
    await wait(59_999);
    expect(state.clipboard).toBe('https://relay.example/#invite');
    await wait(1);
    expect(state.clipboard).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { state, port } = fakeShell();
    await createSensitiveClipboard(port).copy('device code');
    await wait(30_000);
    state.clipboard = 'a shopping list';
    await wait(30_000);
    expect(state.clipboard).toBe('a shopping list');
    expect(state.clears).toBe(0);
  });

  it('restarts the clock on a second copy, and clears only the second text', async () => {
    const { state, port } = fakeShell();
    const clipboard = createSensitiveClipboard(port);
    await clipboard.copy('first link');
    await wait(50_000);
    await clipboard.copy('second link');
    await wait(50_000);
    expect(state.clipboard).toBe('second link');
    await wait(10_000);
    expect(state.clipboard).toBe('');
    expect(state.clears).toBe(1);
  });

  it('gives the same text copied twice a full minute from the second copy', async () => {
    const { state, port } = fakeShell();
    const clipboard = createSensitiveClipboard(port);
    await clipboard.copy('same');
    await wait(40_000);
    await clipboard.copy('same');
    await wait(40_000);
    expect(state.clipboard).toBe('same');
    await wait(20_000);
    expect(state.clipboard).toBe('');
  });

  it('at shutdown clears a pending text that is still there, and nothing else', async () => {
    const kept = fakeShell();
    const a = createSensitiveClipboard(kept.port);
    await a.copy('share link');
    kept.state.clipboard = 'mine';
    await a.dispose();
    expect(kept.state.clipboard).toBe('mine');

    const pending = fakeShell();
    const b = createSensitiveClipboard(pending.port);
    await b.copy('share link');
    await b.dispose();
    expect(pending.state.clipboard).toBe('');
    await wait(60_000);
    expect(pending.state.clears).toBe(1);
  });
});

describe('the shell services', () => {
  it('quick exit hides every window and empties the clipboard, whatever it holds', async () => {
    const { state, port } = fakeShell();
    const shell = createShellServices(port);
    await shell.copySensitive('invite');
    state.clipboard = 'something else';
    expect(await shell.quickExit()).toEqual({ windowsHidden: true, clipboardCleared: true });
    expect(state.hidden).toBe(1);
    expect(state.clipboard).toBe('');
    // The pending 60 s clear stopped with it: what is copied afterwards stays.
    state.clipboard = 'copied after';
    await wait(60_000);
    expect(state.clipboard).toBe('copied after');
  });

  it('without windows or clipboard (the browser host) says so and copies nothing', async () => {
    const shell = createShellServices({});
    expect(shell.capabilities()).toEqual({
      hideWindows: false,
      clipboard: false,
      screenCaptureProtection: false,
    });
    expect(await shell.quickExit()).toEqual({ windowsHidden: false, clipboardCleared: false });
    expect(await shell.copySensitive('invite')).toEqual({ copied: false });
  });

  it('passes screen-capture protection to the shell when it changes, and only then', () => {
    const { state, port } = fakeShell();
    const shell = createShellServices(port);
    expect(shell.capabilities().screenCaptureProtection).toBe(true);
    shell.applySettings(settings(false));
    shell.applySettings(settings(true));
    shell.applySettings(settings(true));
    shell.applySettings(settings(false));
    expect(state.protection).toEqual([false, true, false]);
  });
});
