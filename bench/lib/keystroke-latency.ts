// Keystroke-to-visible latency across replicas, possibly in different threads: the typist records
// when it made each Yjs item id (client, clock), each receiving replica records when an update made
// ids visible there; matching the two gives one latency per keystroke and receiver. One keystroke
// is one inserted character, so one clock. Times are absolute (timeOrigin + now), comparable
// between worker threads.
import * as Y from 'yjs';

/** [client, clock, at ms] */
export type Stamp = [number, number, number];

export const absoluteNow = (): number => performance.timeOrigin + performance.now();

/** The item ids an update (V1) carries, each clock of a merged run separately. */
export function keystrokeIds(update: Uint8Array): [number, number][] {
  const ids: [number, number][] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    for (let i = 0; i < struct.length; i++) ids.push([struct.id.client, struct.id.clock + i]);
  }
  return ids;
}

/** Records every id a replica receives from elsewhere (origin other than its own typing). */
export function watchReplica(doc: Y.Doc, seen: Stamp[], ownOrigin: unknown): void {
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === ownOrigin) return;
    const at = absoluteNow();
    for (const [client, clock] of keystrokeIds(update)) seen.push([client, clock, at]);
  });
}

/** Latencies of the keystrokes seen, and how many (keystroke, receiver) pairs never were. */
export function matchKeystrokes(
  typed: readonly Stamp[],
  seen: readonly Stamp[],
  receiversPerKeystroke: number,
): { latencies: number[]; missing: number } {
  const typedAt = new Map(typed.map(([client, clock, at]) => [`${client}:${clock}`, at]));
  const latencies: number[] = [];
  for (const [client, clock, at] of seen) {
    const sent = typedAt.get(`${client}:${clock}`);
    if (sent !== undefined) latencies.push(at - sent);
  }
  return { latencies, missing: typed.length * receiversPerKeystroke - latencies.length };
}
