// One DocUpdateSender per shared document for the whole unlocked session, so updates of a document
// the user has left keep going out (and locking can wait for them), and 'docs.close' goes to main
// only after the last update of a document is stored and nobody has opened it again meanwhile.
import { DocUpdateSender, type SendDocUpdate } from './update-sender';

export class SharedDocs {
  private readonly senders = new Map<string, DocUpdateSender>();
  private readonly openCounts = new Map<string, number>();

  constructor(
    private readonly send: SendDocUpdate,
    private readonly close: (docId: string) => void,
  ) {}

  sender(docId: string): DocUpdateSender {
    let sender = this.senders.get(docId);
    if (!sender) {
      sender = new DocUpdateSender(docId, this.send);
      this.senders.set(docId, sender);
    }
    return sender;
  }

  /** A view opened the document; pair with release(). */
  acquire(docId: string): DocUpdateSender {
    this.openCounts.set(docId, (this.openCounts.get(docId) ?? 0) + 1);
    return this.sender(docId);
  }

  release(docId: string): void {
    const count = (this.openCounts.get(docId) ?? 1) - 1;
    if (count > 0) {
      this.openCounts.set(docId, count);
      return;
    }
    this.openCounts.delete(docId);
    void this.sender(docId)
      .flush()
      .then(() => {
        if (this.openCounts.has(docId)) return;
        this.close(docId);
      });
  }

  /** True when every local edit of every shared document is stored by main. */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all([...this.senders.values()].map((sender) => sender.flush()));
    return results.every(Boolean);
  }

  retryFailed(): void {
    for (const sender of this.senders.values()) sender.retry();
  }
}
