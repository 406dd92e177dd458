// The bench removes the vaults and relay stores it made once a scenario is over (a full run makes
// gigabytes of them), and nothing it did not make.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../bench/lib/suviaz-client';

const others: string[] = [];
afterEach(() => {
  for (const dir of others.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the bench's temporary directories", () => {
  it('are removed with their contents, and only they', () => {
    const made = [tempDir('test-a'), tempDir('test-b')];
    writeFileSync(path.join(made[0] as string, 'relay.db'), 'stored bytes');
    const notMine = mkdtempSync(path.join(tmpdir(), 'suviaz-bench-not-made-by-tempDir-'));
    others.push(notMine);
    removeTempDirs();
    expect(made.map((dir) => existsSync(dir))).toEqual([false, false]);
    expect(existsSync(notMine)).toBe(true);
    // Once removed, they are forgotten: a second call has nothing left to do.
    expect(() => removeTempDirs()).not.toThrow();
  });
});
