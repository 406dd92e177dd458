// Child process for the kill -9 test of local edits: unlocks a vault, opens its shared document (its
// relay is gone: the test stopped it), and types a token per event-loop turn for ever, printing "acked <token>" once
// the engine has acknowledged it (stored, as the renderer would be told), until it is killed.
import * as Y from 'yjs';
import { sodiumReady } from '../../src-main/core/crypto/sodium';
import { createSyncEngine } from '../../src-main/core/sync/sync-engine';
import { unlockVault } from '../../src-main/core/vault/vault';
import { IGNORED_ENGINE_EVENTS } from './engine-events';

const [dir, passphrase, relayUrl, docId] = process.argv.slice(2);
if (!dir || !passphrase || !relayUrl || !docId)
  throw new Error('usage: dir passphrase relay docId');

await sodiumReady();
const vault = await unlockVault(dir, passphrase);
const engine = createSyncEngine({
  db: vault.db,
  // The space's relay, stopped: every edit stays in the outbox.
  relayUrl,
  on: IGNORED_ENGINE_EVENTS,
});
const doc = new Y.Doc();
for (const row of engine.openDocument(docId)) Y.applyUpdateV2(doc, row, 'remote');
const text = doc.getText('t');
for (let n = 0; ; n++) {
  const token = `<${n}>`;
  const before = Y.encodeStateVector(doc);
  text.insert(text.length, token);
  void engine.applyLocalUpdate(docId, Y.encodeStateAsUpdateV2(doc, before)).then(
    () => process.stdout.write(`acked ${token}\n`),
    (error: unknown) => process.stdout.write(`refused ${token} ${String(error)}\n`),
  );
  await new Promise((resolve) => setImmediate(resolve));
}
