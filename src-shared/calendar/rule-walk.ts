// Walking a recurrence rule under a time limit, and what one request may spend on rules. A rule that
// skipAhead (recurrence-rule.ts) cannot move next to the range is walked from its start, which a
// hostile file or member can put centuries back; these bounds keep such a series from holding main.
import type { RRuleInstance } from './recurrence-rule';

/** No expansion of one series runs past this. */
export const RULE_LIMIT_MS = 50;
/**
 * A series whose walk passes this many occurrences before the range is shown as a one-off from then
 * on: a normal series passes none (skipAhead) or a few. Counted, not timed, so a pause of the
 * process (garbage collection, a laptop's sleep) never marks one, and every device marks the same.
 */
export const RULE_MARK_STEPS = 256;
/** What one request (a view, a reminder pass) may spend on all its series, and on one author's. */
export const REQUEST_RULES_MS = 1000;
export const AUTHOR_RULES_MS = 250;

/**
 * Time spent walking rules during one request, in all and by author (the device that made each
 * series), so that one member's costly series cannot use up what the others' need. `cut` records
 * that a series was shown as a one-off because this budget ran out: the result is incomplete.
 */
export interface RulesBudget {
  spentMs: number;
  readonly byAuthor: Map<string, number>;
  cut: boolean;
}

export const rulesBudget = (): RulesBudget => ({ spentMs: 0, byAuthor: new Map(), cut: false });

/** What one series may take: the request's and its author's remainder, at most RULE_LIMIT_MS. */
export function allowance(budget: RulesBudget | undefined, author: string): number {
  if (!budget) return RULE_LIMIT_MS;
  const left = Math.min(
    REQUEST_RULES_MS - budget.spentMs,
    AUTHOR_RULES_MS - (budget.byAuthor.get(author) ?? 0),
  );
  return Math.max(0, Math.min(RULE_LIMIT_MS, left));
}

export function charge(budget: RulesBudget | undefined, author: string, ms: number): void {
  if (!budget) return;
  budget.spentMs += ms;
  budget.byAuthor.set(author, (budget.byAuthor.get(author) ?? 0) + ms);
}

export interface Walked {
  /** False if the deadline stopped the walk. */
  finished: boolean;
  /** Occurrences passed before loF. */
  skipped: number;
}

/**
 * The rule's occurrences in [loF, hiF] in order, each visited until `visit` returns false. Through
 * all(), not between(): all() comes back here at every occurrence from DTSTART on, so the walk up
 * to the range that between() does unseen can be stopped at the deadline, and counted.
 */
export function walk(
  rule: RRuleInstance,
  loF: number,
  hiF: number,
  deadline: number,
  visit: (keyF: number) => boolean,
): Walked {
  let finished = true;
  let skipped = 0;
  rule.all((d) => {
    const keyF = d.getTime();
    if (keyF >= loF) return keyF <= hiF && visit(keyF);
    // Only the way to the range is timed: within it the work is bounded by the range and the
    // caller's cap, and a slow machine must not lose occurrences it can show.
    if (Date.now() > deadline) {
      finished = false;
      return false;
    }
    skipped++;
    return true;
  });
  return { finished, skipped };
}
