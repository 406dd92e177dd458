// The local commit path's publish timing: after a quiet spell an edit is published at once (a
// person typing never waits for the batch window), while edits inside the window after a publish go
// out together when it ends (a burst still becomes few updates); and nothing is acknowledged before
// the fsync that puts it on disk has finished, while the publish does not wait for it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LocalCommits } from '../../src-main/core/sync/doc-local-commits';

const BATCH_MS = 60;

function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdateV2(doc);
}

let published: number;
let stored: Uint8Array[];
let commits: LocalCommits;
/** What the next fsync does; by default it has finished at once. */
let fsync: () => Promise<void>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
  published = 0;
  stored = [];
  fsync = () => Promise.resolve();
  commits = new LocalCommits({
    persist: (merged) => stored.push(merged),
    durable: () => fsync(),
    applied: () => undefined,
    stored: () => undefined,
    batchMs: BATCH_MS,
    onBatchDue: () => published++,
  });
});
afterEach(() => {
  commits.close();
  vi.useRealTimers();
});

/** Adds an edit and lets its commit (next turn) run. */
async function type(text: string): Promise<void> {
  const done = commits.add(edit(text));
  await vi.advanceTimersByTimeAsync(0);
  await done;
}

describe('local commits', () => {
  it('publishes the first edit after a quiet spell at once', async () => {
    await type('a');
    await vi.advanceTimersByTimeAsync(1);
    expect(published).toBe(1);
    // A keystroke 100 ms later (10 keys a second) is past the window: at once again.
    await vi.advanceTimersByTimeAsync(100);
    await type('b');
    await vi.advanceTimersByTimeAsync(1);
    expect(published).toBe(2);
  });

  it('publishes after a quiet spell in the next turn, without waiting for any timer', async () => {
    // Timers stand still from here while event-loop turns go on: a publish that waited for even a
    // 0 ms timeout (at least a millisecond in Node, on every keystroke) would never happen.
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const done = commits.add(edit('a'));
    await new Promise((resolve) => setImmediate(resolve)); // the commit's turn
    await new Promise((resolve) => setImmediate(resolve)); // the publish's turn
    expect(published).toBe(1);
    await done;
  });

  it('publishes nothing once closed, even a publish already due in the next turn', async () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const done = commits.add(edit('a'));
    await new Promise((resolve) => setImmediate(resolve)); // the commit's turn: publish queued
    commits.close();
    await new Promise((resolve) => setImmediate(resolve)); // the turn it would have run in
    await new Promise((resolve) => setImmediate(resolve));
    expect(published).toBe(0);
    await done;
  });

  it('holds edits made inside the window until it ends, then publishes them together', async () => {
    await type('a');
    await vi.advanceTimersByTimeAsync(1);
    expect(published).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    await type('b');
    await vi.advanceTimersByTimeAsync(10);
    await type('c');
    await vi.advanceTimersByTimeAsync(BATCH_MS - 25);
    expect(published).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(published).toBe(2);
    // Every edit was stored before any publish, each turn's edits as one row.
    expect(stored).toHaveLength(3);
  });

  it('acknowledges an edit only once its fsync has finished, but publishes it meanwhile', async () => {
    let finish: () => void = () => undefined;
    fsync = () => new Promise<void>((resolve) => (finish = resolve));
    let acknowledged = false;
    void commits.add(edit('a')).then(() => (acknowledged = true));
    await vi.advanceTimersByTimeAsync(BATCH_MS * 2);
    expect(stored).toHaveLength(1);
    expect(published).toBe(1);
    expect(acknowledged).toBe(false);
    finish();
    await vi.advanceTimersByTimeAsync(1);
    expect(acknowledged).toBe(true);
  });

  it('refuses the edits of a commit whose fsync failed', async () => {
    fsync = () => Promise.reject(new Error('EIO'));
    const outcome = commits.add(edit('a')).then(
      () => 'acknowledged',
      (error: unknown) => String(error),
    );
    await vi.advanceTimersByTimeAsync(BATCH_MS * 2);
    expect(await outcome).toContain('EIO');
  });

  it("answers an edit main's document will not take with an error, throwing nothing", async () => {
    const refusing = new LocalCommits({
      persist: (merged) => stored.push(merged),
      durable: () => fsync(),
      applied: () => {
        throw new Error('Unexpected content type');
      },
      stored: () => undefined,
      batchMs: BATCH_MS,
      onBatchDue: () => published++,
    });
    const done = refusing.add(edit('x'));
    const outcome = done.then(
      () => 'saved',
      (error: unknown) => String(error),
    );
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toContain('Unexpected content type');
    expect(published).toBe(0);
    refusing.close();
  });
});
