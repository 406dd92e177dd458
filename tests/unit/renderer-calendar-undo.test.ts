// Undo of a move or resize: the stack gives back the newest change first and keeps it until its
// undo succeeded; the calls save the previous timing back in the way the change was made (the
// event, one occurrence, the whole series, or a series that was split in two).
import { describe, expect, it } from 'vitest';
import {
  occurrenceTarget,
  saveArgsFor,
  shiftedKey,
  undoSteps,
  type SaveArgs,
} from '../../src-renderer/calendar/save-args';
import { UndoStack, type UndoEntry } from '../../src-renderer/calendar/undo-stack';
import type { EventInput } from '../../src-shared/calendar/calendar-api';

const SPACE = 'a'.repeat(32);
const EVENT = 'b'.repeat(32);
const SPLIT = 'c'.repeat(32);
const before: EventInput = {
  title: 'Планёрка',
  description: '',
  location: '',
  allDay: false,
  start: '2026-03-02T10:00',
  end: '2026-03-02T11:00',
  tz: 'Europe/Minsk',
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  exdates: ['2026-03-16T10:00'],
  orgId: null,
  visibility: 'coalition',
};
const moved: EventInput = { ...before, start: '2026-03-10T12:00', end: '2026-03-10T13:00' };
const previous = { start: '2026-03-09T10:00', end: '2026-03-09T11:00' };
const entry = (title: string): UndoEntry => ({
  title,
  steps: [{ kind: 'save', args: { spaceId: SPACE, event: before } }],
});

describe('the undo stack', () => {
  it('gives the newest entry and keeps it until its undo is done', () => {
    const stack = new UndoStack();
    const first = entry('first');
    const second = entry('second');
    stack.push(first);
    stack.push(second);
    expect(stack.peek()).toBe(second);
    stack.done(second);
    expect(stack.peek()).toBe(first);
    // An undo that finished after a newer change was pushed does not drop the newer one.
    const third = entry('third');
    stack.push(third);
    stack.done(first);
    expect(stack.peek()).toBe(third);
    expect(stack.size).toBe(2);
  });

  it('forgets the oldest entries past its limit and ignores entries with nothing to do', () => {
    const stack = new UndoStack(2);
    stack.push(entry('1'));
    stack.push(entry('2'));
    stack.push(entry('3'));
    stack.push({ title: 'empty', steps: [] });
    expect(stack.size).toBe(2);
    expect(stack.peek()?.title).toBe('3');
    stack.done(stack.peek() as UndoEntry);
    expect(stack.peek()?.title).toBe('2');
  });
});

describe('what a save sends', () => {
  it('sends a new event without an id and a one-off event whole', () => {
    expect(saveArgsFor({ spaceId: SPACE }, moved)).toEqual({ spaceId: SPACE, event: moved });
    expect(saveArgsFor({ spaceId: SPACE, eventId: EVENT }, moved, 'this')).toEqual({
      spaceId: SPACE,
      eventId: EVENT,
      event: moved,
    });
  });

  it('names the occurrence and the scope for an occurrence of a series', () => {
    const occurrence = occurrenceTarget(before, { recurring: true, key: '2026-03-09T10:00' });
    expect(saveArgsFor({ spaceId: SPACE, eventId: EVENT, occurrence }, moved, 'following')).toEqual(
      {
        spaceId: SPACE,
        eventId: EVENT,
        event: moved,
        occurrence: { key: '2026-03-09T10:00', scope: 'following' },
      },
    );
    expect(occurrenceTarget({ rrule: null }, { recurring: true, key: 'x' })).toBeUndefined();
    expect(occurrenceTarget(before, { recurring: false, key: 'x' })).toBeUndefined();
  });
});

describe('undoing a move', () => {
  const oneOff: SaveArgs = { spaceId: SPACE, eventId: EVENT, event: moved };
  const ofSeries = (scope: 'this' | 'following' | 'all'): SaveArgs => ({
    ...oneOff,
    occurrence: { key: '2026-03-09T10:00', scope },
  });

  it('saves a one-off event as it was', () => {
    expect(undoSteps(oneOff, EVENT, before, previous)).toEqual([
      { kind: 'save', args: { spaceId: SPACE, eventId: EVENT, event: before } },
    ]);
  });

  it('puts one occurrence back at its own previous times', () => {
    const [step] = undoSteps(ofSeries('this'), EVENT, before, previous);
    expect(step).toEqual({
      kind: 'save',
      args: { ...ofSeries('this'), event: { ...moved, ...previous } },
    });
  });

  it('moves a whole series back from where the occurrence is now, with its old rule', () => {
    const [step] = undoSteps(ofSeries('all'), EVENT, before, previous);
    expect(step?.kind).toBe('save');
    if (step?.kind !== 'save') return;
    // The occurrence moved by a day and two hours, so its key and the exceptions did too.
    expect(step.args.occurrence).toEqual({ key: '2026-03-10T12:00', scope: 'all' });
    expect(step.args.event).toEqual({
      ...before,
      ...previous,
      exdates: ['2026-03-17T12:00'],
    });
  });

  it('deletes the new series and restores the old one after "this and following" split it', () => {
    expect(undoSteps(ofSeries('following'), SPLIT, before, previous)).toEqual([
      { kind: 'delete', args: { spaceId: SPACE, eventId: SPLIT } },
      { kind: 'restore', args: { spaceId: SPACE, eventId: EVENT, event: before } },
    ]);
    // From the first occurrence "following" is the whole series: moved back like "all".
    expect(undoSteps(ofSeries('following'), EVENT, before, previous)[0]).toMatchObject({
      args: { occurrence: { scope: 'all' } },
    });
  });

  it('deletes an event that the change created, and does nothing without the event as it was', () => {
    expect(undoSteps({ spaceId: SPACE, event: moved }, SPLIT, null)).toEqual([
      { kind: 'delete', args: { spaceId: SPACE, eventId: SPLIT } },
    ]);
    expect(undoSteps(oneOff, EVENT, null)).toEqual([]);
  });
});

describe('an occurrence key after its series moved', () => {
  it('moves by the same wall-clock distance, for times and for dates', () => {
    expect(shiftedKey('2026-03-09T10:00', '2026-03-09T10:00', '2026-03-10T12:15')).toBe(
      '2026-03-10T12:15',
    );
    expect(shiftedKey('2026-03-16T10:00', '2026-03-09T10:00', '2026-03-08T09:00')).toBe(
      '2026-03-15T09:00',
    );
    expect(shiftedKey('2026-03-28', '2026-03-27', '2026-03-30')).toBe('2026-03-31');
  });
});
