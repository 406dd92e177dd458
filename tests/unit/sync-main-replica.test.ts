// Main's replica of a shared document is built from the vault's rows on first use: a view opening
// the document gets the rows as they are, main builds its own copy a turn later, and a row Yjs
// refuses never leaves a half-built document behind nor throws out of the event loop.
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MainReplica } from '../../src-main/core/sync/doc-main-replica';

/** A document's stored rows: its state, then two later updates. */
function storedRows(): { rows: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const rows: Uint8Array[] = [];
  doc.on('updateV2', (update: Uint8Array) => rows.push(update));
  doc.getText('t').insert(0, 'campaign plan');
  doc.getText('t').insert(0, 'draft: ');
  doc.getText('t').insert(20, ' for March');
  return { rows, text: doc.getText('t').toString() };
}

describe('main replica', () => {
  it('hands out the rows unbuilt, and builds them once on first use', () => {
    const { rows, text } = storedRows();
    const replica = new MainReplica(rows, () => undefined);
    expect(replica.pendingRows()).toEqual(rows);
    const built: string[] = [];
    replica.whenBuilt((doc) => built.push(doc.getText('t').toString()));
    expect(built).toEqual([]);

    const doc = replica.get();
    expect(doc.getText('t').toString()).toBe(text);
    // Told once, with the whole document, before anyone else could change it.
    expect(built).toEqual([text]);
    expect(replica.pendingRows()).toBeNull();
    expect(replica.get()).toBe(doc);
    replica.whenBuilt((d) => built.push(`again: ${d.getText('t').length}`));
    expect(built).toEqual([text, `again: ${text.length}`]);
  });

  it('builds in a later turn when asked to, not in this one', async () => {
    const { rows, text } = storedRows();
    const replica = new MainReplica(rows, () => undefined);
    const built: string[] = [];
    replica.whenBuilt((doc) => built.push(doc.getText('t').toString()));
    replica.buildSoon();
    expect(built).toEqual([]);
    await nextTurn();
    expect(built).toEqual([text]);
  });

  it('a row Yjs refuses: get throws every time, and a background build only reports it', async () => {
    const { rows } = storedRows();
    const corrupt = [...rows.slice(0, 1), Uint8Array.from([0, 255, 255, 255, 255, 1, 2, 3])];
    const failures: unknown[] = [];
    const replica = new MainReplica(corrupt, (error) => failures.push(error));
    replica.buildSoon();
    await nextTurn();
    expect(failures).toHaveLength(1);
    expect(() => replica.get()).toThrow();
    expect(replica.ready()).toBe(false);
    // Heard of once, however often it is asked for since.
    expect(failures).toHaveLength(1);
    // Its rows are not offered to a view either: the open fails the way a build does.
    expect(replica.pendingRows()).toBeNull();
  });

  it('a replica destroyed before its build never builds, and is not handed out', async () => {
    const { rows } = storedRows();
    const replica = new MainReplica(rows, () => undefined);
    const built: string[] = [];
    replica.whenBuilt(() => built.push('built'));
    replica.buildSoon();
    replica.destroy();
    await nextTurn();
    expect(built).toEqual([]);
    // Nor is an empty document handed out in its place.
    expect(() => replica.get()).toThrow(/closed/);
  });
});
