// The editing traces of ../shared/bench-data (Joseph Gentle's editing-traces, CC BY 4.0; see
// docs/performance.md), for tests and benchmarks: loading, taking a prefix, the text a prefix should
// produce, typing a transaction into a Y.Text, and replaying a two-author trace.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * `../shared/bench-data` beside the checkout (as CI lays it out), wherever the process was started
 * from; SUVIAZ_BENCH_DATA names another folder holding the same files.
 */
export const BENCH_DATA =
  process.env.SUVIAZ_BENCH_DATA ??
  fileURLToPath(new URL('../../../shared/bench-data/', import.meta.url));

export function loadTrace(name: string): Trace {
  const file = path.join(BENCH_DATA, `${name}.json.gz`);
  if (!existsSync(file)) {
    throw new Error(
      `editing trace ${file} is missing: the traces live in ../shared/bench-data beside the ` +
        'checkout (CI lays it out so), or set SUVIAZ_BENCH_DATA to their folder',
    );
  }
  const raw = gunzipSync(readFileSync(file)).toString();
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

/**
 * Replays the trace, handing each agent's merged batches to `deliver` (the agent's client sends them
 * as its local edits). Not through the client Y.Doc's update event: an update whose dependencies
 * have not arrived yet would only integrate later in a remote transaction and never be sent.
 */
/** Lets sockets and timers run between batches, as an editor's event loop would. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function replayTwoAgents(
  trace: Trace,
  deliver: (agent: number, update: Uint8Array) => void,
): Promise<void> {
  const replicas = [new Y.Doc(), new Y.Doc()];
  // Yjs orders concurrent inserts at one place by client id; ids 1 and 2 give the trace's order.
  replicas.forEach((replica, agent) => (replica.clientID = agent + 1));
  const updates: Uint8Array[] = [];
  const applied = [new Uint8Array(trace.txns.length), new Uint8Array(trace.txns.length)];
  const outgoing: Uint8Array[][] = [[], []];
  const send = async (agent: number): Promise<void> => {
    const batch = outgoing[agent] ?? [];
    if (batch.length === 0) return;
    outgoing[agent] = [];
    deliver(agent, Y.mergeUpdatesV2(batch));
    await tick();
  };
  for (const [i, txn] of trace.txns.entries()) {
    const agent = txn.agent ?? 0;
    const replica = replicas[agent] as Y.Doc;
    const done = applied[agent] as Uint8Array;
    const missing: number[] = [];
    const stack = [...(txn.parents ?? [])];
    while (stack.length > 0) {
      const p = stack.pop() as number;
      if (done[p]) continue;
      done[p] = 1;
      missing.push(p);
      stack.push(...(trace.txns[p]?.parents ?? []));
    }
    for (const p of missing.sort((x, y) => x - y)) {
      if (trace.txns[p]?.agent !== agent) Y.applyUpdateV2(replica, updates[p] as Uint8Array);
    }
    const before = Y.encodeStateVector(replica);
    replica.transact(() => typeTxn(replica.getText('t'), txn));
    const update = Y.encodeStateAsUpdateV2(replica, before);
    updates[i] = update;
    done[i] = 1;
    outgoing[agent]?.push(update);
    if ((outgoing[agent]?.length ?? 0) >= 100) await send(agent);
  }
  await send(0);
  await send(1);
}
