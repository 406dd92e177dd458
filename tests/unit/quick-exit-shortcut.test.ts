// The quick-exit shortcut: Ctrl+Shift+H on the physical H key (so a Cyrillic layout works too), never
// with Alt, and never the panic wipe's Ctrl+Alt+Shift+Backspace (or the other way round).
import { describe, expect, it } from 'vitest';
import {
  isQuickExitShortcut,
  quickExitShortcutLabel,
} from '../../src-renderer/safety/quick-exit-shortcut';

const press = (key: string, code: string, mods: Partial<Record<string, boolean>> = {}) => ({
  key,
  code,
  ctrlKey: mods.ctrl ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
  metaKey: mods.meta ?? false,
});

// Node is not a Mac, so the command key here is Ctrl.
describe('the quick-exit shortcut', () => {
  it('is Ctrl+Shift+H, labelled so', () => {
    expect(isQuickExitShortcut(press('H', 'KeyH', { ctrl: true, shift: true }))).toBe(true);
    expect(quickExitShortcutLabel()).toBe('Ctrl+Shift+H');
  });

  it('works under a Cyrillic layout (the physical key) and on a layout that moves H', () => {
    expect(isQuickExitShortcut(press('Р', 'KeyH', { ctrl: true, shift: true }))).toBe(true);
    expect(isQuickExitShortcut(press('H', 'KeyJ', { ctrl: true, shift: true }))).toBe(true);
  });

  it('needs both Ctrl and Shift, and refuses Alt or Cmd added', () => {
    expect(isQuickExitShortcut(press('h', 'KeyH', { ctrl: true }))).toBe(false);
    expect(isQuickExitShortcut(press('H', 'KeyH', { shift: true }))).toBe(false);
    expect(isQuickExitShortcut(press('H', 'KeyH', { ctrl: true, shift: true, alt: true }))).toBe(
      false,
    );
    expect(isQuickExitShortcut(press('H', 'KeyH', { ctrl: true, shift: true, meta: true }))).toBe(
      false,
    );
    expect(isQuickExitShortcut(press('h', 'KeyH'))).toBe(false);
  });

  it('is not the panic wipe, nor the panic wipe with H', () => {
    const panic = press('Backspace', 'Backspace', { ctrl: true, shift: true, alt: true });
    expect(isQuickExitShortcut(panic)).toBe(false);
    expect(isQuickExitShortcut(press('H', 'KeyH', { ctrl: true, shift: true, alt: true }))).toBe(
      false,
    );
  });
});
