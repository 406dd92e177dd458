// Whether two copies of one membership log tell one history (one is the other plus later entries)
// or two: stored logs, a refresh's and a carried bundle's are compared with it before one replaces
// another, since mixing two histories would store entries that never replay.
import { bytesEqual } from './bytes';

/** The first position where both logs hold an entry and they differ; null: one extends the other. */
export function forkIndex(a: readonly Uint8Array[], b: readonly Uint8Array[]): number | null {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    if (!bytesEqual(a[i] as Uint8Array, b[i] as Uint8Array)) return i;
  }
  return null;
}
