// Vault migration 13: each attachment blob's holding briefings and their author, filled in from the
// briefings a vault already held, so a copy naming another author's blob (or one blob twice) is told
// apart, and a blob's chunks go only with the last briefing holding it.
import { describe, expect, it } from 'vitest';
import { blobTaken, claimBlobs, unheldBlobs } from '../../src-main/core/briefings/blob-owners';
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
      db.prepare('SELECT blob_id, briefing_id, author FROM briefing_blob_owners ORDER BY 1').all(),
    ).toEqual([
      { blob_id: 'b1', briefing_id: 'one', author: 'a' },
      { blob_id: 'b2', briefing_id: 'one', author: 'a' },
    ]);
    // The same author may name its own blob again (a send resumed after an edit); no one else.
    expect(blobTaken(db, 'a', ['b1', 'b2'])).toBe(false);
    expect(blobTaken(db, 'z', ['b3'])).toBe(false);
    expect(blobTaken(db, 'z', ['b3', 'b2'])).toBe(true);
    expect(blobTaken(db, 'a', ['b4', 'b4'])).toBe(true);
    claimBlobs(db, 'again', 'a', ['b1']);
    expect(unheldBlobs(db, ['b1', 'b3'])).toEqual(['b3']);
    db.close();
  });
});
