// Opening a document after unlock: the view gets the vault's rows as stored (no Yjs work in main
// before the text is on screen) and main builds its own replica a turn later. An edit typed in the
// very turn the document opened lands on the whole document, in main and in the vault.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { client, relayOn, runCleanups, storedGroup, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

describe('opening a document from the vault', () => {
  it('hands the stored rows to the view, and an edit of the same turn keeps them all', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-open-')));
    const alice = await client(relay.url);
    await waitFor('connected', () => alice.last?.connection === 'connected');
    const space = await alice.engine.createSpace('Open me');
    alice.open(space.docId);
    for (const word of ['Campaign ', 'plan ', 'for ', 'March']) {
      alice.doc.getText('t').insert(alice.text().length, word);
      // Separate turns: separate rows in the vault.
      await waitFor('stored', () => alice.engine.state().pending === 0);
    }
    await alice.stop();
    await relay.close();

    // Unlocked again, offline: the document opens from the vault alone.
    const again = await client(relay.url, alice.dir);
    const rows = again.engine.openDocument(space.docId);
    // The vault's rows as they are (a state and later updates), not one re-encoded state.
    expect(rows.length).toBeGreaterThan(1);
    again.docId = space.docId;
    for (const row of rows) Y.applyUpdateV2(again.doc, row, 'remote');
    expect(again.text()).toBe('Campaign plan for March');
    // Typed at once, before main's replica is built.
    again.doc.getText('t').insert(0, 'Draft: ');

    const main = () =>
      again.engine.docAccess().ydoc(storedGroup(again, relay.url))?.getText('t').toString();
    await waitFor('main has the edit', () => main() === 'Draft: Campaign plan for March');
    await again.stop();

    const third = await client(relay.url, alice.dir);
    third.open(space.docId);
    expect(third.text()).toBe('Draft: Campaign plan for March');
  });
});
