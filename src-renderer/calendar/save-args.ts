// What calendar.save is sent for an edit (a new event, a whole event, or one occurrence of a series
// with how far the change reaches: main's edit-scope.ts moves the series by as much as the
// occurrence moved), and the calls that take a saved move back for Undo.
import { DateTime } from 'luxon';
import type { EventInput } from '../../src-shared/calendar/calendar-api';
import type { EditScope, EventTiming } from '../../src-shared/calendar/event-model';
import type { MethodArgs } from '../../src-shared/api';

export type SaveArgs = MethodArgs<'calendar.save'>;
export type DeleteArgs = MethodArgs<'calendar.delete'>;

/** Where an edit goes: a new event of a space, an event, or one occurrence of a series. */
export interface EditTarget {
  spaceId: string;
  eventId?: string;
  /** Set when the editor or a drag started from one occurrence of a recurring event. */
  occurrence?: { key: string };
}

/** The occurrence part of an edit target: set only for an item of a series. */
export function occurrenceTarget(
  series: Pick<EventTiming, 'rrule'>,
  item: { recurring: boolean; key: string } | undefined,
): EditTarget['occurrence'] {
  if (!item || !item.recurring || series.rrule === null) return undefined;
  return { key: item.key };
}

/** The calendar.save arguments for `input` sent to `target`, reaching `scope` in a series. */
export function saveArgsFor(target: EditTarget, input: EventInput, scope?: EditScope): SaveArgs {
  const { spaceId, eventId, occurrence } = target;
  if (eventId === undefined) return { spaceId, event: input };
  if (!occurrence || scope === undefined) return { spaceId, eventId, event: input };
  return { spaceId, eventId, event: input, occurrence: { key: occurrence.key, scope } };
}

/** Wall-clock arithmetic on stored local times ('YYYY-MM-DDTHH:mm' or a date). */
function wall(local: string): DateTime {
  return DateTime.fromISO(local, { zone: 'utc' });
}

/** An occurrence key moved by as much as `from` moved to `to` (the series moved with it). */
export function shiftedKey(key: string, from: string, to: string): string {
  const moved = wall(key).plus(wall(to).diff(wall(from)));
  return key.length === 10 ? (moved.toISODate() ?? key) : moved.toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * A call that takes a change back. 'restore' saves an event as it was; if main no longer has it
 * (a "this and following" change replaced it), it is made again.
 */
export type UndoStep =
  | { kind: 'save'; args: SaveArgs }
  | { kind: 'restore'; args: SaveArgs }
  | { kind: 'delete'; args: DeleteArgs };

/**
 * The calls that take back a saved change: `before` is the whole event as it was (calendar.get),
 * `savedId` what calendar.save answered (another id when "this and following" split the series),
 * `previous` the moved occurrence's own times before the change.
 */
export function undoSteps(
  saved: SaveArgs,
  savedId: string,
  before: EventInput | null,
  previous?: { start: string; end: string },
): UndoStep[] {
  const { spaceId, eventId, occurrence } = saved;
  if (eventId === undefined) return [{ kind: 'delete', args: { spaceId, eventId: savedId } }];
  if (before === null) return [];
  const whole: SaveArgs = { spaceId, eventId, event: before };
  if (!occurrence || !previous) return [{ kind: 'save', args: whole }];
  if (occurrence.scope === 'this') {
    return [{ kind: 'save', args: { ...saved, event: { ...saved.event, ...previous } } }];
  }
  if (occurrence.scope === 'following' && savedId !== eventId) {
    return [
      { kind: 'delete', args: { spaceId, eventId: savedId } },
      { kind: 'restore', args: whole },
    ];
  }
  // The whole series moved, its exceptions with it: move it back from where that occurrence is
  // now, naming the exceptions where they are now, so main carries them back along with the rest.
  const moved = (k: string) => shiftedKey(k, previous.start, saved.event.start);
  const event = { ...before, ...previous, exdates: before.exdates.map(moved) };
  return [
    {
      kind: 'save',
      args: { spaceId, eventId, event, occurrence: { key: moved(occurrence.key), scope: 'all' } },
    },
  ];
}
