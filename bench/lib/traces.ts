// The editing traces of ../shared/bench-data (Joseph Gentle's editing-traces, CC BY 4.0; see
// docs/performance.md): loading, taking a prefix, the text a prefix should produce, and typing a
// transaction into a Y.Text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

export type Patch = [pos: number, deleted: number, inserted: string];
export interface Txn {
  patches: Patch[];
  agent?: number;
  parents?: number[];
}
export interface Trace {
  name: string;
  startContent: string;
  endContent: string;
  txns: Txn[];
}

export const BENCH_DATA = path.resolve('..', 'shared', 'bench-data');

export function loadTrace(name: string): Trace {
  const raw = gunzipSync(readFileSync(path.join(BENCH_DATA, `${name}.json.gz`))).toString();
  const parsed = JSON.parse(raw) as Omit<Trace, 'name'>;
  return { name, ...parsed };
}

/** The first `edits` transactions, with the text they produce as endContent. */
export function prefix(trace: Trace, edits: number): Trace {
  if (edits >= trace.txns.length) return trace;
  const txns = trace.txns.slice(0, edits);
  // Applied to an array of code points: the traces count positions in code points.
  let text = [...trace.startContent];
  for (const txn of txns) {
    for (const [pos, del, ins] of txn.patches) text.splice(pos, del, ...ins);
    if (text.length > 1e7) text = [...text];
  }
  return { ...trace, txns, endContent: text.join('') };
}

/** Applies one transaction's patches; the traces used here have no code point outside the BMP. */
export function typeTxn(text: Y.Text, txn: Txn): void {
  for (const [pos, del, ins] of txn.patches) {
    if (del > 0) text.delete(pos, del);
    if (ins) text.insert(pos, ins);
  }
}

export function editCount(trace: Trace): number {
  return trace.txns.reduce((n, t) => n + t.patches.length, 0);
}

/** A Y.Doc holding the trace's final text (typed edit by edit, as a real history). */
export function replayIntoDoc(trace: Trace): Y.Doc {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  for (const txn of trace.txns) doc.transact(() => typeTxn(text, txn));
  if (text.toString() !== trace.endContent) throw new Error(`${trace.name}: replay mismatch`);
  return doc;
}
