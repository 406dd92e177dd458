// The relay keys this device pinned, one per relay address, in the vault (migration 7). Read at every
// handshake, so a pin set by an invite link or forgotten in Settings applies at the next connection.
import { relayFingerprint } from '../../../src-shared/protocol/relay-fingerprint';
import { SuviazError } from '../errors';
import type { Db } from '../vault/migrations';
import type { RelayPin } from './relay-handshake';

export interface PinnedRelayKey {
  key: Uint8Array;
  pinnedAt: number;
}

export function getRelayPin(db: Db, relayUrl: string): PinnedRelayKey | null {
  const row = db
    .prepare<[string], { relay_key: Buffer; pinned_at: number }>(
      'SELECT relay_key, pinned_at FROM relay_pins WHERE relay_url = ?',
    )
    .get(relayUrl);
  return row ? { key: new Uint8Array(row.relay_key), pinnedAt: row.pinned_at } : null;
}

export function setRelayPin(db: Db, relayUrl: string, key: Uint8Array, now = Date.now()): void {
  db.prepare(
    `INSERT INTO relay_pins (relay_url, relay_key, pinned_at) VALUES (?, ?, ?)
     ON CONFLICT (relay_url) DO UPDATE SET relay_key = excluded.relay_key, pinned_at = excluded.pinned_at`,
  ).run(relayUrl, Buffer.from(key), now);
}

/** A deliberate change of relay key: the next connection pins what it is shown (trust on first use). */
export function forgetRelayPin(db: Db, relayUrl: string): void {
  db.prepare('DELETE FROM relay_pins WHERE relay_url = ?').run(relayUrl);
}

/** The pin as the connection uses it; `onAccepted` hears of a first pin or a followed rotation. */
export function vaultRelayPin(
  db: Db,
  relayUrl: string,
  onAccepted: (how: 'first-use' | 'rotated') => void = () => undefined,
): RelayPin {
  return {
    pinned: () => (db.open ? (getRelayPin(db, relayUrl)?.key ?? null) : null),
    accept(key, how) {
      if (!db.open) return;
      setRelayPin(db, relayUrl, key);
      onAccepted(how);
    },
  };
}

/**
 * A relay key that came with an invite link: refused when this device pinned another key for that
 * relay (someone may have handed out a link to an impostor, or this device is being intercepted);
 * pinned when it has none, so the first connection is checked against the key the inviter saw.
 */
export function adoptLinkRelayKey(db: Db, relayUrl: string, key: Uint8Array | null): void {
  if (!key) return;
  const pinned = getRelayPin(db, relayUrl);
  if (!pinned) return setRelayPin(db, relayUrl, key);
  if (Buffer.compare(Buffer.from(pinned.key), Buffer.from(key)) !== 0) {
    throw new SuviazError(
      'relay-key-mismatch',
      `The invite names the relay ${relayUrl} with the key ${relayFingerprint(key)}, but this ` +
        `device has pinned ${relayFingerprint(pinned.key)} for it. Check with whoever sent the ` +
        'link and with the relay’s operator before changing anything.',
    );
  }
}
