// Where a text can carry an invisible canary mark, found the same way in the author's original and in
// a pasted leak: the "sites" of leak-trace.ts. A site is named by the words around it (skeletons that
// look past every mark), so the tracer finds it again in an excerpt without knowing where it came from.

/** Zero-width marks: after a chunk's last character, before a space, none changes line breaking. */
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060'] as const;
export const NBSP = '\u00a0';
const ZERO_WIDTH_SET: ReadonlySet<string> = new Set(ZERO_WIDTH);

export type Script = 'latin' | 'cyrillic';

// Latin and Cyrillic letters that share a glyph in common fonts (upright and italic). Left out on
// purpose: y/у and K/К (differ in many fonts), lower-case т/m-like italics, and letters with marks.
const PAIRS: readonly (readonly [latin: string, cyrillic: string])[] = [
  ['a', 'а'],
  ['c', 'с'],
  ['e', 'е'],
  ['o', 'о'],
  ['p', 'р'],
  ['x', 'х'],
  ['i', 'і'],
  ['A', 'А'],
  ['B', 'В'],
  ['C', 'С'],
  ['E', 'Е'],
  ['H', 'Н'],
  ['I', 'І'],
  ['M', 'М'],
  ['O', 'О'],
  ['P', 'Р'],
  ['T', 'Т'],
  ['X', 'Х'],
];
const TWIN = new Map<string, { latin: string; cyrillic: string; script: Script }>();
for (const [latin, cyrillic] of PAIRS) {
  TWIN.set(latin, { latin, cyrillic, script: 'latin' });
  TWIN.set(cyrillic, { latin, cyrillic, script: 'cyrillic' });
}

/** This letter in the given script's form (it must be one of the twins). */
export function twinIn(letter: string, script: Script): string {
  const twin = TWIN.get(letter)!;
  return script === 'latin' ? twin.latin : twin.cyrillic;
}

/** Whether this letter is the other script's twin of a letter of a word in `script`. */
export function isForeignTwin(letter: string, script: Script): boolean {
  const twin = TWIN.get(letter);
  return twin !== undefined && twin.script !== script;
}

const isSpace = (ch: string) => /\s/u.test(ch);
const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isMark = (ch: string) => /\p{M}/u.test(ch);
// A chunk that looks like an address, a handle, a path or a file name: a swapped letter there would
// break it when copied (and a mixed-script domain looks like phishing), so it is never marked.
const LOOKS_LIKE_ADDRESS = /[/@\\#]|\.\p{L}/u;

interface Word {
  skeleton: string;
  script: Script | null;
  /** UTF-16 indices of twin letters not followed by a combining mark: the ones a mark may swap. */
  twins: number[];
}

interface Chunk {
  words: number[]; // indices into the word list
  markable: boolean;
  /** Index of the chunk's last code unit that is not a zero-width mark. */
  last: number;
  /** The zero-width marks that end the chunk (a pasted copy's mark, or nothing). */
  trailing: string;
  /** The whitespace after the chunk, and whether another chunk follows it. */
  gap: string;
  gapAt: number;
  followed: boolean;
}

export interface Tokens {
  words: Word[];
  chunks: Chunk[];
}

function skeletonOf(word: string): string {
  // NFC first, so a decomposed "ё" (е + U+0308) is the same letter as the composed one.
  let out = '';
  for (const ch of word.normalize('NFC')) out += TWIN.get(ch)?.latin ?? ch;
  // Case stays: "Hotel" and "hotel" have different twins (H is one, h is not).
  return out;
}

function scriptOf(letters: string[]): Script | null {
  let latin = false;
  let cyrillic = false;
  for (const ch of letters) {
    if (TWIN.has(ch) || isMark(ch)) continue;
    if (/\p{Script=Latin}/u.test(ch)) latin = true;
    else if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic = true;
    else return null;
  }
  // A word of twins only ("оса", "pop") has no script of its own; a mixed word is left alone.
  return latin === cyrillic ? null : latin ? 'latin' : 'cyrillic';
}

/** Splits text into whitespace-separated chunks and their words; `frozen` chunks are never marked. */
export function tokenize(text: string, frozen?: (index: number) => boolean): Tokens {
  const words: Word[] = [];
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    const chunk: Chunk = {
      words: [],
      markable: true,
      last: i,
      trailing: '',
      gap: '',
      gapAt: 0,
      followed: false,
    };
    let letters: string[] = [];
    let twins: number[] = [];
    let raw = '';
    const endWord = () => {
      if (letters.length === 0) return;
      chunk.words.push(words.length);
      words.push({ skeleton: skeletonOf(raw), script: scriptOf(letters), twins });
      letters = [];
      twins = [];
      raw = '';
    };
    while (i < text.length && !isSpace(text[i]!)) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      if (frozen?.(i)) chunk.markable = false;
      if (ZERO_WIDTH_SET.has(ch)) {
        chunk.trailing += ch; // transparent inside a word; only a run at the very end is kept
      } else {
        chunk.trailing = '';
        chunk.last = i + ch.length - 1;
        if (isLetter(ch) || (isMark(ch) && letters.length > 0)) {
          if (isMark(ch) && TWIN.has(letters.at(-1)!)) twins.pop();
          else if (TWIN.has(ch)) twins.push(i);
          letters.push(ch);
          raw += ch;
        } else endWord();
      }
      i += ch.length;
    }
    endWord();
    if (LOOKS_LIKE_ADDRESS.test(text.slice(start, i))) chunk.markable = false;
    chunk.gapAt = i;
    while (i < text.length && isSpace(text[i]!)) chunk.gap += text[i++];
    chunk.followed = i < text.length;
    chunks.push(chunk);
  }
  return { words, chunks };
}

