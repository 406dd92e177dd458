// Cuts one local edit too large for any relay frame (a long paste, a whole imported bundle) into
// Yjs updates that each fit one, so it reaches the others instead of waiting for ever. Yjs cannot
// cut an update by itself: the pieces are read from the document that holds it, one clock range at
// a time, through a snapshot bounded at the cut (which splits an item crossing it).
import * as Y from 'yjs';

/**
 * Updates that, applied in order after the document's state before `update`, give the same
 * document as `update` does; each at most `maxBytes`, or `oneItemMaxBytes` for a piece of a single
 * item (which no cut can make smaller). `current` is the document's whole state now (it holds
 * `update`, and may hold later edits: only `update`'s clock ranges are taken). Null when it cannot
 * be done: `current` does not hold all of `update`, or one item alone is larger than
 * `oneItemMaxBytes` (a single embedded value). Each piece costs about one load of the document.
 */
export function splitUpdate(
  current: Uint8Array,
  update: Uint8Array,
  maxBytes: number,
  oneItemMaxBytes: number = maxBytes,
): Uint8Array[] | null {
  const { from, to } = Y.parseUpdateMetaV2(update);
  // Snapshots read a document that keeps deleted content; main's replica collects it.
  const whole = new Y.Doc({ gc: false });
  try {
    Y.applyUpdateV2(whole, current);
    const held = Y.decodeStateVector(Y.encodeStateVector(whole));
    const ranges = [...to].filter(([client, end]) => end > (from.get(client) ?? end));
    if (ranges.some(([client, end]) => (held.get(client) ?? 0) < end)) return null;

    // What the receiver holds after each piece: everything else, and `update`'s clients up to here.
    const sent = new Map(held);
    for (const [client] of ranges) sent.set(client, from.get(client) ?? 0);
    const totalClocks = ranges.reduce((sum, [client, end]) => sum + end - sent.get(client)!, 0);
    // Clocks per piece, first guessed from the bytes per clock; halved where a piece is too large,
    // and grown back after one that fits (one dense stretch need not cut the rest finely).
    const guess = Math.max(
      1,
      Math.floor((totalClocks * maxBytes) / Math.max(update.length, 1) / 2),
    );
    let step = guess;
    const pieces: Uint8Array[] = [];
    for (const [client, end] of ranges) {
      let at = sent.get(client)!;
      while (at < end) {
        const cut = safeCut(whole, client, at, Math.min(end, at + step));
        const piece = pieceUpTo(whole, sent, client, cut);
        if (piece.length > (step === 1 ? oneItemMaxBytes : maxBytes)) {
          if (step === 1) return null;
          step = Math.max(1, Math.floor((cut - at) / 2));
          continue;
        }
        pieces.push(piece);
        sent.set(client, cut);
        at = cut;
        step = Math.min(guess, step * 2);
      }
    }
    return withDeletions(pieces, update, to, maxBytes, oneItemMaxBytes);
  } finally {
    whole.destroy();
  }
}

/**
 * `cut`, or beside it where it would fall between the two halves of a character outside the Basic
 * Multilingual Plane (an emoji): Yjs counts text in UTF-16 units, and splitting such a pair there
 * replaces both halves with U+FFFD in the pieces, for good at every receiver.
 */
function safeCut(whole: Y.Doc, client: number, at: number, cut: number): number {
  let item: unknown;
  try {
    item = Y.getItem(whole.store, Y.createID(client, cut - 1));
  } catch {
    return cut;
  }
  if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentString)) return cut;
  const offset = cut - 1 - item.id.clock;
  if (offset + 1 >= item.length) return cut;
  const code = item.content.str.charCodeAt(offset);
  if (code < 0xd800 || code > 0xdbff) return cut;
  return cut - 1 > at ? cut - 1 : cut + 1;
}

/** The structs of `client` from `sent`'s clock up to `cut`, read from the document. */
function pieceUpTo(
  whole: Y.Doc,
  sent: ReadonlyMap<number, number>,
  client: number,
  cut: number,
): Uint8Array {
  const bound = new Map(sent);
  bound.set(client, cut);
  const upToCut = Y.createDocFromSnapshot(whole, Y.createSnapshot(Y.createDeleteSet(), bound));
  try {
    return Y.encodeStateAsUpdateV2(upToCut, Y.encodeStateVector(new Map(sent)));
  } finally {
    upToCut.destroy();
  }
}

/**
 * `update`'s own deletions go with the last piece (or after it): the pieces carry only what the
 * document had already collected, so without them a deleted range would show again.
 */
function withDeletions(
  pieces: Uint8Array[],
  update: Uint8Array,
  to: ReadonlyMap<number, number>,
  maxBytes: number,
  oneItemMaxBytes: number,
): Uint8Array[] | null {
  const deletions = Y.diffUpdateV2(update, Y.encodeStateVector(new Map(to)));
  const last = pieces.pop();
  if (last) {
    const merged = Y.mergeUpdatesV2([last, deletions]);
    if (merged.length <= maxBytes) return [...pieces, merged];
    pieces.push(last);
  }
  return deletions.length <= oneItemMaxBytes ? [...pieces, deletions] : null;
}
