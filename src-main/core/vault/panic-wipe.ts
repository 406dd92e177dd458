// Panic wipe: crypto-shred the vault first (every byte of the key file overwritten with random
// bytes and flushed, so no passphrase can ever unwrap the database key again), then delete the key
// file and both databases (vault and spare or decoy) with their WAL and SHM. What is left is an app with no vault, as after a
// fresh install. Limits (SSD wear levelling, a copy taken before): docs/threat-model.md.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  CREATING_FILE_NAME,
  KEY_FILE_NAME,
  KEY_FILE_TEMP_NAME,
  databaseFileSet,
  dbPaths,
} from './vault-disk';

/** Overwrites a file in place with random bytes of its own length and flushes it to disk. */
function overwrite(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch {
    return; // Not there: nothing to shred.
  }
  try {
    const size = fs.fstatSync(fd).size;
    const noise = randomBytes(size);
    let written = 0;
    while (written < size) written += fs.writeSync(fd, noise, written, size - written, written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The key file is shredded before anything else: once it is, the database is noise. */
export function shredKeyFile(dir: string): void {
  overwrite(path.join(dir, KEY_FILE_NAME));
  overwrite(path.join(dir, KEY_FILE_TEMP_NAME));
}

/** Deletes every file of the vault (after shredKeyFile). Safe to call when there is none. */
export function deleteVaultFiles(dir: string): void {
  for (const file of dbPaths(dir).flatMap(databaseFileSet)) fs.rmSync(file, { force: true });
  fs.rmSync(path.join(dir, KEY_FILE_NAME), { force: true });
  fs.rmSync(path.join(dir, KEY_FILE_TEMP_NAME), { force: true });
  fs.rmSync(path.join(dir, CREATING_FILE_NAME), { force: true });
}

/** Both steps, for a vault that is not open (the app's --panic-wipe flag, the lock screen). */
export function panicWipeFiles(dir: string): void {
  shredKeyFile(dir);
  deleteVaultFiles(dir);
}
