// The calendar's undo: the last moves and resizes, newest first, each with the calls that take it
// back. Bounded, so a long session does not keep every change; an entry is taken off only once its
// undo has been carried out, so a failed undo can be tried again.
import type { UndoStep } from './save-args';

export interface UndoEntry {
  /** What the change was about, for the Undo button's label and the announcement. */
  title: string | null;
  steps: UndoStep[];
}

export const UNDO_LIMIT = 20;

export class UndoStack {
  private entries: UndoEntry[] = [];

  constructor(private readonly limit = UNDO_LIMIT) {}

  push(entry: UndoEntry): void {
    if (entry.steps.length === 0) return;
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  peek(): UndoEntry | null {
    return this.entries.at(-1) ?? null;
  }

  /** Takes off the newest entry once its undo succeeded (only if it is still the newest). */
  done(entry: UndoEntry): void {
    if (this.entries.at(-1) === entry) this.entries.pop();
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}
