// Series a hostile file or member can make costly: a rule the expansion cannot move next to the range
// (BYWEEKNO, a COUNT on a monthly rule) begun centuries back, or changed occurrences keyed far in the
// future and moved into the view. Each once held main for minutes per view; now the expansion stops,
// shows the series as a one-off and says why, and one request's budget is shared by all its series.
import { describe, expect, it } from 'vitest';
import { overridesToShare } from '../../src-main/core/calendar/series-share';
import type { CalendarEvent } from '../../src-shared/calendar/event-model';
import {
  checkEventTiming,
  expandEvent,
  type ExpandableEvent,
  type TimingProblem,
} from '../../src-shared/calendar/recurrence';
import { buildRule, parseRuleParts } from '../../src-shared/calendar/recurrence-rule';
import {
  AUTHOR_RULES_MS,
  REQUEST_RULES_MS,
  RULE_MARK_STEPS,
  rulesBudget,
  walk,
  type RulesBudget,
} from '../../src-shared/calendar/rule-walk';

const utc = (iso: string): number => Date.parse(`${iso}Z`);
const DECEMBER = [utc('2026-12-01T00:00'), utc('2027-01-01T00:00')] as const;
const range = (n: number): string => Array.from({ length: n }, (_, i) => i + 1).join(',');

function series(over: Partial<ExpandableEvent>): ExpandableEvent {
  return {
    id: 'c'.repeat(32),
    allDay: false,
    start: '2026-03-16T10:00',
    end: '2026-03-16T11:00',
    tz: 'UTC',
    rrule: 'FREQ=WEEKLY',
    exdates: [],
    overrides: {},
    ...over,
  };
}

function expand(e: ExpandableEvent, spending?: { budget: RulesBudget; author: string }) {
  const problems: TimingProblem[] = [];
  const out = expandEvent(e, ...DECEMBER, 'UTC', (p) => problems.push(p), spending);
  return { starts: out.map((o) => new Date(o.startMs).toISOString().slice(0, 16)), problems };
}

describe('a series too costly to expand', () => {
  it('begun in the year 1000 with a rule walked from its start, shows once and says why', () => {
    const hostile = series({
      start: '1000-01-06T00:00',
      end: '1000-01-06T00:30',
      rrule: `FREQ=YEARLY;BYWEEKNO=${range(53)};BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=${range(23)};BYMINUTE=${range(59)}`,
    });
    // Nothing refuses it before it is saved: only its expansion shows the cost.
    expect(checkEventTiming(hostile)).toBeNull();
    for (let view = 0; view < 2; view++) {
      // Its one-off start is centuries before December, so nothing shows.
      expect(expand(hostile)).toEqual({ starts: [], problems: ['rule-too-costly'] });
    }
  });

  it('with changed occurrences keyed a millennium ahead and moved into the view, likewise', () => {
    const overrides: ExpandableEvent['overrides'] = {};
    for (let i = 0; i < 1000; i++) {
      const year = 2998 + (i % 2);
      const month = String(1 + (Math.floor(i / 2) % 12)).padStart(2, '0');
      overrides[`${year}-${month}-06T10:00`] = {
        start: '2026-12-10T10:00',
        end: '2026-12-10T11:00',
      };
    }
    const hostile = series({
      start: '1800-01-06T10:00',
      end: '1800-01-06T11:00',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=6;COUNT=999999',
      overrides,
    });
    expect(checkEventTiming(hostile)).toBeNull();
    expect(expand(hostile)).toEqual({ starts: [], problems: ['rule-too-costly'] });
    // Sharing it checks each changed occurrence against the rule: a clear refusal, not minutes.
    const asStored: CalendarEvent = {
      ...hostile,
      title: 'Vigil',
      description: '',
      location: '',
      orgId: null,
      visibility: 'coalition',
      createdBy: 'a'.repeat(64),
      updatedAt: 0,
    };
    expect(() => overridesToShare(asStored, utc('2026-12-01T00:00'))).toThrow(
      expect.objectContaining({ code: 'share-too-large' }),
    );
  });
});

describe('a series that walks far to reach the range', () => {
  const far = series({
    start: '1900-01-06T10:00',
    end: '1900-01-06T11:00',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=6;COUNT=999999',
  });

  it('is counted by its steps, the same on any machine', () => {
    const [lo, hi] = DECEMBER;
    const rule = buildRule(parseRuleParts(far.rrule ?? '')!, utc(far.start), null, lo);
    const seen: number[] = [];
    const walked = walk(rule!, lo, hi, Infinity, (keyF) => seen.push(keyF) > 0);
    // January 1900 to November 2026, monthly: 1,523 occurrences before December.
    expect(walked).toEqual({ finished: true, skipped: 1523 });
    expect(seen.map((ms) => new Date(ms).toISOString())).toEqual(['2026-12-06T10:00:00.000Z']);
    expect(walked.skipped).toBeGreaterThan(RULE_MARK_STEPS);
  });

  it('is shown as a one-off after its first expansion, however long that took', () => {
    // The first expansion finishes (and is marked by its steps) or is stopped by its own limit on
    // a slow machine (and is marked for that): either way the series is marked.
    expand(far);
    expect(expand(far)).toEqual({ starts: [], problems: ['rule-too-costly'] });
  });
});

describe("a request's budget for all its series", () => {
  const weekly = series({ start: '2026-12-01T10:00', end: '2026-12-01T11:00' });
  const WEEKLY_STARTS = [
    '2026-12-01T10:00',
    '2026-12-08T10:00',
    '2026-12-15T10:00',
    '2026-12-22T10:00',
    '2026-12-29T10:00',
  ];

  it('once spent, shows the remaining series once, says the result is cut, and marks none', () => {
    const budget = { ...rulesBudget(), spentMs: REQUEST_RULES_MS };
    expect(expand(weekly, { budget, author: 'ana' })).toEqual({
      starts: ['2026-12-01T10:00'],
      problems: ['rule-too-costly'],
    });
    expect(budget.cut).toBe(true);
    expect(expand(weekly)).toEqual({ starts: WEEKLY_STARTS, problems: [] });
  });

  it("is shared by author, so one member's costly series leave the others theirs", () => {
    const budget = rulesBudget();
    budget.byAuthor.set('mallory', AUTHOR_RULES_MS);
    budget.spentMs = AUTHOR_RULES_MS;
    expect(expand(weekly, { budget, author: 'mallory' }).starts).toEqual(['2026-12-01T10:00']);
    expect(expand(weekly, { budget, author: 'ana' })).toEqual({
      starts: WEEKLY_STARTS,
      problems: [],
    });
  });
});
