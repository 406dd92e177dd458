// The current membership state of each group, replayed from its stored log with the shared rules
// (membership-state.ts) on first use and then kept in a bounded in-memory cache. Callers hold the
// group's lock, so the cached state always matches the stored log.
import { decodeEntry } from '../src-shared/protocol/membership-entry';
import { applyEntry, type GroupState } from '../src-shared/protocol/membership-state';
import { toHex } from '../src-shared/protocol/bytes';
import { nodeProtocolCrypto } from './crypto';
import type { RelayStore } from './store/relay-store';

const REPLAY_PAGE = 1000;

export class GroupDirectory {
  /** Insertion order is recency order: the first key is the least recently used. */
  private readonly cache = new Map<string, GroupState>();

  constructor(
    private readonly store: RelayStore,
    private readonly capacity: number,
  ) {}

  async get(groupId: Uint8Array): Promise<GroupState | null> {
    const key = toHex(groupId);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const state = await this.replay(groupId);
    if (state) this.remember(state);
    return state;
  }

  remember(state: GroupState): void {
    const key = toHex(state.groupId);
    this.cache.delete(key);
    this.cache.set(key, state);
    while (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  forget(groupId: Uint8Array): void {
    this.cache.delete(toHex(groupId));
  }

  private async replay(groupId: Uint8Array): Promise<GroupState | null> {
    let state: GroupState | null = null;
    for (let from = 0; ; from += REPLAY_PAGE) {
      const page = await this.store.groupEntries(groupId, from, REPLAY_PAGE);
      // A stored log that no longer replays is corruption, not a client error: let it throw.
      for (const bytes of page) state = applyEntry(state, decodeEntry(bytes), nodeProtocolCrypto);
      if (page.length < REPLAY_PAGE) return state;
    }
  }
}
