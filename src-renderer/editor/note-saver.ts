// Sends every change of one note to main as it happens without ever losing the tail: at most one
// 'notes.update' is in flight; changes made meanwhile are merged into one pending patch that goes
// out as soon as the previous call returns. There is no timer, so nothing waits to be dropped; a
// failed patch stays pending (newer edits on top) until the next edit, a retry or a flush.
import type { CallOutcome, NoteSummary } from '../../src-shared/api';
import type { NoteDoc } from '../../src-shared/notes/note-content';
import { CoalescingQueue } from '../lib/coalescing-queue';

export interface NotePatch {
  title?: string;
  /** Plain text (one paragraph a line); the editor sends content. A patch carries one or the other. */
  body?: string;
  /** The rich text as the editor's JSON; main computes the plain text for search from it. */
  content?: NoteDoc;
  tags?: string[];
}

/** Later fields win; a later body replaces an earlier content and the other way round. */
export function mergePatches(earlier: NotePatch, later: NotePatch): NotePatch {
  const merged = { ...earlier, ...later };
  if (later.content !== undefined) delete merged.body;
  if (later.body !== undefined) delete merged.content;
  return merged;
}

export type SendUpdate = (id: string, patch: NotePatch) => Promise<CallOutcome<NoteSummary>>;

export class NoteSaver extends CoalescingQueue<NotePatch, NoteSummary> {
  constructor(
    readonly id: string,
    send: SendUpdate,
    onSaved: (summary: NoteSummary, patch: NotePatch) => void,
  ) {
    super({
      // Later fields win; a failed patch gets anything typed since laid on top of it.
      merge: mergePatches,
      send: (patch) => send(id, patch),
      onSent: onSaved,
    });
  }

  /** Queue a change; it goes out now, or right after the update already in flight. */
  change(patch: NotePatch): void {
    this.add({ ...patch });
  }

  /** What was typed but is not confirmed stored yet; laid over a freshly loaded note. */
  unconfirmed(): NotePatch {
    return { ...this.unconfirmedItem() };
  }
}
