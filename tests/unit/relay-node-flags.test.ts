// The node flags the relay runs with are written once, in package.json's `relay` script: the bench
// starts its relay with them (so it measures what `npm run relay` runs) and the deployment unit of
// docs/deploy repeats them, which this test holds to the script.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relayNodeFlags } from '../support/relay-node-flags';

/** The words of the unit's ExecStart between the node binary and `--import`. */
function unitNodeFlags(): string[] {
  const unit = readFileSync('docs/deploy/suviaz-relay@.service', 'utf8');
  const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
  const words = execStart.trim().split(/\s+/);
  return words.slice(1, words.indexOf('--import'));
}

describe("the relay's node flags", () => {
  it('are the same in the deployment unit as in npm run relay, which the bench uses', () => {
    expect(unitNodeFlags()).toEqual(relayNodeFlags());
    expect(relayNodeFlags().every((flag) => flag.startsWith('--'))).toBe(true);
  });

  it('are refused, with a message, from a relay script of another shape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suviaz-flags-'));
    const file = join(dir, 'package.json');
    writeFileSync(file, JSON.stringify({ scripts: { relay: 'tsx server/main.ts' } }));
    expect(() => relayNodeFlags(file)).toThrow(/relay script/);
    writeFileSync(file, JSON.stringify({ scripts: { relay: 'node --a --b --import tsx x.ts' } }));
    expect(relayNodeFlags(file)).toEqual(['--a', '--b']);
  });
});
