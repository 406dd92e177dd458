// Which of my own timed occurrences overlap another of mine, for the "conflict" mark. A sort and one
// sweep, so a view of thousands of occurrences costs O(n log n), not a comparison of every pair.
import type { Occurrence } from './event-model';

export type ConflictInput = Pick<Occurrence, 'eventId' | 'key' | 'startMs' | 'endMs' | 'allDay'> & {
  own: boolean;
};

/** How findConflicts names an occurrence in its result. */
export const conflictKey = (eventId: string, key: string): string => `${eventId}|${key}`;

/**
 * The occurrences (as conflictKey) that are own, timed and overlap another own timed occurrence.
 * Touching (one ends when the next starts) is no conflict; all-day and zero-length ones never
 * conflict. Two occurrences of the same series that overlap do.
 *
 * After sorting by start, an occurrence overlaps an earlier one exactly when it starts before the
 * latest end seen so far, and the earlier occurrence holding that end is one it overlaps. So every
 * occurrence that overlaps another is marked, as the later or as the earlier of some pair.
 */
export function findConflicts(items: readonly ConflictInput[]): Set<string> {
  const timed = items
    .filter((o) => o.own && !o.allDay && o.endMs > o.startMs)
    .sort((a, b) => a.startMs - b.startMs || b.endMs - a.endMs);
  const result = new Set<string>();
  let latest: ConflictInput | null = null;
  for (const o of timed) {
    if (latest && o.startMs < latest.endMs) {
      result.add(conflictKey(o.eventId, o.key));
      result.add(conflictKey(latest.eventId, latest.key));
    }
    if (!latest || o.endMs > latest.endMs) latest = o;
  }
  return result;
}
