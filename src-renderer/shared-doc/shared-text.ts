// Binds a plain <textarea> to the Y.Text 'content' of a renderer-side Y.Doc replica. Local input
// becomes the minimal Y.Text change (origin 'local'), whose update goes to the document's sender;
// remote updates (origin 'remote') rewrite the textarea while the caret and selection stay on the
// same characters (held as Yjs relative positions across the change). While an input method is
// composing, remote updates wait so the composition is not torn apart.
import * as Y from 'yjs';
import { fromBase64, toBase64 } from './base64';
import type { CursorValue } from './presence-reporter';
import { diffText } from './text-diff';
import type { DocUpdateSender } from './update-sender';

/** One local change may insert at most this many characters, so its update fits one API call. */
export const MAX_INSERT_CHARS = 200_000;

export type InputResult = 'applied' | 'too-large';

export class SharedText {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('content');
  private textarea: HTMLTextAreaElement | null = null;
  private composing = false;
  private waitingRemote: Uint8Array[] = [];
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly sender: DocUpdateSender) {
    // V1: the cheapest to encode per transaction (main converts each call to V2).
    this.doc.on('update', this.onUpdate);
  }

  /** Applies the state 'docs.open' returned and the local updates main has not stored yet. */
  load(state: readonly Uint8Array[]): void {
    // One transaction, however many rows the vault held: one change for the editor.
    this.applyKeepingSelection(() =>
      Y.transact(
        this.doc,
        () => {
          for (const update of state) Y.applyUpdateV2(this.doc, update, 'remote');
          // Already on their way to main: applied as 'remote' so they are not sent twice.
          for (const update of this.sender.unconfirmed()) {
            Y.applyUpdate(this.doc, update, 'remote');
          }
        },
        'remote',
        // Not this user's change, as applyUpdate marks it.
        false,
      ),
    );
  }

  attach(textarea: HTMLTextAreaElement | null): void {
    this.textarea = textarea;
    if (textarea) textarea.value = this.text.toString();
  }

  applyRemote(update: Uint8Array): void {
    if (this.composing) {
      this.waitingRemote.push(update);
      return;
    }
    this.applyKeepingSelection(() => Y.applyUpdateV2(this.doc, update, 'remote'));
  }

  /** The textarea's input event: turns what changed into one Y.Text change. */
  input(): InputResult {
    const textarea = this.textarea;
    if (!textarea) return 'applied';
    const before = this.text.toString();
    const change = diffText(before, textarea.value, textarea.selectionEnd);
    if (change.insert.length > MAX_INSERT_CHARS) {
      // Put back what the document holds; nothing of the refused change is kept half-way.
      textarea.value = before;
      textarea.setSelectionRange(change.index, change.index);
      return 'too-large';
    }
    if (change.deleteCount === 0 && change.insert === '') return 'applied';
    this.doc.transact(() => {
      if (change.deleteCount > 0) this.text.delete(change.index, change.deleteCount);
      if (change.insert) this.text.insert(change.index, change.insert);
    }, 'local');
    return 'applied';
  }

  compositionStart(): void {
    this.composing = true;
  }

  compositionEnd(): void {
    this.composing = false;
    // The final composed text arrives as an input event; make sure it is in before remote changes.
    this.input();
    const waiting = this.waitingRemote;
    this.waitingRemote = [];
    if (waiting.length > 0) {
      this.applyKeepingSelection(() => {
        for (const update of waiting) Y.applyUpdateV2(this.doc, update, 'remote');
      });
    }
  }

  /** This device's caret and selection as relative positions, or null without a textarea. */
  cursor(): CursorValue | null {
    const textarea = this.textarea;
    if (!textarea) return null;
    const { selectionStart, selectionEnd, selectionDirection } = textarea;
    const backward = selectionDirection === 'backward';
    return {
      anchor: this.encodePosition(backward ? selectionEnd : selectionStart),
      head: this.encodePosition(backward ? selectionStart : selectionEnd),
    };
  }

  /** The 1-based line another person's caret (head) is on, or null if it cannot be placed. */
  lineOf(cursor: CursorValue | null): number | null {
    if (!cursor) return null;
    try {
      const relative = Y.decodeRelativePosition(fromBase64(cursor.head));
      const absolute = Y.createAbsolutePositionFromRelativePosition(relative, this.doc);
      if (!absolute || absolute.type !== this.text) return null;
      const before = this.text.toString().slice(0, absolute.index);
      let line = 1;
      for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
      return line;
    } catch {
      // A malformed position from a peer is simply not shown.
      return null;
    }
  }

  /** Changes whenever the document does; for re-rendering what depends on the text. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.doc.destroy();
    this.textarea = null;
    this.listeners.clear();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === 'local') this.sender.push(update);
    this.version++;
    for (const listener of this.listeners) listener();
  };

  private encodePosition(index: number): string {
    const position = Y.createRelativePositionFromTypeIndex(this.text, index);
    return toBase64(Y.encodeRelativePosition(position));
  }

  private applyKeepingSelection(apply: () => void): void {
    const textarea = this.textarea;
    if (!textarea) {
      apply();
      return;
    }
    const { selectionStart, selectionEnd, selectionDirection, scrollTop } = textarea;
    const start = Y.createRelativePositionFromTypeIndex(this.text, selectionStart);
    const end = Y.createRelativePositionFromTypeIndex(this.text, selectionEnd);
    apply();
    const value = this.text.toString();
    if (textarea.value === value) return;
    textarea.value = value;
    const place = (position: Y.RelativePosition, fallback: number) =>
      Math.min(
        Y.createAbsolutePositionFromRelativePosition(position, this.doc)?.index ?? fallback,
        value.length,
      );
    const newStart = place(start, selectionStart);
    const newEnd = Math.max(newStart, place(end, selectionEnd));
    textarea.setSelectionRange(newStart, newEnd, selectionDirection ?? 'none');
    textarea.scrollTop = scrollTop;
  }
}
