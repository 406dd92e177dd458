// Runs async work one at a time per key (a group), so that validation against stored state and the
// commit that follows it are never interleaved with another change to the same group.
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      // Forget idle keys so the map does not grow with every group ever touched.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Resolves when all work queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}
