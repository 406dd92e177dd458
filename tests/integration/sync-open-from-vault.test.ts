// Opening a document after unlock: the view gets the vault's rows as stored (no Yjs work in main
// before the text is on screen) and main builds its own replica a turn later. An edit typed in the
// very turn the document opened lands on the whole document, in main and in the vault.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unlockVault } from '../../src-main/core/vault/vault';
import {
  aloneInSpace,
  client,
  connected,
  PASSPHRASE,
  runCleanups,
  storedGroup,
  waitFor,
} from '../support/sync-clients';

afterEach(runCleanups);

describe('opening a document from the vault', () => {
  it('hands the stored rows to the view, and an edit of the same turn keeps them all', async () => {
    const { relay, c: alice, docId } = await aloneInSpace('Open me');
    for (const word of ['Campaign ', 'plan ', 'for ', 'March']) {
      alice.doc.getText('t').insert(alice.text().length, word);
      // Separate turns: separate rows in the vault.
      await waitFor('stored', () => alice.engine.state().pending === 0);
    }
    await alice.stop();
    await relay.close();

    // Unlocked again, offline: the document opens from the vault alone.
    const again = await client(relay.url, alice.dir);
    const rows = again.engine.openDocument(docId);
    // The vault's rows as they are (a state and later updates), not one re-encoded state.
    expect(rows.length).toBeGreaterThan(1);
    again.docId = docId;
    for (const row of rows) Y.applyUpdateV2(again.doc, row, 'remote');
    expect(again.text()).toBe('Campaign plan for March');
    // Typed at once, before main's replica is built.
    again.doc.getText('t').insert(0, 'Draft: ');

    const main = () =>
      again.engine.docAccess().ydoc(storedGroup(again, relay.url))?.getText('t').toString();
    await waitFor('main has the edit', () => main() === 'Draft: Campaign plan for March');
    await again.stop();

    const third = await client(relay.url, alice.dir);
    third.open(docId);
    expect(third.text()).toBe('Draft: Campaign plan for March');
  });

  it('a stored row Yjs refuses: a warning and an error on opening, never a crash or a wrong text', async () => {
    const { relay, c: alice, docId } = await aloneInSpace('Damaged');
    alice.doc.getText('t').insert(0, 'kept safe');
    await waitFor('stored', () => alice.engine.state().pending === 0);
    await alice.stop();
    // The vault's last row of the document, damaged (as a Yjs this app cannot read would see it).
    const vault = await unlockVault(alice.dir, PASSPHRASE);
    const damaged = vault.db
      .prepare(
        'UPDATE sync_doc_updates SET update_v2 = ? WHERE id = (SELECT max(id) FROM sync_doc_updates)',
      )
      .run(Uint8Array.from([0, 255, 255, 255, 255, 1, 2, 3]));
    expect(damaged.changes).toBe(1);
    vault.close();

    const again = await client(relay.url, alice.dir);
    // Everything that reads every document still answers (asked before any catch-up could run,
    // so this is what first finds the damage).
    expect(again.engine.myTasks()).toEqual([]);
    await waitFor('connected', connected(again));
    // Opening fails where it is applied (main or the view): an error the user sees, no text.
    const view = new Y.Doc();
    expect(() => {
      for (const row of again.engine.openDocument(docId)) Y.applyUpdateV2(view, row);
    }).toThrow();
    await waitFor('warned', () =>
      (again.last?.warnings ?? []).some((w) => w.reason === 'bad-update'),
    );
  });
});
