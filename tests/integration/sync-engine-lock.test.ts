// Locking stops the sync engine: it must close main's documents and leave no epoch key readable in
// the process's memory (someone who forces the laptop open later finds zeros, not keys).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredGroup } from '../../src-main/core/groups/group-store';
import { createSyncEngine } from '../../src-main/core/sync/sync-engine';
import { client, relayOn, runCleanups, waitFor } from '../support/sync-clients';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IGNORED_ENGINE_EVENTS } from '../support/engine-events';

/** Every group the engine loads from the vault, kept so the test can look at its keys afterwards. */
const loaded = vi.hoisted(() => [] as StoredGroup[]);
vi.mock('../../src-main/core/groups/group-store', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-main/core/groups/group-store')>();
  return {
    ...real,
    loadGroups: (...args: Parameters<typeof real.loadGroups>) => {
      const groups = real.loadGroups(...args);
      loaded.push(...groups);
      return groups;
    },
  };
});

afterEach(runCleanups);

describe('locking the sync engine', () => {
  it('zeroes every epoch key it held and closes the documents', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-lock-')));
    const alice = await client(relay.url);
    await waitFor('connected', () => alice.last?.connection === 'connected');
    const space = await alice.engine.createSpace('Locked');
    await alice.engine.stop();

    // Unlocked again: the engine loads the space and its keys from the vault.
    loaded.length = 0;
    const engine = createSyncEngine({
      db: alice.vault.db,
      relayUrl: relay.url,
      on: IGNORED_ENGINE_EVENTS,
    });
    expect(engine.openDocument(space.docId).length).toBeGreaterThan(0);
    const keys = loaded.flatMap((g) => [...g.epochKeys.values()]);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.some((b) => b !== 0))).toBe(true);

    await engine.stop();
    expect(keys.every((k) => k.every((b) => b === 0))).toBe(true);
    expect(() => engine.openDocument(space.docId)).toThrow();
  });
});
