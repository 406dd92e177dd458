// Large edits and a relay frame of 1 MiB: edits pasted offline go out in batches that each fit a
// frame; an edit no frame can hold is cut into pieces that can, unless it is one value no cut can
// split (kept and said, without cutting off the other documents); a document grown past a frame
// goes on without new snapshots, and says so.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { outboxCount } from '../../src-main/core/sync/outbox';
import {
  client,
  connected,
  relayOn,
  runCleanups,
  sharedSpace,
  waitFor,
} from '../support/sync-clients';

afterEach(runCleanups);

const KB = 1024;

describe('large edits', () => {
  it('pasted offline, each fitting a frame but not together, all reach the others', async () => {
    const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
    const relay = await relayOn(relayDir);
    const alice = await client(relay.url);
    const bob = await client(relay.url);
    await sharedSpace([alice, bob]);
    const port = relay.port;

    await relay.close();
    await waitFor('Alice is offline', () => !connected(alice)());
    const text = alice.doc.getText('t');
    // Two pastes of 600 kB, each its own outbox row: merged they would be 1.2 MB.
    text.insert(0, 'a'.repeat(600 * KB));
    await waitFor('the first is stored', () => outboxCount(alice.vault.db) === 1);
    text.insert(text.length, 'b'.repeat(600 * KB));
    await waitFor('the second is stored', () => outboxCount(alice.vault.db) === 2);

    await relayOn(relayDir, port);
    await waitFor('Bob has both', () => bob.text().length === 1200 * KB);
    expect(bob.text()).toBe(text.toString());
    await waitFor('Alice has nothing left', () => alice.engine.state().pending === 0);
  });

  it('one too large for any frame is cut into pieces that reach the others, edits after it too', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const alice = await client(relay.url);
    const bob = await client(relay.url);
    await sharedSpace([alice, bob]);

    // One edit of 1.2 MB (a long paste, or a whole imported bundle), then a few words typed after.
    const text = alice.doc.getText('t');
    text.insert(0, 'x'.repeat(1200 * KB));
    text.insert(600 * KB, ' typed after ');
    await waitFor('Bob has both', () => bob.text() === text.toString());
    await waitFor('Alice has nothing left', () => alice.engine.state().pending === 0);
    expect(alice.engine.state().warnings.map((w) => w.reason)).not.toContain('update-too-large');
  });

  it('one value no cut can split is kept and said, and other documents still sync', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    const alice = await client(relay.url);
    const bob = await client(relay.url);
    const first = await sharedSpace([alice, bob]);

    // One value of 1.2 MB: a single Yjs item, which no cut can split.
    alice.doc.getMap('m').set('image', 'x'.repeat(1200 * KB));
    await waitFor('Alice is told', () =>
      alice.engine.state().warnings.some((w) => w.reason === 'update-too-large'),
    );
    expect(alice.engine.state().pending).toBe(1);
    expect(connected(alice)()).toBe(true);

    // A second space syncs meanwhile: the connection was not cut. (Its edit comes from a document
    // of its own: Alice's test document holds the first space's unsent value.)
    const second = await sharedSpace([alice, bob]);
    expect(second).not.toBe(first);
    const other = new Y.Doc();
    other.on('updateV2', (update: Uint8Array) => {
      void alice.engine.applyLocalUpdate(second, update);
    });
    other.getText('t').insert(0, 'still here');
    await waitFor('Bob has the second space’s edit', () => bob.text() === 'still here');
    expect(connected(alice)()).toBe(true);
  });

  it('grown past one frame, goes on without a new snapshot, and says so', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
    // A compaction after every third update: at the third it fits a frame, at the sixth not.
    const alice = await client(relay.url, undefined, { snapshotEvery: 3 });
    const bob = await client(relay.url);
    await sharedSpace([alice, bob]);
    const text = alice.doc.getText('t');
    for (let i = 0; i < 7; i++) {
      text.insert(text.length, String(i).repeat(300 * KB));
      await waitFor('sent', () => alice.engine.state().pending === 0);
    }
    await waitFor('Alice is told', () =>
      alice.engine.state().warnings.some((w) => w.reason === 'snapshot-too-large'),
    );
    await waitFor('Bob has it all', () => bob.text().length === 2100 * KB);
    expect(bob.text()).toBe(text.toString());
  });
});
