// A remote update the vault could not store (a full disk) is never counted as stored: an ACK of my
// own edit arriving meanwhile must not save the verifier state past it, or after a restart the
// catch-up would start beyond it and this device would never have it.
import { afterEach, describe, expect, it } from 'vitest';
import { client, pairSharing, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

describe('a remote update the vault could not store', () => {
  it('is fetched again after a restart, although an ACK of a local edit came meanwhile', async () => {
    const { relay, a: alice, b: bob, docId } = await pairSharing();
    const marker = 'rows-that-did-not-fit-on-the-disk';
    // Bob's vault refuses to store any update holding the marker, as a full disk would (SQLite
    // reports SQLITE_FULL the same way); a temporary trigger is gone once the vault closes.
    bob.vault.db.exec(`
      CREATE TEMP TRIGGER disk_full BEFORE INSERT ON main.sync_doc_updates
      WHEN instr(NEW.update_v2, X'${Buffer.from(marker).toString('hex')}') > 0
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
    `);
    alice.doc.getText('t').insert(0, marker);
    await waitFor('Bob could not store it', () =>
      bob.engine.state().warnings.some((w) => w.reason === 'store-failed'),
    );
    // Bob's own edit is stored, published and acknowledged while Alice's is still not stored.
    bob.doc.getText('t').insert(0, 'bob ');
    await waitFor('Bob has nothing left to send', () => bob.engine.state().pending === 0);
    await waitFor('Alice has Bob edit', () => alice.text().startsWith('bob '));

    await bob.stop();
    const again = await client(relay.url, bob.dir);
    again.open(docId);
    await waitFor('Bob has Alice edit after the restart', () => again.text().includes(marker));
    expect(again.text()).toBe(`bob ${marker}`);
  });
});
