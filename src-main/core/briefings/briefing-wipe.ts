// Wiping briefings: one at a time (recalled, or expired) with the files only it held, and the timer
// that wipes each at its expiry while the vault is unlocked.
import type { BriefingContext } from './briefing-context';
import * as owners from './blob-owners';
import * as store from './briefing-store';

/** The wipe timer never sleeps longer than this, so a clock change is noticed within it. */
const MAX_TIMER_MS = 60_000;

/** After a sweep that could not wipe (a full disk), the next try waits this long. */
const SWEEP_RETRY_MS = 30_000;

/** Wipes a briefing of `author` (held or not yet), remembering it as recalled. */
export function wipe(
  { db, events }: BriefingContext,
  id: string,
  until: number | null,
  author: string,
): void {
  const held = store.getBriefing(db, id);
  store.wipeBriefing(db, id, until, held?.author ?? author);
  // Only chunks no other briefing of the same author still holds (a resumed send may share them).
  const gone = owners.unheldBlobs(db, held?.payload.attachments.map((a) => a.blobId) ?? []);
  if (gone.length > 0) events.wiped(gone);
}

export function expiryTimer(ctx: BriefingContext) {
  const { db, events, now } = ctx;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** Wipes what has expired and sets the timer for the next. */
  function sweep(): void {
    try {
      const expired = store.expiredBriefings(db, now());
      for (const { id, expiresAt, author } of expired) wipe(ctx, id, expiresAt, author);
      if (expired.length > 0) events.changed();
    } catch (error) {
      // A full disk or a closing vault: a timer must not throw. Tried again in a while, not at
      // once: the same wipe would fail again in a loop.
      console.error('briefings: expired briefings could not be wiped', error);
      if (!stopped) {
        if (timer) clearTimeout(timer);
        timer = setTimeout(sweep, SWEEP_RETRY_MS);
        timer.unref();
      }
      return;
    }
    schedule();
  }

  function schedule(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const next = store.nextExpiry(db);
    timer = null;
    if (next === null) return;
    timer = setTimeout(sweep, Math.min(Math.max(next - now(), 0) + 50, MAX_TIMER_MS));
    timer.unref();
  }

  return {
    sweep,
    schedule,
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
