// The real vault's record of its duress passphrase, and how a change to it that a crash cut short is
// finished at the next unlock. Setting or removing writes the key file and this record, two files
// that no single write covers, so the record is written first as pending, then the key file, then
// the record again as done. Reasoning: docs/vault-format.md, "Setting, replacing, removing".
import { z } from 'zod';
import { sha256, toHex } from '../crypto/sodium';
import { SLOT_COUNT, clearSlot, encodeKeyFile, type KeyFile } from './key-file';
import type { Db } from './migrations';
import { readKeyFile, writeKeyFileAtomically } from './vault-disk';

/**
 * A row of the real vault's settings table (outside the Settings shape, so settings.get never shows
 * it). Only a vault that has set a duress passphrase has one; the decoy never does.
 */
const RECORD_NAME = 'duress';
const Slot = z
  .number()
  .int()
  .min(0)
  .max(SLOT_COUNT - 1);
const Pending = z.discriminatedUnion('op', [
  /** `slotHash`: SHA-256 of the slot bytes the key file is about to get (random nonce included). */
  z.object({ op: z.literal('set'), slotHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ op: z.literal('remove') }),
]);
const StoredRecord = z.object({
  slot: Slot,
  destroysVault: z.boolean(),
  /** Present from before the key file write until after it; absent in a record older than this. */
  pending: Pending.optional(),
});
export type StoredDuressRecord = z.infer<typeof StoredRecord>;
export type PendingDuressChange = z.infer<typeof Pending>;
export interface DuressRecord {
  slot: number;
  destroysVault: boolean;
}

/** The row as stored, pending or not; null if there is none (or it cannot be read). */
export function readStoredRecord(db: Db): StoredDuressRecord | null {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?')
    .get(RECORD_NAME);
  if (!row) return null;
  try {
    const parsed = StoredRecord.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The duress passphrase as the user should see it: only a completed change counts. A pending one
 * exists only until the next unlock (or a failed call's own clean-up), and until then is shown as
 * not set: the call that wrote it failed or never answered, so "set" could name a passphrase that
 * opens nothing, which is worse for someone who might rely on it than a working one shown unset.
 */
export function readDuressRecord(db: Db): DuressRecord | null {
  const stored = readStoredRecord(db);
  if (!stored || stored.pending) return null;
  return { slot: stored.slot, destroysVault: stored.destroysVault };
}

/** One statement, so one SQLite transaction: the old row or the new one, never a mix. */
export function writeStoredRecord(db: Db, record: StoredDuressRecord | null): void {
  if (record) {
    db.prepare(
      'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ).run(RECORD_NAME, JSON.stringify(record));
  } else {
    db.prepare('DELETE FROM settings WHERE name = ?').run(RECORD_NAME);
  }
}

/**
 * Set when an unlock undid a set that a crash cut short, so Settings can say why no duress
 * passphrase is set (the user saw no answer, and may believe it is); cleared by the next set or
 * removal, or by Settings' Dismiss (duress.dismissUnfinished). A settings row of the real vault only.
 */
const UNFINISHED_NAME = 'duress-unfinished';

export function unfinishedSet(db: Db): boolean {
  return (
    db
      .prepare<[string], { one: number }>('SELECT 1 AS one FROM settings WHERE name = ?')
      .get(UNFINISHED_NAME) !== undefined
  );
}

export function markUnfinishedSet(db: Db, unfinished: boolean): void {
  if (unfinished) {
    db.prepare('INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)').run(
      UNFINISHED_NAME,
      'true',
    );
  } else {
    db.prepare('DELETE FROM settings WHERE name = ?').run(UNFINISHED_NAME);
  }
}

/** What a pending set compares: which slot bytes it was about to write. */
export function slotHash(keyFile: KeyFile, slot: number): string {
  const bytes = keyFile.slots[slot];
  if (!bytes) throw new Error('bad slot');
  return toHex(sha256(bytes));
}

/**
 * Finishes a set or removal that a crash (or a failed write) cut short, from the open vault whose
 * own slot is `ownSlot`. The key file cannot say whether a slot is filler without its passphrase,
 * so a pending set names the exact bytes it was writing:
 *
 * - those bytes are in the slot: the key file write happened, the decoy was built before it, and
 *   the duress passphrase works as the user asked. It is completed, not undone: a duress passphrase
 *   the user believes set but that opens nothing (or no longer destroys) fails them exactly when
 *   they are forced to unlock, while one that works and that they might believe unset harms no one
 *   (they will not type it unforced) and Settings shows it set.
 * - they are not: the key file was not written. Its slot is made filler all the same, because it
 *   may hold the previous duress passphrase, whose decoy the set may already have rebuilt (typed,
 *   it would then open nothing, or destroy this vault and show an error). The record goes; Settings
 *   shows no duress passphrase, and the user sets it again.
 *
 * A pending removal is finished: the slot becomes filler, the record goes (dropDuress).
 */
export function reconcileDuress(dir: string, db: Db, ownSlot: number): void {
  const record = readStoredRecord(db);
  if (!record?.pending) return;
  const { slot, destroysVault, pending } = record;
  if (
    pending.op === 'set' &&
    slot !== ownSlot &&
    slotHash(readKeyFile(dir), slot) === pending.slotHash
  ) {
    writeStoredRecord(db, { slot, destroysVault });
    return;
  }
  // Marked before the drop: a crash in between repeats the drop at the next unlock, with the mark.
  if (pending.op === 'set') markUnfinishedSet(db, true);
  dropDuress(dir, db, slot, ownSlot);
}

/**
 * Makes `slot` filler, then deletes the record: in this order, so that a crash in between leaves the
 * pending record to repeat it, never a live slot that no record names. Never the vault's own slot.
 */
export function dropDuress(dir: string, db: Db, slot: number, ownSlot: number): void {
  if (slot !== ownSlot) {
    writeKeyFileAtomically(dir, encodeKeyFile(clearSlot(readKeyFile(dir), slot)), false);
  }
  writeStoredRecord(db, null);
}
