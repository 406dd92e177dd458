// Events shared with this device, kept in the vault read-only until they expire; an expired one
// is deleted with secure_delete, so its text does not linger in the file's free pages.
import type { Db } from '../vault/migrations';
import { ReceivedShare, type SharePayload } from './event-share';

export interface StoredShare {
  id: string;
  payload: SharePayload;
}

export function keepShared(db: Db, id: string, payload: SharePayload): void {
  db.prepare(
    `INSERT INTO calendar_shared (id, received_at, expires_at, payload) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(id, Date.now(), payload.expiresAt, JSON.stringify(payload));
}

export function listShared(db: Db): StoredShare[] {
  return db
    .prepare<[], { id: string; payload: string }>(
      'SELECT id, payload FROM calendar_shared ORDER BY received_at DESC',
    )
    .all()
    .flatMap((row) => {
      const parsed = ReceivedShare.safeParse(JSON.parse(row.payload));
      return parsed.success ? [{ id: row.id, payload: parsed.data }] : [];
    });
}

export function forgetExpired(db: Db, now: number): void {
  db.pragma('secure_delete = ON');
  db.prepare('DELETE FROM calendar_shared WHERE expires_at IS NOT NULL AND expires_at <= ?').run(
    now,
  );
}

/** How often an unlocked vault looks for shared events past their expiry. */
export const SHARED_SWEEP_MS = 60_000;

/**
 * Deletes expired shared events now and every SHARED_SWEEP_MS while the vault is open: one nobody
 * opens "Shared with me" for again must still not outlive its expiry by more than that.
 */
export function sweepExpiredShared(db: Db, now: () => number = Date.now): { stop(): void } {
  const sweep = (): void => {
    try {
      forgetExpired(db, now());
    } catch (error) {
      // A full disk or a closing vault: tried again at the next sweep.
      console.error('calendar: expired shares could not be deleted', error);
    }
  };
  sweep();
  const timer = setInterval(sweep, SHARED_SWEEP_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
