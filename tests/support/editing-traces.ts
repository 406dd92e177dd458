// The editing traces (Joseph Gentle's editing-traces, CC BY 4.0; see docs/performance.md), for tests
// and benchmarks: loading them where they are, or a synthetic stand-in where they are not; taking a
// prefix, the text a prefix should produce, typing a transaction into a Y.Text, and replaying a
// history of several authors.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { syntheticHistory, type SyntheticOptions } from './synthetic-editing-history';

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
  /** Where it came from: the real trace's file, or the synthetic stand-in's options. */
  source?: string;
}

/**
 * The real traces are never part of the repository. They are read in place from `SUVIAZ_BENCH_DATA`
 * if set, else from `../shared/bench-data` beside the checkout (as CI lays it out).
 */
const DEFAULT_BENCH_DATA = fileURLToPath(new URL('../../../shared/bench-data/', import.meta.url));
export const BENCH_DATA = process.env.SUVIAZ_BENCH_DATA ?? DEFAULT_BENCH_DATA;

/**
 * Where a real trace is missing, a generated history of the same kind and about the same size
 * stands in (tests/support/synthetic-editing-history.ts): fixed seeds, so every run and every
 * machine replays the same edits.
 */
const STAND_INS: Record<string, SyntheticOptions> = {
  // Two people typing into one document at once, merging each other's edits now and then.
  friendsforever: {
    txns: 26_000,
    authors: 2,
    concurrent: true,
    seed: 20_240_611,
    deleteShare: 0.09,
  },
  // One author writing a long text, with many corrections.
  'automerge-paper': {
    txns: 260_000,
    authors: 1,
    concurrent: false,
    seed: 160_803_960,
    deleteShare: 0.3,
  },
  // One author writing a post, with pastes now and then.
  'seph-blog1': { txns: 137_000, authors: 1, concurrent: false, seed: 56_769, deleteShare: 0.09 },
};

const loaded = new Map<string, Trace>();

/**
 * The named trace: the real one where it is, else its synthetic stand-in; says which on stderr (once
 * per trace and process), so a test's or a benchmark's output shows what it replayed. With
 * SUVIAZ_BENCH_DATA set, a missing trace is an error: whoever set it wants the real data.
 */
export function loadTrace(name: string): Trace {
  const cached = loaded.get(name);
  if (cached) return cached;
  const trace = readRealTrace(name) ?? standIn(name);
  loaded.set(name, trace);
  console.warn(`editing trace ${name}: ${trace.source}`);
  return trace;
}

function readRealTrace(name: string): Trace | null {
  const file = path.join(BENCH_DATA, `${name}.json.gz`);
  if (!existsSync(file)) {
    if (process.env.SUVIAZ_BENCH_DATA !== undefined) {
      throw new Error(
        `editing trace ${file} is missing: SUVIAZ_BENCH_DATA names a folder without it (unset it to ` +
          'replay a synthetic history instead)',
      );
    }
    return null;
  }
  const raw = gunzipSync(readFileSync(file)).toString();
  const parsed = JSON.parse(raw) as Omit<Trace, 'name'>;
  return {
    name,
    ...parsed,
    startContent: parsed.startContent ?? '',
    source: `the real trace, ${file}`,
  };
}

function standIn(name: string): Trace {
  const options = STAND_INS[name];
  if (!options) throw new Error(`no editing trace ${name} in ${BENCH_DATA} and no stand-in for it`);
  const trace = syntheticHistory(`synthetic-${name}`, options);
  const kind = options.concurrent ? 'concurrent' : 'sequential';
  return {
    ...trace,
    source:
      `not found in ${BENCH_DATA}, replaying a synthetic stand-in instead (${kind}, ` +
      `${options.authors} author${options.authors === 1 ? '' : 's'}, ${trace.txns.length} transactions, ` +
      `seed ${options.seed}); figures from it are not comparable with docs/performance.md`,
  };
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

/** Lets sockets and timers run between batches, as an editor's event loop would. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How many authors (agents) a concurrent trace has; 1 for a sequential one. */
export function agentCount(trace: Trace): number {
  return trace.txns.reduce((n, t) => Math.max(n, (t.agent ?? 0) + 1), 1);
}

/**
 * Replays the trace, handing each agent's merged batches to `deliver` (the agent's client sends them
 * as its local edits). Not through the client Y.Doc's update event: an update whose dependencies
 * have not arrived yet would only integrate later in a remote transaction and never be sent.
 */
export async function replayAgents(
  trace: Trace,
  deliver: (agent: number, update: Uint8Array) => void,
): Promise<void> {
  const agents = agentCount(trace);
  const replicas = Array.from({ length: agents }, () => new Y.Doc());
  // Yjs orders concurrent inserts at one place by client id; ids 1, 2, … give the trace's order.
  replicas.forEach((replica, agent) => (replica.clientID = agent + 1));
  const updates: Uint8Array[] = [];
  const applied = replicas.map(() => new Uint8Array(trace.txns.length));
  const outgoing: Uint8Array[][] = replicas.map(() => []);
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
  for (let agent = 0; agent < agents; agent++) await send(agent);
}

/** The two-author traces (friendsforever and its stand-in) through the same replay. */
export const replayTwoAgents = replayAgents;
