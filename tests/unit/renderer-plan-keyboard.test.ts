// Keyboard rules of the plan screen's composite widgets (WAI-ARIA APG): the formatting toolbar and
// the side panel's tabs are one tab stop moved with the arrow keys, Home and End; the "More" menu
// moves with the up and down arrows and closes with Escape (focus back on its button) or Tab.
import { describe, expect, it } from 'vitest';
import {
  menuKey,
  menuOpenIndex,
  rovingIndex,
  tabStop,
} from '../../src-renderer/plans/roving-focus';

const all = (count: number) => Array<boolean>(count).fill(true);

describe('the toolbar (roving tabindex)', () => {
  it('moves with Left and Right, wrapping at both ends', () => {
    expect(rovingIndex('ArrowRight', 0, all(4))).toBe(1);
    expect(rovingIndex('ArrowRight', 3, all(4))).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, all(4))).toBe(3);
    expect(rovingIndex('ArrowLeft', 2, all(4))).toBe(1);
  });

  it('goes to the first and last button with Home and End', () => {
    expect(rovingIndex('Home', 2, all(5))).toBe(0);
    expect(rovingIndex('End', 1, all(5))).toBe(4);
  });

  it('skips buttons that cannot be used now (table buttons outside a table)', () => {
    const enabled = [true, false, false, true, false];
    expect(rovingIndex('ArrowRight', 0, enabled)).toBe(3);
    expect(rovingIndex('ArrowRight', 3, enabled)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, enabled)).toBe(3);
    expect(rovingIndex('End', 0, enabled)).toBe(3);
    expect(rovingIndex('Home', 3, [false, true, true])).toBe(1);
  });

  it('leaves other keys (Up and Down in a horizontal toolbar, letters, Tab) to the page', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Tab', 'a', 'Enter']) {
      expect(rovingIndex(key, 1, all(3))).toBeNull();
    }
    expect(rovingIndex('ArrowRight', 0, [])).toBeNull();
    expect(rovingIndex('ArrowRight', 0, [false, false])).toBeNull();
  });

  it('keeps the one tab stop on a button that can take focus', () => {
    expect(tabStop(2, all(4))).toBe(2);
    expect(tabStop(2, [true, true, false, true])).toBe(0);
    expect(tabStop(0, [false, false, true])).toBe(2);
    expect(tabStop(1, [false, false])).toBe(0);
  });
});

describe('the side panel tabs', () => {
  const tabs = all(3); // tasks, comments, versions

  it('move between the tabs with Left/Right (wrapping) and Home/End', () => {
    expect(rovingIndex('ArrowRight', 0, tabs)).toBe(1);
    expect(rovingIndex('ArrowRight', 2, tabs)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, tabs)).toBe(2);
    expect(rovingIndex('Home', 2, tabs)).toBe(0);
    expect(rovingIndex('End', 0, tabs)).toBe(2);
  });

  it('move with Up and Down only when the tab list is vertical', () => {
    expect(rovingIndex('ArrowDown', 0, tabs)).toBeNull();
    expect(rovingIndex('ArrowDown', 0, tabs, 'vertical')).toBe(1);
    expect(rovingIndex('ArrowUp', 0, tabs, 'vertical')).toBe(2);
    expect(rovingIndex('ArrowRight', 0, tabs, 'vertical')).toBeNull();
  });
});

describe('the More menu', () => {
  it('moves with Up and Down, wrapping, and with Home and End', () => {
    expect(menuKey('ArrowDown', 0, 4)).toEqual({ kind: 'move', index: 1 });
    expect(menuKey('ArrowDown', 3, 4)).toEqual({ kind: 'move', index: 0 });
    expect(menuKey('ArrowUp', 0, 4)).toEqual({ kind: 'move', index: 3 });
    expect(menuKey('Home', 2, 4)).toEqual({ kind: 'move', index: 0 });
    expect(menuKey('End', 0, 4)).toEqual({ kind: 'move', index: 3 });
  });

  it('closes with Escape, giving focus back to its button, and with Tab, letting focus move on', () => {
    expect(menuKey('Escape', 1, 4)).toEqual({ kind: 'close', returnFocus: true });
    expect(menuKey('Tab', 1, 4)).toEqual({ kind: 'close', returnFocus: false });
  });

  it('ignores Left, Right and other keys (Enter and Space click the item)', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'Enter', ' ', 'x']) {
      expect(menuKey(key, 1, 4)).toBeNull();
    }
  });

  it('opens on the first item with Down and on the last with Up', () => {
    expect(menuOpenIndex('ArrowDown', 4)).toBe(0);
    expect(menuOpenIndex('ArrowUp', 4)).toBe(3);
    expect(menuOpenIndex('Enter', 4)).toBeNull();
    expect(menuOpenIndex('ArrowDown', 0)).toBeNull();
  });
});
