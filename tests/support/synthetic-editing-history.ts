// A seeded, deterministic editing history in the editing traces' own format, generated here so that
// the tests that replay traces run on a fresh clone without the real traces beside it. Several
// authors type words and sentences at their own cursors, fix typos with backspace, select and delete
// a word, jump to another line or the end, paste now and then; in a concurrent history each author
// edits their own replica and merges the others' edits from time to time, so transactions carry
// `agent` and `parents` as in friendsforever. Positions are computed on real Yjs replicas, so a
// replay (editing-traces.ts) ends exactly on endContent.
import * as Y from 'yjs';
import type { Patch, Trace, Txn } from './editing-traces';

export interface SyntheticOptions {
  /** Transactions to generate (one patch each, except the occasional paste of several lines). */
  txns: number;
  /** Authors typing; with `concurrent`, each has its own replica and agent number. */
  authors: number;
  /** true: transactions carry agent and parents (a DAG); false: one sequential history. */
  concurrent: boolean;
  seed: number;
  /** Share of transactions that delete (the real traces: 9 % to 30 %). */
  deleteShare?: number;
}

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of to and in for on with by we our they plan campaign coalition meeting statement ' +
  'prisoners release hearing embassy parliament letter briefing volunteers budget deadline ' +
  'press conference partners report draft review vote signatures petition visit delegation ' +
  'Vilnius Warsaw Minsk Brussels Geneva spring autumn next week Monday Friday first second ' +
  'agree decide confirm send ask call publish translate prepare organise check share update ' +
  'because before after until unless which that this those these all some every each new'
).split(' ');

/** What an author does next: type one character, or one backspace. */
type Keystroke = string | null;

/** A replica the authors type into: Yjs for a concurrent history, a plain buffer for a sequential one. */
interface Replica {
  length(): number;
  content(): string;
  edit(pos: number, del: number, ins: string): void;
}

/** Text with a gap at the last edit: typing at a cursor costs nothing, a jump costs the distance. */
class GapBuffer implements Replica {
  private before: string[] = [];
  private after: string[] = []; // reversed: after[after.length - 1] follows before
  length(): number {
    return this.before.length + this.after.length;
  }
  content(): string {
    return this.before.join('') + [...this.after].reverse().join('');
  }
  edit(pos: number, del: number, ins: string): void {
    while (this.before.length > pos) this.after.push(this.before.pop() as string);
    while (this.before.length < pos) this.before.push(this.after.pop() as string);
    this.after.length -= del;
    this.before.push(...ins);
  }
}

class YReplica implements Replica {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('t');
  constructor(clientID: number) {
    this.doc.clientID = clientID;
  }
  length(): number {
    return this.text.length;
  }
  content(): string {
    return this.text.toString();
  }
  edit(pos: number, del: number, ins: string): void {
    this.doc.transact(() => {
      if (del > 0) this.text.delete(pos, del);
      if (ins) this.text.insert(pos, ins);
    }, 'local');
  }
}

interface Author {
  replica: Replica;
  /** In a concurrent history the cursor survives merges as a Yjs relative position. */
  cursor: number | Y.RelativePosition;
  /** What the author still means to type: characters, typos and their backspaces. */
  pending: Keystroke[];
  /** Per agent, how many of that agent's transactions this author's replica holds. */
  seen: number[];
  /** Moves elsewhere once the sentence in hand is typed. */
  restless: boolean;
}

/**
 * A history of `txns` transactions by `authors` authors, the same for the same options on every
 * machine. The result has the shape of a loaded trace: startContent '', endContent, txns.
 */
