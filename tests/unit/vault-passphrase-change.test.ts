// A passphrase change re-keys the database: an old key file copy plus the old passphrase opens nothing,
// and a change killed with SIGKILL after any step leaves a vault that opens with all its notes.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killAtStep } from '../support/kill-at-step';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import {
  HEADER_BYTES,
  KEY_FILE_BYTES,
  SLOT_BYTES,
  SLOT_COUNT,
  decodeKeyFile,
  unlockKeyFile,
} from '../../src-main/core/vault/key-file';
import { CHANGE_STEPS, type ChangeStep } from '../../src-main/core/vault/passphrase-change';
import {
  DB_FILE_NAMES,
  KEY_FILE_NAME,
  changePassphrase,
  createVault,
  unlockVault,
} from '../../src-main/core/vault/vault';
import { openDatabase } from '../../src-main/core/vault/vault-disk';

const OLD = 'harbour lantern quietly 1987 frost';
const NEXT = 'orchard velvet compass 2031 ember';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'suviaz-rekey-'));
  dirs.push(dir);
  return dir;
}

/** A closed vault with enough notes to span many pages; returns the notes by id. */
async function vaultWithNotes(dir: string): Promise<Map<string, string>> {
  const vault = await createVault(dir, OLD, { kdf: KDF_FAST_FOR_TESTS });
  const notes = createNotesStore(vault.db);
  const written = new Map<string, string>();
  for (let i = 0; i < 60; i++) {
    const body = `note ${i} ` + 'слова и words '.repeat(150);
    written.set(notes.create({ title: `n${i}`, body }).id, body);
  }
  vault.close();
  return written;
}

async function expectNotes(dir: string, passphrase: string, written: Map<string, string>) {
  const vault = await unlockVault(dir, passphrase);
  try {
    const notes = createNotesStore(vault.db);
    for (const [id, body] of written) expect(notes.get(id).body).toBe(body);
  } finally {
    vault.close();
  }
}

/** Whether a raw DB key opens either database file (a wrong key changes nothing). */
function keyOpens(dir: string, dbKey: Uint8Array): boolean {
  return DB_FILE_NAMES.some((name) => {
    try {
      openDatabase(path.join(dir, name), dbKey, false).close();
      return true;
    } catch (error) {
      expect(error).toMatchObject({ code: 'database-corrupt' });
      return false;
    }
  });
}

async function keyOf(keyFileBytes: Uint8Array, passphrase: string) {
  return unlockKeyFile(decodeKeyFile(keyFileBytes), passphrase);
}

/** Runs a change in a child process that stops after `step`, then kills it with SIGKILL. */
async function killChangeAfter(dir: string, step: ChangeStep): Promise<void> {
  await killAtStep('tests/support/passphrase-change-child.ts', [dir, OLD, NEXT, step], step);
}

