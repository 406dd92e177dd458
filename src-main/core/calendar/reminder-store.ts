// Reminders are this device's choice alone: kept in the vault, never in a shared document, so
// neither the relay nor the other members learn who wants to be reminded of what.
import type { Db } from '../vault/migrations';

export function getReminder(db: Db, spaceId: string, eventId: string): number | null {
  const row = db
    .prepare<[string, string], { minutes: number }>(
      'SELECT minutes FROM calendar_reminders WHERE space_id = ? AND event_id = ?',
    )
    .get(spaceId, eventId);
  return row?.minutes ?? null;
}

export function setReminder(
  db: Db,
  spaceId: string,
  eventId: string,
  minutes: number | null,
): void {
  if (minutes === null) {
    db.prepare('DELETE FROM calendar_reminders WHERE space_id = ? AND event_id = ?').run(
      spaceId,
      eventId,
    );
    return;
  }
  db.prepare(
    `INSERT INTO calendar_reminders (space_id, event_id, minutes) VALUES (?, ?, ?)
     ON CONFLICT (space_id, event_id) DO UPDATE SET minutes = excluded.minutes`,
  ).run(spaceId, eventId, minutes);
}

export function allReminders(db: Db): { spaceId: string; eventId: string; minutes: number }[] {
  return db
    .prepare<[], { space_id: string; event_id: string; minutes: number }>(
      'SELECT space_id, event_id, minutes FROM calendar_reminders',
    )
    .all()
    .map((r) => ({ spaceId: r.space_id, eventId: r.event_id, minutes: r.minutes }));
}
