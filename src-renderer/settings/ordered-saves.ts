// Settings stores, one at a time and in order, so an older value can never land after a newer one;
// only the latest store's result is reported (an older answer would show a stale state).
export class OrderedSaves {
  private chain: Promise<void> = Promise.resolve();
  private latest = 0;

  /** Runs 'save' after every earlier one; hands its result on if nothing was queued since. */
  run<Result>(save: () => Promise<Result>, onLatest: (result: Result) => void): void {
    const seq = ++this.latest;
    this.chain = this.chain.then(async () => {
      const result = await save();
      if (seq === this.latest) onLatest(result);
    });
  }
}
