// The relay's caches keyed by ids any client can make up keep at most their capacity, dropping the
// least recently used: a stranger creating documents without end no longer grows the relay's memory.
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../server/store/bounded-cache';

describe('BoundedCache', () => {
  it('keeps at most its capacity, dropping the entry least recently used', () => {
    const cache = new BoundedCache<number>(3);
    for (let i = 0; i < 1000; i++) cache.set(`doc-${i}`, i);
    expect(cache.size).toBe(3);
    expect(cache.get('doc-0')).toBeUndefined();
    expect(cache.get('doc-999')).toBe(999);

    const lru = new BoundedCache<string>(2);
    lru.set('a', 'A');
    lru.set('b', 'B');
    expect(lru.get('a')).toBe('A'); // read: now the newest
    lru.set('c', 'C');
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    lru.delete('a');
    expect(lru.size).toBe(1);
  });
});
