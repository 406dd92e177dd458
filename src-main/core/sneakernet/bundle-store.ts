// What sync by file keeps in the vault: per device and space the last bundle counter (mine when I
// export, another device's when I import) and the membership entries still to pass on to my relay.
import type { Db } from '../vault/migrations';

export function lastCounter(db: Db, device: Uint8Array, groupId: Uint8Array): number {
  return (
    db
      .prepare<[Uint8Array, Uint8Array], { counter: number }>(
        'SELECT counter FROM sync_bundle_counters WHERE device = ? AND group_id = ?',
      )
      .get(device, groupId)?.counter ?? 0
  );
}

export function setCounter(db: Db, device: Uint8Array, groupId: Uint8Array, counter: number): void {
  db.prepare(
    `INSERT INTO sync_bundle_counters (device, group_id, counter) VALUES (?, ?, ?)
     ON CONFLICT (device, group_id) DO UPDATE SET counter = excluded.counter`,
  ).run(device, groupId, counter);
}

/** Entries from `from` on of this group are to be sent to the relay at the next chance. */
export function queueForward(db: Db, groupId: Uint8Array, from: number, to: number): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO sync_bundle_forward (group_id, idx) VALUES (?, ?)',
  );
  for (let idx = from; idx < to; idx++) insert.run(groupId, idx);
}

export interface ForwardItem {
  groupId: Uint8Array;
  idx: number;
  /** Null when the group was forgotten since: nothing to send. */
  entry: Uint8Array | null;
}

export function pendingForwards(db: Db): ForwardItem[] {
  return db
    .prepare<[], { group_id: Uint8Array; idx: number; entry: Uint8Array | null }>(
      `SELECT f.group_id, f.idx, e.entry FROM sync_bundle_forward f
       LEFT JOIN sync_group_entries e ON e.group_id = f.group_id AND e.idx = f.idx
       ORDER BY f.group_id, f.idx`,
    )
    .all()
    .map((row) => ({
      groupId: new Uint8Array(row.group_id),
      idx: row.idx,
      entry: row.entry ? new Uint8Array(row.entry) : null,
    }));
}

export function forwardDone(db: Db, groupId: Uint8Array, idx: number): void {
  db.prepare('DELETE FROM sync_bundle_forward WHERE group_id = ? AND idx = ?').run(groupId, idx);
}