export function syntheticHistory(name: string, options: SyntheticOptions): Trace {
  const random = generator(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const deleteShare = options.deleteShare ?? 0.1;
  // A typo of k characters is k inserts and k backspaces: this rate gives about deleteShare deletes.
  const typoRate = deleteShare / (2 - 4 * deleteShare);
  const agents = options.concurrent ? options.authors : 1;
  const replicas: Replica[] = options.concurrent
    ? Array.from({ length: agents }, (_, i) => new YReplica(i + 1)) // client ids as in the replay
    : [new GapBuffer()];
  const updates: Uint8Array[] = [];
  for (const replica of replicas) {
    if (replica instanceof YReplica) {
      replica.doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
        if (origin === 'local') updates.push(update);
      });
    }
  }
  // In a sequential history all authors write into one replica, each at their own cursor.
  const authors: Author[] = Array.from({ length: options.authors }, (_, i) => ({
    replica: replicas[options.concurrent ? i : 0] as Replica,
    cursor: 0,
    pending: [],
    seen: new Array<number>(agents).fill(0),
    restless: false,
  }));
  const txns: Txn[] = [];
  /** Per agent, the indices of its transactions in order; and what each transaction had seen. */
  const byAgent: number[][] = Array.from({ length: agents }, () => []);
  const seenAt: number[][] = [];

  const sentence = (): Keystroke[] => {
    const words = Array.from({ length: 4 + Math.floor(random() * 12) }, () => pick(WORDS));
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    const line = `${words.join(' ')}${pick(['. ', '. ', '. ', ', ', '? ', '.\n'])}`;
    const keys: Keystroke[] = [];
    for (const char of line) {
      if (random() < typoRate) {
        // A slip of a few keys, noticed and taken back, before the right character.
        const slip = 1 + Math.floor(random() * 3);
        for (let k = 0; k < slip; k++) keys.push(pick([...'etaoinshrdlu']));
        for (let k = 0; k < slip; k++) keys.push(null);
      }
      keys.push(char);
    }
    return keys;
  };
  const cursorOf = (author: Author): number => {
    const { cursor, replica } = author;
    const at =
      typeof cursor === 'number'
        ? cursor
        : (Y.createAbsolutePositionFromRelativePosition(cursor, (replica as YReplica).doc)?.index ??
          0);
    return Math.min(at, replica.length());
  };
  const setCursor = (author: Author, index: number): void => {
    author.cursor =
      author.replica instanceof YReplica
        ? Y.createRelativePositionFromTypeIndex(author.replica.text, index)
        : index;
  };
  /** Where a writer moves to: the end, the start of a line, or just after a word. */
  const jump = (author: Author): void => {
    author.restless = false;
    const content = author.replica.content();
    const roll = random();
    if (roll < 0.4 || content.length === 0) return setCursor(author, content.length);
    const at = Math.floor(random() * content.length);
    const boundary = roll < 0.7 ? content.lastIndexOf('\n', at) + 1 : content.indexOf(' ', at) + 1;
    setCursor(author, boundary > 0 ? boundary : content.length);
  };
  /**
   * The parents of an agent's next transaction: the latest seen transaction of each agent, minus
   * those another of them already includes.
   */
  const parentsOf = (author: Author): number[] => {
    const latest = author.seen.flatMap((count, agent) =>
      count > 0 ? [{ agent, index: count - 1, txn: byAgent[agent]?.[count - 1] as number }] : [],
    );
    return latest
      .filter((t) => !latest.some((o) => o !== t && (seenAt[o.txn]?.[t.agent] ?? 0) > t.index))
      .map((t) => t.txn);
  };
  /** `author` merges everything `from` has seen. */
  const merge = (author: Author, from: Author): void => {
    const fresh: number[] = [];
    from.seen.forEach((count, agent) => {
      for (let k = author.seen[agent] ?? 0; k < count; k++)
        fresh.push(byAgent[agent]?.[k] as number);
      author.seen[agent] = Math.max(author.seen[agent] ?? 0, count);
    });
    if (fresh.length === 0) return;
    fresh.sort((x, y) => x - y);
    const doc = (author.replica as YReplica).doc;
    Y.applyUpdateV2(doc, Y.mergeUpdatesV2(fresh.map((t) => updates[t] as Uint8Array)), 'merge');
  };

  let current = 0;
  let burst = 0;
  while (txns.length < options.txns) {
    // Authors take turns in bursts; in a concurrent history, before a burst the author sometimes
    // merges what one other author has (the others keep typing unmerged meanwhile).
    if (burst <= 0) {
      current = Math.floor(random() * options.authors);
      // Typing at once, people see each other's keystrokes every few words.
      burst = options.concurrent ? 2 + Math.floor(random() * 20) : 5 + Math.floor(random() * 60);
      if (options.concurrent && agents > 1 && random() < 0.8) {
        const other = authors[(current + 1 + Math.floor(random() * (agents - 1))) % agents];
        if (other) merge(authors[current] as Author, other);
      }
      if (random() < 0.15) (authors[current] as Author).restless = true;
    }
    burst--;
    const agent = options.concurrent ? current : 0;
    const author = authors[current] as Author;
    if (author.restless && author.pending.length === 0) jump(author);
    const at = cursorOf(author);
    const roll = random();
    let patch: Patch;
    if (roll < 0.004 && at > 0) {
      // A selected word or two deleted at once.
      const span = Math.min(at, 3 + Math.floor(random() * 12));
      patch = [at - span, span, ''];
    } else if (roll > 0.9985 && !options.concurrent) {
      // A paste: a few lines at once.
      const lines = Array.from({ length: 2 + Math.floor(random() * 6) }, () =>
        sentence()
          .filter((k) => k !== null)
          .join(''),
      );
      patch = [at, 0, lines.join('')];
    } else {
      if (author.pending.length === 0) author.pending = sentence();
      const key = author.pending.shift() as Keystroke;
      patch = key === null ? (at > 0 ? [at - 1, 1, ''] : [0, 0, '']) : [at, 0, key];
      if (patch[1] === 0 && patch[2] === '') continue;
    }
    const [pos, del, ins] = patch;
    const parents = options.concurrent ? parentsOf(author) : undefined;
    author.replica.edit(pos, del, ins);
    if (!options.concurrent) {
      // The other authors' cursors move with the text before them.
      for (const other of authors) {
        if (other !== author && typeof other.cursor === 'number' && other.cursor > pos) {
          other.cursor = Math.max(pos, other.cursor - del) + ins.length;
        }
      }
    }
    setCursor(author, pos + ins.length);
    const index = txns.length;
    byAgent[agent]?.push(index);
    author.seen[agent] = (author.seen[agent] ?? 0) + 1;
    seenAt.push(options.concurrent ? [...author.seen] : []);
    txns.push(options.concurrent ? { patches: [patch], agent, parents } : { patches: [patch] });
  }
  // Everyone merges everything: that is the end content a replay must reach.
  const final = authors[0] as Author;
  for (const other of authors.slice(1)) if (options.concurrent) merge(final, other);
  return { name, startContent: '', endContent: final.replica.content(), txns };
}
