// Copy-on-write for the membership state's maps. An entry applied alone copies each map it changes,
// so every earlier state stays as it was; a replay that keeps no earlier state owns the maps it made
// and changes them in place, which makes replaying a log of n entries O(n) instead of O(n²).

/** The maps made by the replay under way, which it alone holds; null outside one. */
let owned: WeakSet<Map<unknown, unknown>> | null = null;

/** `map` itself if the replay under way made it, else a copy (which such a replay then owns). */
export function writable<K, V>(map: Map<K, V>): Map<K, V> {
  if (owned?.has(map as Map<unknown, unknown>)) return map;
  const copy = new Map(map);
  owned?.add(copy as Map<unknown, unknown>);
  return copy;
}

/** `map`, writable as above, without the values `drop` picks. */
export function writableWithout<K, V>(map: Map<K, V>, drop: (value: V) => boolean): Map<K, V> {
  const out = writable(map);
  for (const [key, value] of out) if (drop(value)) out.delete(key);
  return out;
}

/**
 * Runs `work`, whose maps made meanwhile it may change in place: only for work that keeps no state
 * but its last. States given to it are never changed (their maps are copied on first write).
 */
export function owningMaps<T>(work: () => T): T {
  if (owned) return work();
  owned = new WeakSet();
  try {
    return work();
  } finally {
    owned = null;
  }
}

/**
 * Runs `work` as if no replay were under way: for a trial apply whose result is thrown away (is
 * this operation possible now?), which must not change the maps the replay goes on with.
 */
export function trialOnCopies<T>(work: () => T): T {
  const outer = owned;
  owned = null;
  try {
    return work();
  } finally {
    owned = outer;
  }
}
