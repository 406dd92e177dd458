// Vault migration 13: each attachment blob has one owning briefing, filled in from the briefings a
// vault already held, so a later copy naming a held blob (or one blob twice) is told apart.
import { describe, expect, it } from 'vitest';
import { blobTaken } from '../../src-main/core/briefings/briefing-store';
import { runMigrations, type Db } from '../../src-main/core/vault/migrations';
import { vaultAtVersion } from '../support/vault-at-version';

function heldBriefing(db: Db, id: string, blobIds: string[]): void {
  const payload = { id, attachments: blobIds.map((blobId) => ({ blobId, name: 'f.pdf' })) };
  db.prepare(
    `INSERT INTO briefings (id, space_id, author, mine, created_at, expires_at, title, excerpt,
       attachment_count, payload) VALUES (?, 's', 'a', 0, 1, NULL, 't', '', ?, ?)`,
  ).run(id, blobIds.length, JSON.stringify(payload));
}

describe('briefing blob owners', () => {
  it('are filled in from the briefings held before, and tell a colliding copy apart', () => {
    const db = vaultAtVersion(12);
    heldBriefing(db, 'one', ['b1', 'b2']);
    heldBriefing(db, 'two', []);
    runMigrations(db);
    expect(
      db.prepare('SELECT blob_id, briefing_id FROM briefing_blob_owners ORDER BY 1').all(),
    ).toEqual([
      { blob_id: 'b1', briefing_id: 'one' },
      { blob_id: 'b2', briefing_id: 'one' },
    ]);
    expect(blobTaken(db, 'one', ['b1', 'b2'])).toBe(false);
    expect(blobTaken(db, 'three', ['b3'])).toBe(false);
    expect(blobTaken(db, 'three', ['b3', 'b2'])).toBe(true);
    expect(blobTaken(db, 'three', ['b4', 'b4'])).toBe(true);
    db.close();
  });
});
