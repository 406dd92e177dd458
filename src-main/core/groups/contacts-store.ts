// What this device knows about other devices, outside any one group: the name each last announced
// (from verified, encrypted presence) and the safety numbers the user checked out of band.
import { cleanMemberName } from '../../../src-shared/protocol/member-profile';
import type { Db } from '../vault/migrations';

export interface VerifiedDevice {
  fingerprint: string;
  /** The device's name when it was verified, so a later impersonation by name can be spotted. */
  name: string | null;
}

const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export function loadDeviceNames(db: Db): Map<string, string> {
  const rows = db
    .prepare<[], { device_key: Uint8Array; name: string }>(
      'SELECT device_key, name FROM device_names',
    )
    .all();
  // Cleaned as read too: names kept before they were cleaned on arrival may still hide characters.
  return new Map(rows.map((r) => [hexOf(r.device_key), cleanMemberName(r.name)]));
}

/** Records a name only when it changed: presence repeats every few seconds. */
export function rememberDeviceName(
  db: Db,
  known: Map<string, string>,
  deviceKey: Uint8Array,
  name: string,
  now: number,
): void {
  const hex = hexOf(deviceKey);
  const trimmed = cleanMemberName(name);
  if (!trimmed || known.get(hex) === trimmed) return;
  db.prepare(
    `INSERT INTO device_names (device_key, name, seen_at) VALUES (?, ?, ?)
     ON CONFLICT (device_key) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at`,
  ).run(deviceKey, trimmed, now);
  known.set(hex, trimmed);
}

export function loadVerifiedDevices(db: Db): Map<string, VerifiedDevice> {
  const rows = db
    .prepare<[], { device_key: Uint8Array; fingerprint: string; name: string | null }>(
      'SELECT device_key, fingerprint, name FROM verified_devices',
    )
    .all();
  return new Map(
    rows.map((r) => [
      hexOf(r.device_key),
      { fingerprint: r.fingerprint, name: r.name === null ? null : cleanMemberName(r.name) },
    ]),
  );
}

export function setDeviceVerified(
  db: Db,
  deviceKey: Uint8Array,
  verified: VerifiedDevice | null,
  now: number,
): void {
  if (!verified) {
    db.prepare('DELETE FROM verified_devices WHERE device_key = ?').run(deviceKey);
    return;
  }
  db.prepare(
    `INSERT INTO verified_devices (device_key, fingerprint, name, verified_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (device_key) DO UPDATE SET
       fingerprint = excluded.fingerprint, name = excluded.name, verified_at = excluded.verified_at`,
  ).run(deviceKey, verified.fingerprint, verified.name, now);
}
