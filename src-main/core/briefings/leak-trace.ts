// Leak tracing by canary copies (issue 11, item 5): each recipient's copy of a briefing differs
// invisibly, and a pasted leak names whose copy it was, or says it cannot tell.
//
// Three carriers, so a copy survives common handling: a zero-width mark (U+200B/200C/200D/2060,
// two bits) after about half the chunks, just before the space; a no-break space for about a quarter
// of the single spaces; and one letter per word swapped for its Latin/Cyrillic twin (а/a, е/e, о/o,
// р/p, с/c, х/x, і/i and capitals) where the word has a script of its own. Each mark site is named by
// the words around it (keyed with a per-briefing seed), so an excerpt, a reordered or lightly edited
// text still yields its marks. A recipient's bits are a 64-bit code's inner products with each site's
// pseudo-random vector (a Hadamard code punctured at the sites): two copies differ at about half of
// all sites, and the tracer names a recipient only when nearly every bit it read agrees with that
// recipient and chance agreement is below one in a million; otherwise "cannot tell".
//
// What defeats it, said plainly (the UI must say it too): retyping the text, OCR of a screenshot or
// a photo of the screen, or a paraphrase, leave no marks; tools that strip zero-width characters,
// turn no-break spaces into spaces and fold look-alike letters (some sites and "clean text" tools
// do all three) leave none either; a leaker with two copies can see where they differ and remove or
// blend the marks (the tracer then says "cannot tell", never a third person, but cannot promise more
// against several colluders). A too-short excerpt cannot be traced. Costs: a spell checker may
// underline a word with a swapped letter, a screen reader may misread it, a copied word may not be
// found by another program's search, and no-break spaces move some line breaks by a word. Code,
// links, addresses, file names and handles are never marked.
import { LIMITS } from '../../../src-shared/limits';
import type { NoteDoc } from '../../../src-shared/notes/note-content';
import { randomBytes } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { flattenDoc, rebuildDoc } from './leak-trace-doc';
import {
  SLOT_ID_BYTES,
  type Code,
  type Slot,
  expected,
  markEdits,
  minPairDistance,
  recipientCodes,
  slotsOf,
  writable,
} from './leak-trace-slots';
import { NBSP, ZERO_WIDTH, isForeignTwin, unmarkEdits } from './leak-trace-text';
import { decideTrace, type TraceResult } from './leak-trace-verdict';

export type { TraceResult } from './leak-trace-verdict';

/** What the author keeps to trace leaks: plain data, stored in the author's vault with the briefing. */
export interface CanaryMap {
  version: 1;
  /** 32 bytes, base64: names the sites and derives the codes. */
  seed: string;
  recipients: { recipientId: string; code: string }[];
  /** The marked sites' 8-byte ids, concatenated, base64. */
  slots: string;
}

export interface CanaryCopies<Body> {
  copies: { recipientId: string; body: Body }[];
  map: CanaryMap;
  /** Bits a whole copy carries, and the fewest in which two recipients' copies differ. */
  bits: number;
  minDistance: number;
}

const SEED_BYTES = 32;
/** Below these a text cannot give recipients copies the tracer can tell apart with confidence. */
const MIN_BITS = 48;
const MIN_DISTANCE = 12;

function applyEdits(text: string, edits: Map<number, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += edits.get(i) ?? text[i];
  return out;
}

export interface CanaryOptions {
  /** Recipients who get the author's original, unmarked (the author's own devices, say). */
  pristineFor?: readonly string[];
  /** Only for tests: a fixed seed; otherwise 32 fresh random bytes per briefing. */
  seed?: Uint8Array;
}

/**
 * One invisibly different copy of `body` per recipient, and the map to trace them. Refuses a text
 * too short to tell its copies apart, rather than hand out copies that could not be traced.
 */
