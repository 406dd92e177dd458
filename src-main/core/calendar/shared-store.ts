// Events shared with this device, kept in the vault read-only until they expire or their sharer
// withdraws them; then deleted with secure_delete, so their text does not linger in free pages.
import type { Db } from '../vault/migrations';
import { ReceivedShare, type SharePayload } from './event-share';

export interface StoredShare {
  id: string;
  payload: SharePayload;
}

/** `viaSpace`: the space whose document the share was sealed in (null: opened from a link). */
export function keepShared(
  db: Db,
  id: string,
  payload: SharePayload,
  viaSpace: string | null = null,
): void {
  db.prepare(
    `INSERT INTO calendar_shared (id, received_at, expires_at, payload, via_space)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(id, Date.now(), payload.expiresAt, JSON.stringify(payload), viaSpace);
}

/** The shares that came sealed through a space's document, with that space. */
export function sharedVia(db: Db): { id: string; viaSpace: string }[] {
  return db
    .prepare<[], { id: string; viaSpace: string }>(
      'SELECT id, via_space AS viaSpace FROM calendar_shared WHERE via_space IS NOT NULL',
    )
    .all();
}

/**
 * Its sharer withdrew it: deleted so that its text does not linger in free pages either, and its id
 * kept so that the same entry written back is not kept again.
 */
export function forgetWithdrawnShare(db: Db, id: string): void {
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    db.prepare('DELETE FROM calendar_shared WHERE id = ?').run(id);
    db.prepare('INSERT OR IGNORE INTO calendar_shared_withdrawn (id) VALUES (?)').run(id);
  })();
}

/** Ids of shares kept here or withdrawn since: neither is opened or kept again. */
export function settledShareIds(db: Db): Set<string> {
  const rows = db
    .prepare<[], { id: string }>(
      'SELECT id FROM calendar_shared UNION SELECT id FROM calendar_shared_withdrawn',
    )
    .all();
  return new Set(rows.map((row) => row.id));
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
