// Briefings' hook into the engine: told a group's hex when the relay holds new items for this
// device there, and null after every (re)connect.
export function createMailListeners(): {
  tell(groupHex: string | null): void;
  listen(listener: (groupHex: string | null) => void): () => boolean;
} {
  const listeners = new Set<(groupHex: string | null) => void>();
  return {
    tell(groupHex) {
      for (const listener of listeners) listener(groupHex);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
