// The leak tracer's decision: from the marks read in a pasted text, name one recipient only when the
// evidence could hardly be chance; anything else is "cannot tell". Wrongly naming someone is the
// failure that matters, so every threshold leans towards "cannot tell".

export interface Carriers {
  zeroWidth: boolean;
  spaces: boolean;
  homoglyphs: boolean;
}

export type TraceResult =
  | {
      verdict: 'recipient';
      recipientId: string;
      /** Bits read that agree with this recipient's copy, of all bits read. */
      agreeingBits: number;
      evidenceBits: number;
      /** How likely a copy not this recipient's would agree as well, for any recipient. */
      falseMatchChance: number;
      carriers: Carriers;
    }
  | {
      verdict: 'cannot-tell';
      /** no-marks: retyped or cleaned; too-short: too few marks; ambiguous: no copy fits well. */
      reason: 'no-marks' | 'too-short' | 'ambiguous';
      evidenceBits: number;
      carriers: Carriers;
    };

export interface Reading {
  kind: 'h' | 'z' | 's';
  /** What the text holds: a bit (h, s), a symbol 0–3 (z), or null when unreadable. */
  value: number | null;
  /** Each recipient's value at this site, in the map's order. */
  expected: number[];
}

const MIN_EVIDENCE_BITS = 20;
/** A lightly edited excerpt of one copy agrees almost everywhere; a mix of two copies does not. */
const MIN_AGREEMENT = 0.85;
const MAX_FALSE_MATCH = 1e-6;
/** The runner-up must be far from convincing too, or the text may be a blend of two copies. */
const RUNNER_UP_FLOOR = 1e-3;

/** P(X ≥ k) for X ~ Binomial(n, 1/2), in logs so long texts neither overflow nor lose precision. */
export function binomialTail(n: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logFactorial = [0];
  for (let i = 1; i <= n; i++) logFactorial.push(logFactorial[i - 1]! + Math.log(i));
  const logTerm = (i: number) =>
    logFactorial[n]! - logFactorial[i]! - logFactorial[n - i]! - n * Math.LN2;
  const top = logTerm(Math.max(k, Math.ceil(n / 2)));
  let sum = 0;
  for (let i = k; i <= n; i++) sum += Math.exp(logTerm(i) - top);
  return Math.min(1, Math.exp(top + Math.log(sum)));
}

export function decideTrace(readings: Reading[], recipientIds: string[]): TraceResult {
  // A carrier counts only when at least one of its marks is still there: a text with no zero-width
  // character at all was cleaned of them, and its "no mark" says nothing about whose copy it was.
  const carriers: Carriers = {
    zeroWidth: readings.some((r) => r.kind === 'z' && r.value !== null),
    spaces: readings.some((r) => r.kind === 's' && r.value === 1),
    homoglyphs: readings.some((r) => r.kind === 'h' && r.value === 1),
  };
  const live = { z: carriers.zeroWidth, s: carriers.spaces, h: carriers.homoglyphs };
  let evidenceBits = 0;
  const agree = recipientIds.map(() => 0);
  for (const reading of readings) {
    if (!live[reading.kind] || reading.value === null) continue;
    const width = reading.kind === 'z' ? 2 : 1;
    evidenceBits += width;
    reading.expected.forEach((value, r) => {
      for (let k = 0; k < width; k++) {
        if (((value ^ reading.value!) >> k) % 2 === 0) agree[r]! += 1;
      }
    });
  }
  if (!carriers.zeroWidth && !carriers.spaces && !carriers.homoglyphs) {
    return { verdict: 'cannot-tell', reason: 'no-marks', evidenceBits, carriers };
  }
  if (evidenceBits < MIN_EVIDENCE_BITS || recipientIds.length === 0) {
    return { verdict: 'cannot-tell', reason: 'too-short', evidenceBits, carriers };
  }
  const order = agree.map((count, r) => ({ count, r })).sort((a, b) => b.count - a.count);
  const best = order[0]!;
  const runnerUp = order[1];
  const chance = (count: number) =>
    Math.min(1, recipientIds.length * binomialTail(evidenceBits, count));
  const falseMatchChance = chance(best.count);
  if (
    best.count / evidenceBits >= MIN_AGREEMENT &&
    falseMatchChance <= MAX_FALSE_MATCH &&
    (runnerUp === undefined || chance(runnerUp.count) >= RUNNER_UP_FLOOR)
  ) {
    return {
      verdict: 'recipient',
      recipientId: recipientIds[best.r]!,
      agreeingBits: best.count,
      evidenceBits,
      falseMatchChance,
      carriers,
    };
  }
  return { verdict: 'cannot-tell', reason: 'ambiguous', evidenceBits, carriers };
}
