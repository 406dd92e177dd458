// A removal under the wipe policy, as the relay tells it: the space's content and keys are deleted
// with the log that removes this device, in one transaction, so an app stopped while it stores that
// log is still a member on the old one with its content, and the next refresh wipes it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex } from '../../src-main/core/crypto/sodium';
import {
  addAndAccept,
  client,
  connected,
  myDeviceKey,
  relayOn,
  runCleanups,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

/** How many of the space's documents and epoch keys the device's vault holds. */
function held(c: Client, spaceId: string): number | undefined {
  const id = fromHex(spaceId);
  return c.vault.db
    .prepare<[Uint8Array, Uint8Array], { n: number }>(
      `SELECT (SELECT count(*) FROM sync_docs WHERE group_id = ?)
            + (SELECT count(*) FROM sync_epoch_keys WHERE group_id = ?) AS n`,
    )
    .get(id, id)?.n;
}

const statusOf = (c: Client, spaceId: string) =>
  c.engine.listSpaces().find((s) => s.id === spaceId)?.status;

describe('a removal that wipes', () => {
  it('deletes nothing when the log that removes this device is not stored', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const [ana, carol] = [await client(relay.url), await client(relay.url)] as [Client, Client];
    for (const c of [ana, carol]) await waitFor('connection', connected(c));
    const space = await ana.engine.createSpace('Short-lived', {
      twoAdminApproval: false,
      joinApproval: false,
      wipeOnRemoval: true,
    });
    await addAndAccept(ana, carol, space.id, 'editor');
    carol.open(space.docId);
    carol.doc.getText('t').insert(0, 'carol was here');
    await waitFor('carol saved', () => carol.engine.state().pending === 0);
    const before = held(carol, space.id) ?? 0;
    expect(before).toBeGreaterThan(1);

    // The app is killed while it stores the longer log: that write never lands.
    carol.vault.db.exec(
      `CREATE TEMP TRIGGER killed BEFORE INSERT ON main.sync_group_entries
       BEGIN SELECT RAISE(ABORT, 'killed'); END`,
    );
    await ana.engine.removeMember(space.id, myDeviceKey(carol));
    await expect(carol.engine.organisations.refreshGroup(fromHex(space.id))).rejects.toThrow(
      'killed',
    );
    expect(statusOf(carol, space.id)).toBe('active');
    expect(held(carol, space.id)).toBe(before);

    carol.vault.db.exec('DROP TRIGGER killed');
    await carol.engine.organisations.refreshGroup(fromHex(space.id));
    expect(statusOf(carol, space.id)).toBe('removed');
    expect(held(carol, space.id)).toBe(0);
  });
});
