// The month grid's and week columns' keyboard (WAI-ARIA grid): arrows by a day or a week, Home and
// End to the week's ends (by the language's first weekday), PageUp/PageDown by a period, T, Enter
// and N; Alt+arrows on an event move it instead.
import { describe, expect, it } from 'vitest';
import { eventKey, gridKey, stepDay } from '../../src-renderer/calendar/grid-keys';

const key = (
  k: string,
  mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});
const focus = (day: string) => ({ kind: 'focus', day });

describe('moving focus in the grid', () => {
  it('goes a day left or right and a week up or down, across months and years', () => {
    expect(gridKey(key('ArrowRight'), '2026-01-31', 'month', 1)).toEqual(focus('2026-02-01'));
    expect(gridKey(key('ArrowLeft'), '2026-01-01', 'month', 1)).toEqual(focus('2025-12-31'));
    expect(gridKey(key('ArrowDown'), '2026-02-26', 'month', 1)).toEqual(focus('2026-03-05'));
    expect(gridKey(key('ArrowUp'), '2026-03-05', 'week', 1)).toEqual(focus('2026-02-26'));
  });

  it('goes to the first or last day of the week, which starts on Monday or Sunday', () => {
    // 2026-03-11 is a Wednesday.
    expect(gridKey(key('Home'), '2026-03-11', 'month', 1)).toEqual(focus('2026-03-09'));
    expect(gridKey(key('End'), '2026-03-11', 'month', 1)).toEqual(focus('2026-03-15'));
    expect(gridKey(key('Home'), '2026-03-11', 'month', 7)).toEqual(focus('2026-03-08'));
    expect(gridKey(key('End'), '2026-03-11', 'month', 7)).toEqual(focus('2026-03-14'));
    expect(gridKey(key('Home'), '2026-03-15', 'month', 1)).toEqual(focus('2026-03-09'));
  });

  it('turns a page with PageUp/PageDown, keeping the day of the month where it can', () => {
    expect(gridKey(key('PageDown'), '2026-01-31', 'month', 1)).toEqual(focus('2026-02-28'));
    expect(gridKey(key('PageUp'), '2026-03-15', 'month', 1)).toEqual(focus('2026-02-15'));
    expect(gridKey(key('PageDown'), '2026-03-15', 'week', 1)).toEqual(focus('2026-03-22'));
  });

  it('opens the day with Enter or Space, jumps to today with T, starts an event with N', () => {
    expect(gridKey(key('Enter'), '2026-03-15', 'month', 1)).toEqual({
      kind: 'open',
      day: '2026-03-15',
    });
    expect(gridKey(key(' '), '2026-03-15', 'month', 1)).toEqual({
      kind: 'open',
      day: '2026-03-15',
    });
    expect(gridKey(key('t'), '2026-03-15', 'week', 1)).toEqual({ kind: 'today' });
    expect(gridKey(key('N'), '2026-03-15', 'week', 1)).toEqual({ kind: 'new', day: '2026-03-15' });
  });

  it('leaves Tab, letters, and keys with Ctrl, Cmd or Alt to others', () => {
    for (const k of ['Tab', 'a', 'Escape'])
      expect(gridKey(key(k), '2026-03-15', 'month', 1)).toBeNull();
    expect(gridKey(key('t', { ctrlKey: true }), '2026-03-15', 'month', 1)).toBeNull();
    expect(gridKey(key('n', { metaKey: true }), '2026-03-15', 'month', 1)).toBeNull();
    expect(gridKey(key('ArrowDown', { altKey: true }), '2026-03-15', 'month', 1)).toBeNull();
  });
});

describe('the previous and next period', () => {
  it('is a month, a week or the agenda’s two weeks', () => {
    expect(stepDay('2026-03-31', 'month', 1)).toBe('2026-04-30');
    expect(stepDay('2026-03-10', 'week', -1)).toBe('2026-03-03');
    expect(stepDay('2026-03-10', 'agenda', 1)).toBe('2026-03-24');
  });
});

describe('moving an event from the keyboard', () => {
  it('moves by 15 minutes up or down in the week, by a day left or right', () => {
    expect(eventKey(key('ArrowDown', { altKey: true }), 'week', false)).toEqual({
      kind: 'move',
      days: 0,
      minutes: 15,
    });
    expect(eventKey(key('ArrowUp', { altKey: true }), 'week', false)).toEqual({
      kind: 'move',
      days: 0,
      minutes: -15,
    });
    expect(eventKey(key('ArrowRight', { altKey: true }), 'week', false)).toEqual({
      kind: 'move',
      days: 1,
      minutes: 0,
    });
  });

  it('changes the length with Alt+Shift+Up/Down in the week', () => {
    expect(eventKey(key('ArrowDown', { altKey: true, shiftKey: true }), 'week', false)).toEqual({
      kind: 'resize',
      minutes: 15,
    });
    expect(eventKey(key('ArrowUp', { altKey: true, shiftKey: true }), 'week', false)).toEqual({
      kind: 'resize',
      minutes: -15,
    });
  });

  it('moves by a week up or down in the month, and all-day events only by days', () => {
    expect(eventKey(key('ArrowDown', { altKey: true }), 'month', false)).toEqual({
      kind: 'move',
      days: 7,
      minutes: 0,
    });
    expect(eventKey(key('ArrowUp', { altKey: true }), 'week', true)).toEqual({
      kind: 'move',
      days: -7,
      minutes: 0,
    });
    expect(eventKey(key('ArrowDown', { altKey: true, shiftKey: true }), 'month', false)).toBeNull();
  });

  it('needs Alt, and leaves other keys alone', () => {
    expect(eventKey(key('ArrowDown'), 'week', false)).toBeNull();
    expect(eventKey(key('Enter', { altKey: true }), 'week', false)).toBeNull();
    expect(eventKey(key('ArrowDown', { altKey: true, ctrlKey: true }), 'week', false)).toBeNull();
  });
});
