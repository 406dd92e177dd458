// A map that keeps at most `capacity` entries, dropping the least recently used: the SQLite store's
// caches of document positions and group usage are keyed by ids any authenticated client can make
// up, so unbounded they would let one grow the relay's memory without end. A dropped entry is read
// from SQLite again when next needed.
/**
 * Documents whose position the SQLite store keeps in memory (~1 KiB each): enough for every document
 * a busy relay publishes to within a minute, far below what an attacker's made-up ids would take.
 */
export const CACHED_DOCUMENTS = 20_000;
/** Groups whose usage it keeps (a few dozen bytes each). */
export const CACHED_GROUPS = 20_000;

export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Moved to the newest end: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
