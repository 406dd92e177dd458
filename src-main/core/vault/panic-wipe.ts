// Panic wipe: crypto-shred the vault first (every byte of the key file overwritten with random
// bytes and flushed, so no passphrase can ever unwrap the database key again), then delete the key
// file and both databases (vault and spare or decoy) with their WAL and SHM. What is left is an app
// with no vault, as after a fresh install, also when the wipe is cut short part-way. Limits (SSD
// wear levelling, a copy taken before): docs/threat-model.md.
import fs from 'node:fs';
import path from 'node:path';
import {
  CREATING_FILE_NAME,
  KEY_FILE_NAME,
  KEY_FILE_TEMP_NAME,
  databaseFileSet,
  dbPaths,
  fsyncDirectory,
  overwriteWithNoise,
} from './vault-disk';

/** Overwrites a file in place with random bytes of its own length and flushes it to disk. */
function overwrite(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch {
    return false; // Not there: nothing to shred.
  }
  try {
    overwriteWithNoise(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * The shredded key file goes at once, the creation marker put down first. A wipe cut short after the
 * shred (the app killed, the power cut) would otherwise leave a key file of noise beside the
 * databases until the files are deleted (after the open vault's engine is given a moment to stop):
 * the app would show a locked vault that every passphrase calls damaged, instead of its first screen,
 * and refuse to make a new one. Databases with the marker and no key file are what an unfinished
 * creation leaves, which the app clears away, starting as if there were no vault (vault.ts). The
 * marker is on disk before the key file goes, so no crash leaves the databases without either.
 */
function retireKeyFile(dir: string): void {
  try {
    fs.writeFileSync(path.join(dir, CREATING_FILE_NAME), '', { mode: 0o600 });
    fsyncDirectory(dir);
  } catch {
    // Without it, a wipe cut short shows "key file missing" instead: the key file still goes.
  }
  fs.rmSync(path.join(dir, KEY_FILE_NAME), { force: true });
  fs.rmSync(path.join(dir, KEY_FILE_TEMP_NAME), { force: true });
}

/**
 * The key file is shredded before anything else: once it is, the database is noise. Then it is
 * deleted (retireKeyFile). No marker where there was no key file: a wipe with no vault writes
 * nothing, so the folder does not show that one ran.
 */
export function shredKeyFile(dir: string): void {
  const shredded = overwrite(path.join(dir, KEY_FILE_NAME));
  const shreddedTemp = overwrite(path.join(dir, KEY_FILE_TEMP_NAME));
  if (shredded || shreddedTemp) retireKeyFile(dir);
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
  remove(path.join(dir, KEY_FILE_NAME));
  remove(path.join(dir, KEY_FILE_TEMP_NAME));
  const databasesGone = dbPaths(dir).flatMap(databaseFileSet).map(remove).every(Boolean);
  // Last: until the databases are gone, it is what makes them read as no vault (retireKeyFile).
  if (databasesGone) remove(path.join(dir, CREATING_FILE_NAME));
  if (first !== null) throw first;
}

/**
 * Both steps, for a vault that is not open (the app's --panic-wipe flag, the lock screen). A key file
 * that cannot be overwritten or removed does not stop the rest (as in session.ts); its error follows.
 */
export function panicWipeFiles(dir: string): void {
  try {
    shredKeyFile(dir);
  } finally {
    deleteVaultFiles(dir);
  }
}
