// The documented tables come from a run's JSON: units a reader expects, the peers' columns or the
// baseline's, a case named once for its rows, and a target's verdict.
import { describe, expect, it } from 'vitest';
import { number, scenarioTable, withUnit } from '../../bench/lib/markdown';
import type { Row } from '../../bench/lib/report';

describe('bench Markdown tables', () => {
  it('writes figures with three significant digits and their units', () => {
    expect(number(11552.4)).toBe('11,552');
    expect(number(15.06)).toBe('15.1');
    expect(number(0.454)).toBe('0.45');
    expect(number(null)).toBe('—');
    expect(withUnit(2_335_140, 'B')).toBe('2.34 MB');
    expect(withUnit(6.47, '%')).toBe('6.47 %');
    expect(withUnit(5980, 'count')).toBe('5,980');
    expect(withUnit(37.3, 'ms')).toBe('37.3 ms');
  });

  it("puts each peer's figure and ratio beside Suviaz's, and says whether a target was met", () => {
    const base = { scenario: 'catch-up', case: '10000 updates', unit: 'ms' };
    const rows: Row[] = [
      {
        ...base,
        metric: 'time',
        suviaz: 30,
        baseline: 5,
        peers: { 'y-websocket': 5, hocuspocus: 10 },
        target: 'ratio ≤ 10 (y-websocket)',
        met: true,
      },
      { ...base, metric: 'p99', suviaz: 60, baseline: 5, peers: { 'y-websocket': 5 } },
      { ...base, case: 'local', metric: 'open vs plain Yjs', suviaz: 7, baseline: 7 },
    ];
    const lines = scenarioTable(rows).split('\n');
    expect(lines[0]).toContain('| Hocuspocus |');
    expect(lines[2]).toBe(
      '| 10000 updates | time | 30.0 ms | 5.00 ms | 6.00 | 10.0 ms | 3.00 | ratio ≤ 10 (y-websocket): met |',
    );
    // The case is named once; a missing peer is a dash.
    expect(lines[3]).toBe('|  | p99 | 60.0 ms | 5.00 ms | 12.0 | — | — |  |');
    // A row compared with its own baseline among the peers' rows says so.
    expect(lines[4]).toBe(
      '| local | open vs plain Yjs | 7.00 ms | 7.00 ms (baseline) | 1.00 | — | — |  |',
    );
  });

  it('compares with the baseline where a scenario has no peers, and marks a miss', () => {
    const row: Row = {
      scenario: 'vault',
      case: '10000 notes',
      metric: 'search p50',
      unit: 'ms',
      suviaz: 12,
      baseline: 1,
      target: '≤ 10 ms',
      met: false,
    };
    const lines = scenarioTable([row]).split('\n');
    expect(lines[0]).toBe('| case | metric | Suviaz | baseline | ratio | target |');
    expect(lines[2]).toBe(
      '| 10000 notes | search p50 | 12.0 ms | 1.00 ms | 12.0 | ≤ 10 ms: **missed** |',
    );
  });
});