export function makeCanaryCopies<Body extends string | NoteDoc>(
  body: Body,
  recipientIds: readonly string[],
  options: CanaryOptions = {},
): CanaryCopies<Body> {
  const pristine = new Set(options.pristineFor ?? []);
  const marked = [...new Set(recipientIds)].filter((id) => !pristine.has(id));
  if (marked.length > LIMITS.leakTrace.maxRecipients) {
    throw new SuviazError('invalid-args', 'Too many recipients for leak tracing.');
  }
  const seed = options.seed ?? randomBytes(SEED_BYTES);
  const flat = typeof body === 'string' ? { text: body, frozen: null } : flattenDoc(body);
  const frozen = flat.frozen;
  const all = slotsOf(seed, flat.text, frozen ? (i) => frozen[i] === 1 : undefined);
  const slots = all.filter(writable);
  const distinct = [...new Map(slots.map((slot) => [slot.id, slot])).values()];
  const bits = distinct.reduce((n, slot) => n + (slot.site.kind === 'z' ? 2 : 1), 0);
  const codes = recipientCodes(seed, marked.length);
  const minDistance = minPairDistance(distinct, codes);
  if (bits < MIN_BITS || minDistance < MIN_DISTANCE) {
    throw new SuviazError(
      'invalid-args',
      'This briefing is too short to give each recipient a copy that can be traced; send it without leak tracing or write more.',
    );
  }
  const render = (edits: Map<number, string>): Body =>
    (typeof body === 'string'
      ? applyEdits(body, edits)
      : rebuildDoc(body as NoteDoc, (i) => edits.get(i) ?? flat.text[i]!)) as Body;
  const copies = [...new Set(recipientIds)].map((recipientId) => {
    const index = marked.indexOf(recipientId);
    return {
      recipientId,
      body: index < 0 ? body : render(markEdits(flat.text, slots, codes[index]!)),
    };
  });
  const ids = Buffer.concat(
    distinct.map((slot) => Buffer.from(slot.id, 'hex')).sort(Buffer.compare),
  );
  return {
    copies,
    map: {
      version: 1,
      seed: Buffer.from(seed).toString('base64'),
      recipients: marked.map((recipientId, i) => ({
        recipientId,
        code: codes[i]!.map((word) => word.toString(16).padStart(8, '0')).join(''),
      })),
      slots: ids.toString('base64'),
    },
    bits,
    minDistance,
  };
}

function checkMap(map: CanaryMap): { seed: Uint8Array; codes: Code[]; slotIds: Set<string> } {
  const seed = Buffer.from(map.seed ?? '', 'base64');
  const slots = Buffer.from(map.slots ?? '', 'base64');
  const codes = (map.recipients ?? []).map((r) => r.code);
  if (
    map.version !== 1 ||
    seed.length !== SEED_BYTES ||
    slots.length % SLOT_ID_BYTES !== 0 ||
    codes.length > LIMITS.leakTrace.maxRecipients ||
    !codes.every((code) => typeof code === 'string' && /^[0-9a-f]{16}$/.test(code)) ||
    !(map.recipients ?? []).every((r) => typeof r.recipientId === 'string')
  ) {
    throw new SuviazError('invalid-args', 'This leak-tracing map is damaged.');
  }
  const slotIds = new Set<string>();
  for (let at = 0; at < slots.length; at += SLOT_ID_BYTES) {
    slotIds.add(slots.subarray(at, at + SLOT_ID_BYTES).toString('hex'));
  }
  return {
    seed: new Uint8Array(seed),
    codes: codes.map(
      (code) => [parseInt(code.slice(0, 8), 16), parseInt(code.slice(8), 16)] as const,
    ),
    slotIds,
  };
}

/** Reads the marks in a pasted text and names whose copy it is, or says it cannot tell. */
export function traceLeak(pastedText: string, map: CanaryMap): TraceResult {
  if (pastedText.length > LIMITS.leakTrace.pasteMaxChars) {
    throw new SuviazError('invalid-args', 'This text is too long to check.');
  }
  const { seed, codes, slotIds } = checkMap(map);
  const text = pastedText.normalize('NFC');
  const seen = slotsOf(seed, text).filter((slot) => slotIds.has(slot.id));
  const observations = new Map<string, { slot: Slot; value: number | null }>();
  for (const slot of seen) {
    const value = observe(text, slot);
    const earlier = observations.get(slot.id);
    // The same site read twice with different values (an edit, a mix of copies) tells nothing.
    if (earlier && earlier.value !== value) earlier.value = null;
    else if (!earlier) observations.set(slot.id, { slot, value });
  }
  const readings = [...observations.values()].map(({ slot, value }) => ({
    kind: slot.site.kind,
    value,
    expected: codes.map((code) => expected(slot, code)),
  }));
  return decideTrace(
    readings,
    map.recipients.map((r) => r.recipientId),
  );
}

/** The value a pasted text holds at a slot: a bit, a symbol, or null when the carrier is gone. */
function observe(text: string, slot: Slot): number | null {
  const { site } = slot;
  if (site.kind === 'h') {
    const at = site.twins[slot.pick % site.twins.length]!;
    return isForeignTwin(text[at]!, site.script) ? 1 : 0;
  }
  if (site.kind === 's') return site.observed === NBSP ? 1 : 0;
  const symbol = ZERO_WIDTH.indexOf(site.observed as (typeof ZERO_WIDTH)[number]);
  return symbol < 0 ? null : symbol;
}

/** The text with every carrier back in its plain form (for search, and to compare copies). */
export function unmarkText(text: string): string {
  return applyEdits(text, unmarkEdits(text));
}

export function unmarkDoc(doc: NoteDoc): NoteDoc {
  const { text } = flattenDoc(doc);
  const edits = unmarkEdits(text);
  return rebuildDoc(doc, (i) => edits.get(i) ?? text[i]!);
}
