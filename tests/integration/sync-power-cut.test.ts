// A power cut can take the newest rows the sync engine wrote without waiting for their fsync — even
// a local edit already published (the publish does not wait for the local fsync). Simulated by
// putting back a copy of the vault from before the edit: the relay's copy of my own update comes
// back in the catch-up, is accepted as mine, and reaches the open view, with nothing refused.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { client, pairSharing, runCleanups, waitFor, type Client } from '../support/sync-clients';

afterEach(runCleanups);

const appendText = (c: Client, text: string): void => {
  const t = c.doc.getText('t');
  t.insert(t.length, text);
};

describe('a power cut that takes my published edit from this device', () => {
  it('brings it back from the relay into the open view', async () => {
    const { relay, a, b, docId } = await pairSharing();
    appendText(a, 'kept. ');
    await waitFor('B to have the first edit', () => b.text() === 'kept. ');
    await waitFor('A to have it acknowledged', () => a.engine.state().pending === 0);
    await a.stop();
    // The disk as a power cut may leave it: everything written after this point gone.
    const before = mkdtempSync(join(tmpdir(), 'suviaz-before-cut-'));
    cpSync(a.dir, before, { recursive: true });

    const typing = await client(relay.url, a.dir);
    typing.open(docId);
    appendText(typing, 'published, then lost here.');
    await waitFor('B to have the edit', () => b.text() === 'kept. published, then lost here.');
    await waitFor('the edit acknowledged', () => typing.engine.state().pending === 0);
    await typing.stop();
    rmSync(a.dir, { recursive: true, force: true });
    cpSync(before, a.dir, { recursive: true });

    const back = await client(relay.url, a.dir);
    back.open(docId);
    expect(back.text()).toBe('kept. ');
    await waitFor('the view to show the edit again', () => back.text() === b.text());
    expect(back.engine.state().warnings).toEqual([]);
    // It was taken back as my own update: nothing is left to send, and typing goes on from it.
    appendText(back, ' And more.');
    await waitFor('B to have the next edit', () => b.text().endsWith(' And more.'));
    expect(b.text()).toBe('kept. published, then lost here. And more.');
  });
});
