// Streams of small real edits as separate Yjs updates: the first transactions of the B4 trace, one
// update each (as a client sends them one message at a time), in V2 and V1.
import * as Y from 'yjs';
import { loadTrace, typeTxn } from '../../tests/support/editing-traces';

export interface EditStream {
  v2: Uint8Array[];
  v1: Uint8Array[];
  text: string;
}

/** `n` updates typing the B4 trace from its start, each on top of `base` (a V2 state or none). */
export function traceUpdates(n: number, base?: Uint8Array, clientID = 424242): EditStream {
  const trace = loadTrace('automerge-paper');
  const doc = new Y.Doc();
  doc.clientID = clientID;
  if (base) Y.applyUpdateV2(doc, base);
  const v2: Uint8Array[] = [];
  doc.on('updateV2', (u: Uint8Array) => v2.push(u));
  const text = doc.getText('t');
  const offset = base ? text.length : 0;
  for (const txn of trace.txns.slice(0, n)) {
    // On top of an existing text the trace types after it.
    doc.transact(() =>
      typeTxn(text, { patches: txn.patches.map(([p, d, i]) => [p + offset, d, i]) }),
    );
  }
  return { v2, v1: v2.map((u) => Y.convertUpdateFormatV2ToV1(u)), text: text.toString() };
}
