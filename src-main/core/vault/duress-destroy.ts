// The destroying duress unlock: before the decoy opens, every other key slot becomes fresh filler (the
// real vault's key is gone: crypto-shredded) and the other database file is rebuilt as a new spare.
// Afterwards the folder is that of an ordinary vault whose passphrase is the duress passphrase. The
// replaced key file's bytes and the real database's pages are overwritten on the way (writeKeyFile-
// Atomically, buildDatabase), not just freed: a carving tool could otherwise find the real slot in
// free space and, with the real passphrase, the pages its key opens.
import fs from 'node:fs';
import { buildSpare } from './database-pair';
import { clearSlot, encodeKeyFile, wrapSlot, type KeyFile, type OpenedSlot } from './key-file';
import {
  databaseFileSet,
  keyPath,
  otherDbPath,
  shredInPlace,
  writeKeyFileAtomically,
} from './vault-disk';

/** Same size, same place: needs no free space, for when the atomic write cannot get any. */
function overwriteInPlace(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, 'r+');
  try {
    let written = 0;
    while (written < bytes.length) {
      written += fs.writeSync(fd, bytes, written, bytes.length - written, written);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Where a crash test stops a destroying unlock: after the first key write, after the other file. */
export type DestroyStep = 'slots-cleared' | 'other-replaced';
export interface DestroyHooks {
  afterStep?: (step: DestroyStep) => void;
}

/** The key file written whole; on a full disk, the same bytes over the old ones in place. */
function writeKeyFile(dir: string, file: KeyFile): void {
  const bytes = encodeKeyFile(file);
  try {
    writeKeyFileAtomically(dir, bytes, false);
  } catch {
    // A full disk must not spare the real vault.
    overwriteInPlace(keyPath(dir), bytes);
  }
}

/** The other database file rebuilt as a spare, or, without room for one, overwritten and deleted. */
function replaceOtherFile(other: string): void {
  try {
    buildSpare(other);
  } catch {
    // Its key is gone already; without room for a spare the file goes, and the next unlock adds one.
    // Overwritten first, in case buildDatabase failed before it could (in place, this needs no free
    // space on most file systems).
    for (const name of databaseFileSet(other)) {
      try {
        shredInPlace(name);
      } catch {
        // Deleting it matters more than its old pages in free space.
      }
      fs.rmSync(name, { force: true });
    }
  }
}

/**
 * Shreds every slot but the opened one, then replaces the other database file by a spare, and only
 * then rewraps the opened slot without its destroy marker (a fresh nonce, nothing left that says it
 * was a duress slot). In that order so that an unlock cut short (the app killed during the rebuild,
 * which takes longest) leaves the marker: the next unlock with this passphrase does it all again,
 * instead of opening as an ordinary vault beside the real database's pages. `ownFile` is the decoy's
 * database file, or null if the key opened neither (then the other file is unknown and both stay;
 * the real one is unreadable all the same).
 */
export function destroyOtherVault(
  dir: string,
  keyFile: KeyFile,
  opened: OpenedSlot,
  slotKey: Uint8Array,
  ownFile: string | null,
  hooks: DestroyHooks = {},
): void {
  let cleared = keyFile;
  for (let index = 0; index < keyFile.slots.length; index++) {
    if (index !== opened.index) cleared = clearSlot(cleared, index);
  }
  writeKeyFile(dir, cleared);
  hooks.afterStep?.('slots-cleared');
  if (ownFile) replaceOtherFile(otherDbPath(ownFile));
  hooks.afterStep?.('other-replaced');
  writeKeyFile(dir, wrapSlot(cleared, opened.index, slotKey, opened.dbKey));
}
