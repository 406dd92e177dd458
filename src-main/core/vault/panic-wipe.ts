// Panic wipe: crypto-shred the vault first (every byte of the key file overwritten with random
// bytes and flushed, so no passphrase can ever unwrap the database key again), then delete the key
// file and both databases (vault and spare or decoy) with their WAL and SHM. A marker put down first
// makes a wipe cut short part-way finish at the next start (finishCutShortWipe). Limits (SSD wear
// levelling, a copy taken before): docs/threat-model.md.
import fs from 'node:fs';
import path from 'node:path';
import {
  CREATING_FILE_NAME,
  KEY_FILE_NAME,
  KEY_FILE_TEMP_NAME,
  WIPING_FILE_NAME,
  databaseFileSet,
  dbPaths,
  fsyncDirectory,
  shredInPlace,
} from './vault-disk';

/** The points a crash test stops a wipe at: after the marker is on disk, after the key file's shred. */
export type WipeStep = 'marked' | 'shredded';
export interface WipeHooks {
  afterStep?: (step: WipeStep) => void;
}

/**
 * The marker goes down, durably, before the key file is touched: from then on, whatever stops the
 * wipe, the next start finishes it. Without the marker a wipe stopped after the shred left a key
 * file of noise beside the databases: a locked vault every passphrase calls damaged, which the app
 * would not replace. A wipe with no vault writes nothing, so the folder does not show that one ran.
 */
export function shredKeyFile(dir: string, hooks: WipeHooks = {}): void {
  const keyFiles = [KEY_FILE_NAME, KEY_FILE_TEMP_NAME].map((name) => path.join(dir, name));
  if (!keyFiles.some((file) => fs.existsSync(file))) return;
  try {
    fs.writeFileSync(path.join(dir, WIPING_FILE_NAME), '', { mode: 0o600 });
    fsyncDirectory(dir);
  } catch {
    // A disk too full or failing for an empty file: the shred matters more than finishing later.
  }
  hooks.afterStep?.('marked');
  let failed: unknown = null;
  for (const file of keyFiles) {
    try {
      shredInPlace(file);
    } catch (error) {
      failed ??= error;
    }
  }
  hooks.afterStep?.('shredded');
  for (const file of keyFiles) fs.rmSync(file, { force: true });
  if (failed !== null) throw failed;
}

/** Deletes every file of the vault (after shredKeyFile). Safe to call when there is none. */
export function deleteVaultFiles(dir: string): void {
  // Each tried whatever the others do: a key file another program holds open (Windows) must not
  // keep the databases.
  let first: unknown = null;
  const remove = (file: string): boolean => {
    try {
      fs.rmSync(file, { force: true });
      return true;
    } catch (error) {
      first ??= error;
      return false;
    }
  };
  const keysGone = [KEY_FILE_NAME, KEY_FILE_TEMP_NAME]
    .map((name) => remove(path.join(dir, name)))
    .every(Boolean);
  const databasesGone = dbPaths(dir).flatMap(databaseFileSet).map(remove).every(Boolean);
  remove(path.join(dir, CREATING_FILE_NAME));
  // Last, and only once nothing is left: until then, it is what makes the next start finish the wipe.
  if (keysGone && databasesGone) remove(path.join(dir, WIPING_FILE_NAME));
  if (first !== null) throw first;
}

/**
 * Both steps, for a vault that is not open (the app's --panic-wipe flag, the lock screen). A key file
 * that cannot be overwritten or removed does not stop the rest (as in session.ts); its error follows.
 */
export function panicWipeFiles(dir: string, hooks: WipeHooks = {}): void {
  try {
    shredKeyFile(dir, hooks);
  } finally {
    deleteVaultFiles(dir);
  }
}

/**
 * A wipe the last run did not finish is finished now, before the app reads the folder: the key file
 * shredded if it is still there, then every file deleted. A failure leaves the marker, and the next
 * start tries again; what is left is then read as it is. True when no marker is left.
 */
export function finishCutShortWipe(dir: string): boolean {
  const marker = path.join(dir, WIPING_FILE_NAME);
  if (!fs.existsSync(marker)) return true;
  try {
    panicWipeFiles(dir);
  } catch {
    // Tried again at the next start (the marker stays until every file is gone).
  }
  return !fs.existsSync(marker);
}