export type Site =
  | { kind: 'h'; context: string; twins: number[]; script: Script }
  | { kind: 'z'; context: string; after: number; observed: string; beforeSpace: boolean }
  | { kind: 's'; context: string; at: number; observed: string };

/**
 * Every place of a text that can carry a mark. Zero-width sites follow a chunk's last word, space
 * sites are the single space after it, and homoglyph sites are words with a script of their own.
 * The context is the word's skeleton and the one before it, so edits elsewhere do not move it.
 */
export function findSites(tokens: Tokens): Site[] {
  const { words, chunks } = tokens;
  const contextOf = (w: number) => `${w > 0 ? words[w - 1]!.skeleton : ''}|${words[w]!.skeleton}`;
  const sites: Site[] = [];
  for (const chunk of chunks) {
    if (!chunk.markable || chunk.words.length === 0) continue;
    for (const w of chunk.words) {
      const word = words[w]!;
      if (word.script !== null && word.twins.length > 0) {
        sites.push({ kind: 'h', context: contextOf(w), twins: word.twins, script: word.script });
      }
    }
    const context = contextOf(chunk.words.at(-1)!);
    sites.push({
      kind: 'z',
      context,
      after: chunk.last,
      observed: chunk.trailing,
      beforeSpace: chunk.gap.length > 0,
    });
    if (chunk.followed && (chunk.gap === ' ' || chunk.gap === NBSP)) {
      sites.push({ kind: 's', context, at: chunk.gapAt, observed: chunk.gap });
    }
  }
  return sites;
}

/**
 * The text with every carrier put back to its plain form: trailing zero-width marks removed, no-break
 * spaces made spaces, twins in the word's own script. Two copies of one briefing unmark to the same
 * text; search and "copies look the same" checks go through this. As edits: per code unit, what
 * replaces it ('' removes it).
 */
export function unmarkEdits(text: string): Map<number, string> {
  const edits = new Map<number, string>();
  const tokens = tokenize(text);
  for (let i = 0; i < text.length; i++) if (text[i] === NBSP) edits.set(i, ' ');
  for (const chunk of tokens.chunks) {
    for (let k = 0; k < chunk.trailing.length; k++) edits.set(chunk.last + 1 + k, '');
  }
  // Twins are re-read per word: tokenize kept their indices, the script says which form is home.
  for (const word of tokens.words) {
    if (word.script === null) continue;
    for (const at of word.twins) edits.set(at, twinIn(text[at]!, word.script));
  }
  return edits;
}
