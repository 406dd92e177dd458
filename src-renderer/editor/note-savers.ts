// One NoteSaver per note for the whole unlocked session, so saves of a note the user has left keep
// going, and locking can wait for all of them.
import { NoteSaver, type NotePatch, type SendUpdate } from './note-saver';
import type { NoteSummary } from '../../src-shared/api';

export class NoteSavers {
  private readonly savers = new Map<string, NoteSaver>();

  constructor(
    private readonly send: SendUpdate,
    private readonly onSaved: (summary: NoteSummary, patch: NotePatch) => void,
  ) {}

  get(id: string): NoteSaver {
    let saver = this.savers.get(id);
    if (!saver) {
      saver = new NoteSaver(id, this.send, this.onSaved);
      this.savers.set(id, saver);
    }
    return saver;
  }

  /** True when every note's changes are stored. */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all([...this.savers.values()].map((saver) => saver.flush()));
    return results.every(Boolean);
  }

  retryFailed(): void {
    for (const saver of this.savers.values()) saver.retry();
  }

  forget(id: string): void {
    const saver = this.savers.get(id);
    if (saver && !saver.hasUnsaved()) this.savers.delete(id);
  }
}
