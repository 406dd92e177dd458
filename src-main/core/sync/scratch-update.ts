// A change main makes to a shared document, as the Yjs update it amounts to: made on a copy, so the
// synced document only ever holds what went through the outbox (profiles, calendar, organisations).
import * as Y from 'yjs';

export function changeAsUpdate(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const scratch = new Y.Doc();
  Y.applyUpdateV2(scratch, Y.encodeStateAsUpdateV2(doc));
  const before = Y.encodeStateVector(scratch);
  change(scratch);
  const update = Y.encodeStateAsUpdateV2(scratch, before);
  scratch.destroy();
  return update;
}
