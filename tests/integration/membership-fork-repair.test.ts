// A relay that shows two refreshes two histories of a space must not leave this device with a
// stored log that no longer replays: such a vault would refuse every unlock. A commit keeps the
// stored history and warns; a log stored that way before is cut back when the vault opens.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitGroup, type MembershipEnv } from '../../src-main/core/sync/membership-store';
import type { StoredGroup } from '../../src-main/core/groups/group-store';
import { toHex } from '../../src-shared/protocol/bytes';
import {
  PASSPHRASE,
  client,
  relayOn,
  runCleanups,
  sharedSpace,
  storedGroup,
  waitFor,
} from '../support/sync-clients';
import { unlockVault } from '../../src-main/core/vault/vault';

afterEach(runCleanups);

describe('a membership log shown in two versions', () => {
  it('is cut back to what replays when the vault opens, and the space syncs on', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const alice = await client(relay.url);
    const bob = await client(relay.url);
    const docId = await sharedSpace([alice, bob]);
    const group = storedGroup(alice, relay.url);
    const length = group.entries.length;
    await alice.stop();

    // What an earlier version stored after two refreshes were shown two forks: an entry that
    // does not follow the one before it.
    const vault = await unlockVault(alice.dir, PASSPHRASE);
    vault.db
      .prepare('INSERT INTO sync_group_entries (group_id, idx, entry) VALUES (?, ?, ?)')
      .run(group.groupId, length, group.entries[1]);
    vault.close();

    const again = await client(relay.url, alice.dir);
    await waitFor('the space is there', () =>
      again.engine.listSpaces().some((s) => s.id === toHex(group.groupId)),
    );
    expect(again.engine.state().warnings.map((w) => w.reason)).toContain('group-forked-log');
    expect(storedGroup(again, relay.url).entries).toHaveLength(length);
    again.open(docId);
    again.doc.getText('t').insert(0, 'after the repair');
    await waitFor('Bob has it', () => bob.text() === 'after the repair');
  });

  it('keeps the stored history when a refresh brings another, and warns', () => {
    const warned: string[] = [];
    const groupId = new Uint8Array(16).fill(7);
    const group = (entries: number[]): StoredGroup =>
      ({
        groupId,
        entries: entries.map((e) => new Uint8Array([e])),
        epochKeys: new Map(),
        wiped: false,
      }) as unknown as StoredGroup;
    const stored = group([1, 2, 3]);
    // Only what commitGroup touches before it would store anything (a fork is refused first).
    const env = {
      groups: new Map([[toHex(groupId), stored]]),
      warn: (reason: string) => warned.push(reason),
    } as unknown as MembershipEnv;
    expect(commitGroup(env, group([1, 2, 4, 5]), stored)).toBe(stored);
    expect(warned).toEqual(['group-forked-log']);
  });
});
