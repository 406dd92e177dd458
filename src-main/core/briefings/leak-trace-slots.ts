// The marks of leak-trace.ts at the level of sites: each site's id, activity and pseudo-random
// vectors from the briefing's seed, the recipients' 64-bit codes, and the value a code puts at a
// site (its inner product with the site's vector: a Hadamard code punctured at the sites).
import { keyedHash, toHex } from '../crypto/sodium';
import { NBSP, ZERO_WIDTH, findSites, tokenize, twinIn } from './leak-trace-text';

export const SLOT_ID_BYTES = 8;
// Pairwise distances are checked on at most this many bits: enough to catch a weak text cheaply.
const DISTANCE_CHECK_BITS = 2048;

export type Code = readonly [number, number];
type SiteOf<K> = Extract<ReturnType<typeof findSites>[number], { kind: K }>;

export interface Slot {
  site: ReturnType<typeof findSites>[number];
  id: string;
  active: boolean;
  pick: number;
  v1: Code;
  v2: Code;
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

export function codeBit(code: Code, v: Code): number {
  return parity((code[0] & v[0]) ^ (code[1] & v[1]));
}

export function slotsOf(seed: Uint8Array, text: string, frozen?: (i: number) => boolean): Slot[] {
  const encoder = new TextEncoder();
  return findSites(tokenize(text, frozen)).map((site) => {
    const h = keyedHash(seed, 32, encoder.encode(`${site.kind}\u0000${site.context}`));
    const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
    const active = site.kind === 'h' || (site.kind === 'z' ? (h[9]! & 1) === 0 : (h[9]! & 6) === 0);
    return {
      site,
      id: toHex(h.subarray(0, SLOT_ID_BYTES)),
      active,
      pick: h[8]!,
      v1: [view.getUint32(16), view.getUint32(20)],
      v2: [view.getUint32(24), view.getUint32(28)],
    };
  });
}

export function recipientCodes(seed: Uint8Array, count: number): Code[] {
  const encoder = new TextEncoder();
  const codes: Code[] = [];
  const seen = new Set<string>();
  for (let i = 0, attempt = 0; codes.length < count; attempt++) {
    const h = keyedHash(seed, 8, encoder.encode(`recipient\u0000${i}\u0000${attempt}`));
    const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
    const code: Code = [view.getUint32(0), view.getUint32(4)];
    const key = toHex(h);
    // The zero code would mark nothing at all; a repeated one would give two people one copy.
    if ((code[0] | code[1]) === 0 || seen.has(key)) continue;
    seen.add(key);
    codes.push(code);
    i++;
  }
  return codes;
}

/** Whether the author's original can carry a mark at this site (the copy is written, not read). */
export function writable(slot: Slot): boolean {
  const { site } = slot;
  if (!slot.active) return false;
  if (site.kind === 'z') return site.beforeSpace && site.observed === '';
  if (site.kind === 's') return site.observed === ' ';
  return true;
}

/** The recipient's value at a slot: bit for h and s, symbol 0–3 for z. */
export function expected(slot: Slot, code: Code): number {
  const low = codeBit(code, slot.v1);
  return slot.site.kind === 'z' ? low | (codeBit(code, slot.v2) << 1) : low;
}

export function markEdits(text: string, slots: Slot[], code: Code): Map<number, string> {
  const edits = new Map<number, string>();
  for (const slot of slots) {
    const value = expected(slot, code);
    const { site } = slot;
    if (site.kind === 'h') {
      const { twins, script } = site as SiteOf<'h'>;
      const at = twins[slot.pick % twins.length]!;
      edits.set(
        at,
        twinIn(text[at]!, value ? (script === 'latin' ? 'cyrillic' : 'latin') : script),
      );
    } else if (site.kind === 's') edits.set((site as SiteOf<'s'>).at, value ? NBSP : ' ');
    else {
      const after = (site as SiteOf<'z'>).after;
      edits.set(after, (edits.get(after) ?? text[after]!) + ZERO_WIDTH[value]!);
    }
  }
  return edits;
}

export function minPairDistance(slots: Slot[], codes: Code[]): number {
  const rows = codes.map(() => new Uint32Array(DISTANCE_CHECK_BITS / 32));
  let bit = 0;
  for (const slot of slots) {
    const width = slot.site.kind === 'z' ? 2 : 1;
    if (bit + width > DISTANCE_CHECK_BITS) break;
    codes.forEach((code, r) => {
      const value = expected(slot, code);
      for (let k = 0; k < width; k++) {
        if ((value >> k) & 1) rows[r]![(bit + k) >>> 5]! |= 1 << ((bit + k) & 31);
      }
    });
    bit += width;
  }
  let min = Infinity;
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      let distance = 0;
      for (let w = 0; w < rows[a]!.length; w++) distance += popcount(rows[a]![w]! ^ rows[b]![w]!);
      min = Math.min(min, distance);
    }
  }
  return min === Infinity ? bit : min;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
