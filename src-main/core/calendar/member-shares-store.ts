// The events this device shared with a member of another space (vault table calendar_member_shares):
// where each entry is, so that it can be withdrawn by hand or when what it shows is deleted.
import type { Db } from '../vault/migrations';

export interface MemberShare {
  /** The entry's key in the eventShares map of the space it went through. */
  id: string;
  throughSpace: string;
  toDevice: string;
  spaceId: string;
  eventId: string;
  /** The organisation whose document held the event when it was shared; null: the space's. */
  orgId: string | null;
  /** The original slot of the one occurrence shared; null: the whole event. */
  occurrence: string | null;
  madeAt: number;
}

interface Row {
  entry_id: string;
  through_space: string;
  to_device: string;
  space_id: string;
  event_id: string;
  org_id: string | null;
  occurrence: string | null;
  made_at: number;
  stop_wanted: number;
}

const shareOf = (row: Row): MemberShare => ({
  id: row.entry_id,
  throughSpace: row.through_space,
  toDevice: row.to_device,
  spaceId: row.space_id,
  eventId: row.event_id,
  orgId: row.org_id,
  occurrence: row.occurrence,
  madeAt: row.made_at,
});

export function keepMemberShare(db: Db, share: MemberShare): void {
  db.prepare(
    `INSERT INTO calendar_member_shares (entry_id, through_space, to_device, space_id, event_id,
       org_id, occurrence, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entry_id) DO NOTHING`,
  ).run(
    share.id,
    share.throughSpace,
    share.toDevice,
    share.spaceId,
    share.eventId,
    share.orgId,
    share.occurrence,
    share.madeAt,
  );
}

/**
 * The event's member shares not withdrawn yet, newest first, those whose withdrawal was asked but
 * is not written (`stopWanted`) included: the recipient still holds them, and the user must see it.
 */
export function memberSharesOf(
  db: Db,
  spaceId: string,
  eventId: string,
): (MemberShare & { stopWanted: boolean })[] {
  return db
    .prepare<[string, string], Row>(
      `SELECT * FROM calendar_member_shares WHERE space_id = ? AND event_id = ?
       ORDER BY made_at DESC`,
    )
    .all(spaceId, eventId)
    .map((row) => ({ ...shareOf(row), stopWanted: row.stop_wanted !== 0 }));
}

/** The event's member shares not withdrawn (nor waiting to be), newest first. */
export function liveMemberSharesOf(db: Db, spaceId: string, eventId: string): MemberShare[] {
  return db
    .prepare<[string, string], Row>(
      `SELECT * FROM calendar_member_shares WHERE space_id = ? AND event_id = ? AND stop_wanted = 0
       ORDER BY made_at DESC`,
    )
    .all(spaceId, eventId)
    .map(shareOf);
}

/** Every member share not withdrawn, of any event: to notice events deleted elsewhere. */
export function allLiveMemberShares(db: Db): MemberShare[] {
  return db
    .prepare<[], Row>('SELECT * FROM calendar_member_shares WHERE stop_wanted = 0')
    .all()
    .map(shareOf);
}

export function memberShare(db: Db, id: string): MemberShare | null {
  const row = db
    .prepare<[string], Row>('SELECT * FROM calendar_member_shares WHERE entry_id = ?')
    .get(id);
  return row ? shareOf(row) : null;
}

/** Marks the event's member shares (all, or those `which` picks) to be withdrawn. */
export function wantMemberSharesStopped(
  db: Db,
  spaceId: string,
  eventId: string,
  which: (occurrence: string | null) => boolean = () => true,
): void {
  const mark = db.prepare('UPDATE calendar_member_shares SET stop_wanted = 1 WHERE entry_id = ?');
  db.transaction(() => {
    for (const share of liveMemberSharesOf(db, spaceId, eventId)) {
      if (which(share.occurrence)) mark.run(share.id);
    }
  })();
}

export function wantMemberShareStopped(db: Db, id: string): void {
  db.prepare('UPDATE calendar_member_shares SET stop_wanted = 1 WHERE entry_id = ?').run(id);
}

/** Member shares whose withdrawal is still to be written into the space they went through. */
export function memberStopsWanted(db: Db): MemberShare[] {
  return db
    .prepare<[], Row>('SELECT * FROM calendar_member_shares WHERE stop_wanted = 1 ORDER BY made_at')
    .all()
    .map(shareOf);
}

/** Withdrawn: its entry's deletion is in that space's document (and outbox). */
export function forgetMemberShare(db: Db, id: string): void {
  db.prepare('DELETE FROM calendar_member_shares WHERE entry_id = ?').run(id);
}
