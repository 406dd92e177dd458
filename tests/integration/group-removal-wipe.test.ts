// A removal under the wipe policy, as the relay tells it: the space's content and keys are deleted
// with the log that removes this device, in one transaction, so an app stopped while it stores that
// log is still a member on the old one with its content, and the next refresh wipes it.
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex } from '../../src-main/core/crypto/sodium';
import { myDeviceKey, runCleanups, waitFor, type Client } from '../support/sync-clients';
import { heldCount, killLogWrites, wipingSpaceWithMember } from '../support/wiping-space';

afterEach(runCleanups);

const statusOf = (c: Client, spaceId: string) =>
  c.engine.listSpaces().find((s) => s.id === spaceId)?.status;

describe('a removal that wipes', () => {
  it('deletes nothing when the log that removes this device is not stored', async () => {
    const { admin: ana, member: carol, space } = await wipingSpaceWithMember();
    carol.open(space.docId);
    carol.doc.getText('t').insert(0, 'carol was here');
    await waitFor('carol saved', () => carol.engine.state().pending === 0);
    const before = heldCount(carol, space.id);
    expect(before).toBeGreaterThan(1);

    // The app is killed while it stores the longer log: that write never lands.
    const restart = killLogWrites(carol);
    await ana.engine.removeMember(space.id, myDeviceKey(carol));
    await expect(carol.engine.organisations.refreshGroup(fromHex(space.id))).rejects.toThrow(
      'killed',
    );
    expect(statusOf(carol, space.id)).toBe('active');
    expect(heldCount(carol, space.id)).toBe(before);

    restart();
    await carol.engine.organisations.refreshGroup(fromHex(space.id));
    expect(statusOf(carol, space.id)).toBe('removed');
    expect(heldCount(carol, space.id)).toBe(0);
  });
});
