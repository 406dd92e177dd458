// A purged or edited note's words must not stay in the search index's stored pages, where whoever
// later obtains the vault's key would read them (docs/vault-format.md, "secure_delete").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { createNotesStore, type NotesStore } from '../../src-main/core/notes/notes-store';
import { runMigrations } from '../../src-main/core/vault/migrations';
import { createVault, type OpenVault } from '../../src-main/core/vault/vault';
import { vaultAtVersion } from '../support/vault-at-version';

const CANARY = 'zzkovalenkozz';
const ADDRESS = 'ulitsasafehousezz';
let dir: string;
let vault: OpenVault;
let notes: NotesStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suviaz-notes-'));
  vault = await createVault(dir, 'harbour lantern quietly 1987 frost', { kdf: KDF_FAST_FOR_TESTS });
  notes = createNotesStore(vault.db);
});

afterEach(() => {
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether any stored page of the notes' index still holds the word, as bytes. */
function indexHolds(db: OpenVault['db'], word: string): boolean {
  const blocks = db
    .prepare<[], { block: Uint8Array | null }>('SELECT block FROM notes_fts_data')
    .all();
  return blocks.some(({ block }) => block !== null && Buffer.from(block).includes(word));
}

describe('the notes’ search index', () => {
  it('keeps no word of a purged note in its pages', () => {
    // Words of other notes around it, so that the purged one's share a segment with them.
    for (let i = 0; i < 20; i++) notes.create({ title: `Minutes ${i}`, body: `agenda item ${i}` });
    const note = notes.create({ title: 'Contacts', body: `meet ${CANARY} at ${ADDRESS}` });
    expect(indexHolds(vault.db, CANARY)).toBe(true);
    notes.trash(note.id);
    notes.purge(note.id);
    expect(indexHolds(vault.db, CANARY)).toBe(false);
    expect(indexHolds(vault.db, ADDRESS)).toBe(false);
    expect(notes.search('agenda').length).toBe(20);
  });

  it('keeps no word an edit took out', () => {
    const note = notes.create({ title: 'Contacts', body: `meet ${CANARY} at noon` });
    notes.update({ id: note.id, body: 'meet at noon' });
    expect(indexHolds(vault.db, CANARY)).toBe(false);
    expect(notes.search('noon').length).toBe(1);
  });

  it('loses what a vault made before this held of notes purged then', () => {
    const db = vaultAtVersion(15);
    const before = createNotesStore(db);
    const note = before.create({ title: 'Contacts', body: `meet ${CANARY}` });
    before.create({ title: 'Kept', body: 'still here' });
    before.trash(note.id);
    before.purge(note.id);
    expect(indexHolds(db, CANARY)).toBe(true);
    runMigrations(db);
    expect(indexHolds(db, CANARY)).toBe(false);
    expect(createNotesStore(db).search('still').length).toBe(1);
    db.close();
  });
});
