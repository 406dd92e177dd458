// The editor's save queue: nothing typed is lost, however fast the typing or flaky the answer.
import { describe, expect, it } from 'vitest';
import type { CallOutcome, NoteSummary } from '../../src-shared/api';
import { NoteSaver, type NotePatch } from '../../src-renderer/editor/note-saver';

const ID = 'a'.repeat(32);

function summary(): NoteSummary {
  return { id: ID, title: '', excerpt: '', tags: [], createdAt: 0, updatedAt: 0, trashedAt: null };
}

/** A fake main whose answers the test releases one by one. */
function controlledMain() {
  const sent: NotePatch[] = [];
  const answers: ((outcome: CallOutcome<NoteSummary>) => void)[] = [];
  const send = (_id: string, patch: NotePatch) => {
    sent.push(patch);
    return new Promise<CallOutcome<NoteSummary>>((resolve) => answers.push(resolve));
  };
  const answer = async (outcome: CallOutcome<NoteSummary>) => {
    answers.shift()?.(outcome);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { sent, send, answer };
}

describe('note saver', () => {
  it('keeps one save in flight and sends the latest text right after it', async () => {
    const main = controlledMain();
    const saver = new NoteSaver(ID, main.send, () => undefined);
    saver.change({ body: 'h' });
    for (const body of ['he', 'hel', 'hell', 'hello']) saver.change({ body });
    saver.change({ title: 'Greeting' });
    expect(main.sent).toEqual([{ body: 'h' }]);
    expect(saver.getSnapshot()).toEqual({ kind: 'saving' });
    await main.answer({ ok: true, value: summary() });
    expect(main.sent).toEqual([{ body: 'h' }, { body: 'hello', title: 'Greeting' }]);
    const flushed = saver.flush();
    await main.answer({ ok: true, value: summary() });
    expect(await flushed).toBe(true);
    expect(saver.getSnapshot()).toEqual({ kind: 'saved' });
  });

  it('keeps failed text and sends it again with later edits on top', async () => {
    const main = controlledMain();
    const saver = new NoteSaver(ID, main.send, () => undefined);
    saver.change({ title: 'Plan', body: 'first' });
    saver.change({ body: 'first and second' });
    await main.answer({ ok: false, error: { code: 'disk-full', message: 'full' } });
    expect(saver.getSnapshot()).toMatchObject({ kind: 'failed', error: { code: 'disk-full' } });
    // The in-flight title and the queued body both survive the failure.
    expect(saver.unconfirmed()).toEqual({ title: 'Plan', body: 'first and second' });
    const flushed = saver.flush();
    expect(main.sent.at(-1)).toEqual({ title: 'Plan', body: 'first and second' });
    await main.answer({ ok: true, value: summary() });
    expect(await flushed).toBe(true);
    expect(saver.hasUnsaved()).toBe(false);
  });
});
