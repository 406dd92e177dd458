// The event links this device made (vault table calendar_links_made): listed per event so that one
// can be stopped, and marked "stop wanted" until the relay confirms, so a stop asked for offline,
// or by deleting the event, still reaches the relay later. Forgotten once stopped or expired.
import type { Db } from '../vault/migrations';

export interface LinkMade {
  id: string;
  /** The relay the share is on: only it can stop it. */
  relayUrl: string;
  spaceId: string;
  eventId: string;
  /** The organisation whose document held the event when the link was made; null: the space's. */
  orgId: string | null;
  /** The one occurrence the link shows; null: the whole event. */
  occurrence: string | null;
  madeAt: number;
  expiresAt: number;
}

interface Row {
  share_id: string;
  relay_url: string;
  space_id: string;
  event_id: string;
  org_id: string | null;
  occurrence: string | null;
  made_at: number;
  expires_at: number;
}

const linkOf = (row: Row): LinkMade => ({
  id: row.share_id,
  relayUrl: row.relay_url,
  spaceId: row.space_id,
  eventId: row.event_id,
  orgId: row.org_id,
  occurrence: row.occurrence,
  madeAt: row.made_at,
  expiresAt: row.expires_at,
});

export function keepLinkMade(db: Db, link: LinkMade): void {
  db.prepare(
    `INSERT INTO calendar_links_made
       (share_id, relay_url, space_id, event_id, org_id, occurrence, made_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (share_id) DO NOTHING`,
  ).run(
    link.id,
    link.relayUrl,
    link.spaceId,
    link.eventId,
    link.orgId,
    link.occurrence,
    link.madeAt,
    link.expiresAt,
  );
}

/** The event's links that still open it (not expired, no stop asked for), newest first. */
export function liveLinksOf(db: Db, spaceId: string, eventId: string, now: number): LinkMade[] {
  return db
    .prepare<[string, string, number], Row>(
      `SELECT * FROM calendar_links_made WHERE space_id = ? AND event_id = ? AND expires_at > ?
         AND stop_wanted = 0 ORDER BY made_at DESC`,
    )
    .all(spaceId, eventId, now)
    .map(linkOf);
}

/** One of my links, if this device made it. */
export function linkMade(db: Db, id: string): LinkMade | null {
  const row = db
    .prepare<[string], Row>('SELECT * FROM calendar_links_made WHERE share_id = ?')
    .get(id);
  return row ? linkOf(row) : null;
}

/**
 * Asks for the event's links to stop: all of them, or those of the occurrences `which` picks (a
 * deleted occurrence, or the ones from a deleted "this and following").
 */
export function wantStopped(
  db: Db,
  spaceId: string,
  eventId: string,
  which: (occurrence: string | null) => boolean = () => true,
): void {
  const mark = db.prepare('UPDATE calendar_links_made SET stop_wanted = 1 WHERE share_id = ?');
  db.transaction(() => {
    for (const link of liveLinksOf(db, spaceId, eventId, 0)) {
      if (which(link.occurrence)) mark.run(link.id);
    }
  })();
}

export function wantStoppedById(db: Db, id: string): void {
  db.prepare('UPDATE calendar_links_made SET stop_wanted = 1 WHERE share_id = ?').run(id);
}

/** Links on `relayUrl` whose stop it has not confirmed yet (and that have not expired). */
export function stopsWanted(db: Db, relayUrl: string, now: number): string[] {
  return db
    .prepare<[string, number], { share_id: string }>(
      `SELECT share_id FROM calendar_links_made
       WHERE relay_url = ? AND stop_wanted = 1 AND expires_at > ? ORDER BY made_at`,
    )
    .all(relayUrl, now)
    .map((row) => row.share_id);
}

/** Every link still opening its event, of any event: to notice events deleted elsewhere. */
export function allLiveLinks(db: Db, now: number): LinkMade[] {
  return db
    .prepare<[number], Row>(
      'SELECT * FROM calendar_links_made WHERE expires_at > ? AND stop_wanted = 0',
    )
    .all(now)
    .map(linkOf);
}

/** Stopped (the relay confirmed) or expired: nothing is left to stop. */
export function forgetLinkMade(db: Db, id: string): void {
  db.prepare('DELETE FROM calendar_links_made WHERE share_id = ?').run(id);
}

export function forgetExpiredLinksMade(db: Db, now: number): void {
  db.prepare('DELETE FROM calendar_links_made WHERE expires_at <= ?').run(now);
}
