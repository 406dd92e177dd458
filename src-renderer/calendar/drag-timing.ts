// Where a dragged or keyboard-moved event lands: pointer distance to minutes, snapped to a quarter
// hour of the viewer's wall clock, and the new instants read as local times in the event's own zone.
import { DateTime } from 'luxon';

export const SNAP_MINUTES = 15;
/** The shortest an event can be resized to. */
export const MIN_DURATION_MINUTES = SNAP_MINUTES;

export type TimingChange =
  { kind: 'move'; days: number; minutes: number } | { kind: 'resize'; minutes: number };

export interface Span {
  startMs: number;
  endMs: number;
}

/** Vertical pointer travel in a column `hourHeight` pixels an hour tall, as minutes. */
export function minutesFromPixels(dy: number, hourHeight: number): number {
  return hourHeight > 0 ? (dy / hourHeight) * 60 : 0;
}

/** Horizontal travel across columns `columnWidth` wide, as whole days. */
export function daysFromPixels(dx: number, columnWidth: number): number {
  return columnWidth > 0 ? Math.round(dx / columnWidth) : 0;
}

export function snap(minutes: number, step = SNAP_MINUTES): number {
  return Math.round(minutes / step) * step;
}

/** Minutes since the start of `at`'s day, in `zone`. */
function minuteOfDay(at: DateTime): number {
  return at.diff(at.startOf('day'), 'minutes').minutes;
}

/**
 * The span after a move (by whole days and by minutes) or a resize (of the end, by minutes), in the
 * viewer's zone: the moved edge snaps to the nearest quarter hour of the wall clock, a move keeps the
 * duration, and a resize never makes the event shorter than MIN_DURATION_MINUTES.
 */
export function changedSpan(span: Span, change: TimingChange, zone: string): Span {
  const start = DateTime.fromMillis(span.startMs, { zone });
  if (change.kind === 'move') {
    const day = start.plus({ days: change.days }).startOf('day');
    const minutes = snap(minuteOfDay(start) + change.minutes);
    const newStart = day.plus({ minutes });
    return { startMs: newStart.toMillis(), endMs: newStart.toMillis() + span.endMs - span.startMs };
  }
  const dayStart = start.startOf('day');
  const endMinutes = snap((span.endMs - dayStart.toMillis()) / 60_000 + change.minutes);
  const startMinutes = minuteOfDay(start);
  const minEnd = startMinutes + MIN_DURATION_MINUTES;
  const newEnd = dayStart.plus({ minutes: Math.max(endMinutes, minEnd) });
  return { startMs: span.startMs, endMs: newEnd.toMillis() };
}

/** An instant as the event stores it: the wall-clock time in its zone, to the minute. */
export function localTimeIn(ms: number, tz: string): string {
  return DateTime.fromMillis(ms, { zone: tz }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A local time of the event's zone back to an instant (a time skipped by DST moves forward). */
export function instantOf(local: string, tz: string): number {
  return DateTime.fromISO(local, { zone: tz }).toMillis();
}
