// The shared document's update sender: Yjs (V1) updates typed while one is in flight go out merged, in
// order, and a failed update is kept first and sent again with later ones.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CallOutcome } from '../../src-shared/api';
import { fromBase64 } from '../../src-renderer/shared-doc/base64';
import { DocUpdateSender } from '../../src-renderer/shared-doc/update-sender';

const DOC_ID = 'd'.repeat(32);

/** A fake main whose answers the test releases one by one. */
function controlledMain() {
  const sent: Uint8Array[] = [];
  const answers: ((outcome: CallOutcome<null>) => void)[] = [];
  const send = (_docId: string, update: string) => {
    sent.push(fromBase64(update));
    return new Promise<CallOutcome<null>>((resolve) => answers.push(resolve));
  };
  const answer = async (outcome: CallOutcome<null>) => {
    answers.shift()?.(outcome);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { sent, send, answer };
}

/** A document whose local edits go to the sender, as the shared editor wires it. */
function editedDoc(sender: DocUpdateSender) {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => sender.push(update));
  const text = doc.getText('t');
  return (insert: string) => text.insert(text.length, insert);
}

/** The text a fresh document holds after the given updates. */
function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('doc update sender', () => {
  it('sends one update at a time and merges those typed meanwhile into one', async () => {
    const main = controlledMain();
    const sender = new DocUpdateSender(DOC_ID, main.send);
    const type = editedDoc(sender);
    type('a');
    for (const letter of ['b', 'c', 'd']) type(letter);
    expect(main.sent).toHaveLength(1);
    expect(sender.getSnapshot()).toEqual({ kind: 'saving' });
    await main.answer({ ok: true, value: null });
    expect(main.sent).toHaveLength(2);
    expect(textOf(main.sent)).toBe('abcd');
    const flushed = sender.flush();
    await main.answer({ ok: true, value: null });
    expect(await flushed).toBe(true);
    expect(sender.getSnapshot()).toEqual({ kind: 'saved' });
    expect(sender.hasUnsaved()).toBe(false);
  });

  it('keeps a failed update first and sends it again merged with later ones', async () => {
    const main = controlledMain();
    const sender = new DocUpdateSender(DOC_ID, main.send);
    const type = editedDoc(sender);
    type('x');
    type('y');
    await main.answer({ ok: false, error: { code: 'disk-full', message: 'full' } });
    expect(sender.getSnapshot()).toMatchObject({ kind: 'failed', error: { code: 'disk-full' } });
    // The update in flight and the one queued behind it both survive the failure, in order.
    expect(textOf(sender.unconfirmed())).toBe('xy');
    type('z');
    expect(main.sent).toHaveLength(2);
    expect(textOf(main.sent.slice(1))).toBe('xyz');
    const flushed = sender.flush();
    await main.answer({ ok: true, value: null });
    expect(await flushed).toBe(true);
    expect(sender.unconfirmed()).toEqual([]);
  });
});
