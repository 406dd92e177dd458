// Test runs keep their temporary directories in one directory of their own and remove it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRunTmpdir } from '../support/run-tmpdir';

describe('the run temporary directory', () => {
  it('is where this run puts what it makes under os.tmpdir()', () => {
    expect(basename(tmpdir())).toMatch(/^suviaz-vitest-run-/);
    expect(process.env.TMPDIR).toBe(tmpdir());
  });

  it('moves os.tmpdir() into a fresh directory and removes it with what was made there', () => {
    const outer = tmpdir();
    const teardown = useRunTmpdir('nested');
    const inner = tmpdir();
    try {
      expect(inner.startsWith(join(outer, 'suviaz-nested-'))).toBe(true);
      mkdirSync(join(inner, 'vault'));
      writeFileSync(join(inner, 'vault', 'suviaz.db'), 'ciphertext');
    } finally {
      teardown();
    }
    expect(existsSync(inner)).toBe(false);
    expect(tmpdir()).toBe(outer);
  });
});
