// A space under the wipe policy, as the removal tests share it: a removed device must keep its copy
// until the log that removes it is stored, and hold nothing of the space after.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHex } from '../../src-main/core/crypto/sodium';
import { addAndAccept, client, connected, relayOn, waitFor, type Client } from './sync-clients';

/** No approvals asked, so one admin's removal takes effect (and wipes) at once. */
export const createWipingSpace = (owner: Client) =>
  owner.engine.createSpace('Short-lived', {
    twoAdminApproval: false,
    joinApproval: false,
    wipeOnRemoval: true,
  });

/** A relay of its own, so the test may stop it, and `member` in `admin`'s wiping space as an editor. */
export async function wipingSpaceWithMember() {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
  const [admin, member] = [await client(relay.url), await client(relay.url)] as [Client, Client];
  for (const c of [admin, member]) await waitFor('connection', connected(c));
  const space = await createWipingSpace(admin);
  await addAndAccept(admin, member, space.id, 'editor');
  return { relay, admin, member, space };
}

/** What the device's vault still holds of the space: read from the tables, not from the engine. */
export function heldOf(c: Client, spaceId: string): { keys: number; docs: number } {
  const id = fromHex(spaceId);
  const held = c.vault.db
    .prepare<[Uint8Array, Uint8Array], { keys: number; docs: number }>(
      `SELECT (SELECT count(*) FROM sync_epoch_keys WHERE group_id = ?) AS keys,
              (SELECT count(*) FROM sync_docs WHERE group_id = ?) AS docs`,
    )
    .get(id, id);
  if (!held) throw new Error('no counts');
  return held;
}

/** Keys and documents together, for a test that asks only whether anything is left. */
export function heldCount(c: Client, spaceId: string): number {
  const { keys, docs } = heldOf(c, spaceId);
  return keys + docs;
}

/**
 * Fails the device's next stores of membership entries with "killed", as an app killed while it
 * writes leaves them: nothing of that write lands. Returns the undo, for the app started again.
 */
export function killLogWrites(c: Client): () => void {
  c.vault.db.exec(
    `CREATE TEMP TRIGGER killed BEFORE INSERT ON main.sync_group_entries
     BEGIN SELECT RAISE(ABORT, 'killed'); END`,
  );
  return () => {
    c.vault.db.exec('DROP TRIGGER killed');
  };
}
