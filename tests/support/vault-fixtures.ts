// The vault on disk as the duress and remnants tests set it up: the same passphrases and real note,
// so a slot or a page one test looks for is the one another test made; and the key file by its parts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { openDecoy, setDuressPassphrase } from '../../src-main/core/vault/duress';
import { HEADER_BYTES, SLOT_BYTES, SLOT_COUNT } from '../../src-main/core/vault/key-file';
import {
  DB_FILE_NAMES,
  KEY_FILE_NAME,
  createVault,
  type OpenVault,
} from '../../src-main/core/vault/vault';

export const REAL = 'harbour lantern quietly 1987 frost';
export const DURESS = 'meadow kettle saffron 2046 lighthouse';
/** A vault folder's files, with or without a duress passphrase: what must not tell them apart. */
export const VAULT_FILES = [...DB_FILE_NAMES, KEY_FILE_NAME].sort();
export const PAGE = 4096;

export interface VaultScratch {
  tempDir: () => string;
  /** For a vault the test closes itself: closed by clear() if the test fails first. */
  keep: (vault: OpenVault) => OpenVault;
  /** Call in afterEach: closes what is still open before its folder is removed. */
  clear: () => void;
}

export function vaultScratch(prefix: string): VaultScratch {
  const dirs: string[] = [];
  const opened: OpenVault[] = [];
  return {
    tempDir() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    keep(vault) {
      opened.push(vault);
      return vault;
    },
    clear() {
      for (const vault of opened.splice(0)) vault.close();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Open, with the note ("Lawyers") whose survival or loss the tests check; `secret` is its body, so a
 * canary scan can look for it on disk.
 */
export async function createRealVault(dir: string, secret = 'real secret'): Promise<OpenVault> {
  const vault = await createVault(dir, REAL, { kdf: KDF_FAST_FOR_TESTS });
  createNotesStore(vault.db).create({ title: 'Lawyers', body: secret });
  return vault;
}

/**
 * A closed real vault with its note and a destroying duress passphrase whose decoy has a note, in a
 * folder of `tempDir`'s; with the real database's file, whose old pages a destroy must not leave.
 */
export async function vaultWithDestroyingDuress(
  tempDir: () => string,
): Promise<{ dir: string; realFile: string }> {
  const dir = tempDir();
  const vault = await createRealVault(dir);
  await setDuressPassphrase(dir, vault, DURESS, true);
  const decoy = await openDecoy(dir, vault, DURESS);
  vault.close();
  createNotesStore(decoy.db).create({ title: 'Shopping', body: 'milk, bread' });
  decoy.close();
  return { dir, realFile: vault.file };
}

/** Pages of `before` still at the same place in `after`: what carving the disk would find again. */
export function pagesKept(before: Buffer, after: Buffer): number {
  let kept = 0;
  for (let at = 0; at + PAGE <= before.length; at += PAGE) {
    if (before.subarray(at, at + PAGE).equals(after.subarray(at, at + PAGE))) kept++;
  }
  return kept;
}

export const titles = (vault: OpenVault): string[] =>
  createNotesStore(vault.db)
    .list({ view: 'active' })
    .map((note) => note.title)
    .sort();

export const keyFileBytes = (dir: string): Buffer => readFileSync(join(dir, KEY_FILE_NAME));

/** Slot `i`: the part a passphrase change or a destroy must replace, the header left alone. */
export const keyFileSlot = (bytes: Uint8Array, i: number): Buffer =>
  Buffer.from(bytes.subarray(HEADER_BYTES + i * SLOT_BYTES, HEADER_BYTES + (i + 1) * SLOT_BYTES));

/** A key file's header and then every slot: the pieces a carving tool could find again. */
export const keyFileParts = (bytes: Uint8Array): Buffer[] => [
  Buffer.from(bytes.subarray(0, HEADER_BYTES)),
  ...Array.from({ length: SLOT_COUNT }, (_, i) => keyFileSlot(bytes, i)),
];
