// Keys of a space this device forgot (or that was wiped) do not stay readable in memory until the
// vault locks: they are zeroed when the space goes.
import { describe, expect, it, afterEach } from 'vitest';
import { documentKeys } from '../../src-main/core/sync/open-documents';
import type { StoredGroup } from '../../src-main/core/groups/group-store';
import { pairSharing, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

const nonZero = (key: Uint8Array): boolean => key.some((byte) => byte !== 0);

describe('the keys of a space that goes', () => {
  it('are zeroed in memory when this device leaves and forgets it', async () => {
    const { b: bob } = await pairSharing();
    const space = bob.engine.listSpaces()[0];
    if (!space) throw new Error('no space');
    const group = bob.engine.docAccess().group(space.id);
    const keys = [...(group?.epochKeys.values() ?? [])];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every(nonZero)).toBe(true);

    await bob.engine.leave(space.id);
    await waitFor('the space is left', () =>
      bob.engine.listSpaces().some((s) => s.id === space.id && s.status !== 'active'),
    );
    bob.engine.forget(space.id);
    expect(keys.some(nonZero)).toBe(false);
  });

  it('derived for documents are zeroed for that space only', () => {
    const keyFor = documentKeys();
    const group = (id: number): StoredGroup =>
      ({
        groupId: new Uint8Array(16).fill(id),
        docId: new Uint8Array(16).fill(id + 100),
        epochKeys: new Map([[0, new Uint8Array(32).fill(id)]]),
      }) as unknown as StoredGroup; // only the fields documentKeys reads
    const [gone, kept] = [group(1), group(2)];
    const goneKey = keyFor(gone, 0);
    const keptKey = keyFor(kept, 0);
    if (!goneKey || !keptKey) throw new Error('no keys derived');
    expect(nonZero(goneKey) && nonZero(keptKey)).toBe(true);
    keyFor.forget(gone.groupId);
    expect(nonZero(goneKey)).toBe(false);
    expect(nonZero(keptKey)).toBe(true);
    // Asked again (it would not be, for a space that went), it is derived afresh.
    expect(keyFor(gone, 0)).not.toBe(goneKey);
    expect(keyFor(kept, 0)).toBe(keptKey);
  });
});