describe('changing the passphrase re-keys the database', () => {
  it('leaves an old key file copy with the old passphrase unable to open anything', async () => {
    const dir = tempDir();
    const written = await vaultWithNotes(dir);
    const oldCopy = readFileSync(path.join(dir, KEY_FILE_NAME));
    const oldKey = (await keyOf(oldCopy, OLD)).dbKey;
    expect(keyOpens(dir, oldKey)).toBe(true);

    const vault = await unlockVault(dir, OLD);
    await changePassphrase(dir, vault, OLD, NEXT);
    vault.close();

    const current = readFileSync(path.join(dir, KEY_FILE_NAME));
    const newSlot = await keyOf(current, NEXT);
    expect(newSlot.previousDbKey).toBeNull();
    expect(Buffer.from(newSlot.dbKey).equals(Buffer.from(oldKey))).toBe(false);
    expect(keyOpens(dir, oldKey)).toBe(false);
    expect(keyOpens(dir, newSlot.dbKey)).toBe(true);
    await expect(unlockVault(dir, OLD)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expectNotes(dir, NEXT, written);

    // The seized-copy case: the old key file put back, unlocked with the old passphrase.
    writeFileSync(path.join(dir, KEY_FILE_NAME), oldCopy);
    await expect(unlockVault(dir, OLD)).rejects.toMatchObject({ code: 'database-corrupt' });
  });

  it('keeps the key file size and header, and changes only the one slot', async () => {
    const dir = tempDir();
    await vaultWithNotes(dir);
    const before = readFileSync(path.join(dir, KEY_FILE_NAME));
    const { index } = await keyOf(before, OLD);
    const vault = await unlockVault(dir, OLD);
    await changePassphrase(dir, vault, OLD, NEXT);
    vault.close();
    const after = readFileSync(path.join(dir, KEY_FILE_NAME));
    expect(after.length).toBe(KEY_FILE_BYTES);
    expect(after.subarray(0, HEADER_BYTES).equals(before.subarray(0, HEADER_BYTES))).toBe(true);
    expect(decodeKeyFile(after).kdf).toEqual(decodeKeyFile(before).kdf);
    for (let i = 0; i < SLOT_COUNT; i++) {
      const at = HEADER_BYTES + i * SLOT_BYTES;
      const same = after.subarray(at, at + SLOT_BYTES).equals(before.subarray(at, at + SLOT_BYTES));
      expect(same).toBe(i !== index);
    }
    expect((await keyOf(after, NEXT)).index).toBe(index);
  });

  describe('killed with SIGKILL after each step', () => {
    it.each(CHANGE_STEPS)('after %s: opens with one passphrase, every note there', async (step) => {
      const dir = tempDir();
      const written = await vaultWithNotes(dir);
      const oldCopy = readFileSync(path.join(dir, KEY_FILE_NAME));
      await killChangeAfter(dir, step);

      if (step === 'derived') {
        // Nothing written yet: the old passphrase still opens, the next one does not.
        await expect(unlockVault(dir, NEXT)).rejects.toMatchObject({ code: 'wrong-passphrase' });
        await expectNotes(dir, OLD, written);
        return;
      }
      await expect(unlockVault(dir, OLD)).rejects.toMatchObject({ code: 'wrong-passphrase' });
      await expectNotes(dir, NEXT, written);
      // That unlock finished the change: final key file, and the old key opens nothing.
      const slot = await keyOf(readFileSync(path.join(dir, KEY_FILE_NAME)), NEXT);
      expect(slot.previousDbKey).toBeNull();
      expect(keyOpens(dir, (await keyOf(oldCopy, OLD)).dbKey)).toBe(false);
      expect(keyOpens(dir, slot.dbKey)).toBe(true);
    });

    it('in the middle of the rekey (commit frame not on disk): the next passphrase opens', async () => {
      const dir = tempDir();
      const written = await vaultWithNotes(dir);
      const oldCopy = readFileSync(path.join(dir, KEY_FILE_NAME));
      await killChangeAfter(dir, 'rekeyed');
      // The rekey is one WAL transaction and suviaz.db is untouched until a checkpoint, so a crash
      // before its commit leaves exactly this: the WAL without its last (commit) frame.
      // The vault is in either file of the pair: the one the killed change left a WAL beside.
      const wal = DB_FILE_NAMES.map((name) => path.join(dir, `${name}-wal`)).find(existsSync) ?? '';
      const pageSize = readFileSync(wal).readUInt32BE(8);
      truncateSync(wal, statSync(wal).size - (24 + pageSize));
      const slot = await keyOf(readFileSync(path.join(dir, KEY_FILE_NAME)), NEXT);
      expect(slot.previousDbKey).not.toBeNull();
      // Proof that this is the uncommitted state: only the old key opens (copies, so the probes
      // cannot checkpoint anything into the original).
      const probe = tempDir();
      cpSync(dir, probe, { recursive: true });
      expect(keyOpens(probe, slot.dbKey)).toBe(false);
      expect(keyOpens(probe, (await keyOf(oldCopy, OLD)).dbKey)).toBe(true);

      await expect(unlockVault(dir, OLD)).rejects.toMatchObject({ code: 'wrong-passphrase' });
      await expectNotes(dir, NEXT, written);
      const final = await keyOf(readFileSync(path.join(dir, KEY_FILE_NAME)), NEXT);
      expect(final.previousDbKey).toBeNull();
      expect(keyOpens(dir, (await keyOf(oldCopy, OLD)).dbKey)).toBe(false);
    });
  });
});
