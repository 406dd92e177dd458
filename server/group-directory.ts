// The current membership state of each group, replayed from its stored log with the shared rules
// (membership-state.ts) on first use and then kept in a bounded in-memory cache. Callers hold the
// group's lock, so in one process the cached state always matches the stored log; where other relay
// processes share the store (store.shared), each use first reads the entries they appended since.
import { decodeEntry } from '../src-shared/protocol/membership-entry';
import { applyEntries, type GroupState } from '../src-shared/protocol/membership-state';
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
    if (cached && !this.store.shared) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    // One indexed read that is empty unless another process appended: then only the new entries.
    const state = await this.replay(groupId, cached ?? null);
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

  /** `from` with the stored entries after it applied (the whole log from null). */
  private async replay(groupId: Uint8Array, from: GroupState | null): Promise<GroupState | null> {
    let state = from;
    for (;;) {
      const page = await this.store.groupEntries(groupId, state?.length ?? 0, REPLAY_PAGE);
      // A stored log that no longer replays is corruption, not a client error: let it throw.
      state = applyEntries(state, page.map(decodeEntry), nodeProtocolCrypto);
      if (page.length < REPLAY_PAGE) return state;
    }
  }
}
