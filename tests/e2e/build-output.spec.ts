// The Electron bundles cannot be launched on machines without an Electron binary, so check here what
// can be checked without one: each bundle parses, and the preload is CommonJS (a sandboxed preload
// cannot be an ES module).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const MAIN = 'out/main/index.js';
const PRELOAD = 'out/preload/index.cjs';

test('the built main and preload bundles parse and the preload is CommonJS', () => {
  for (const file of [MAIN, PRELOAD]) {
    const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    expect(check.stderr, file).toBe('');
    expect(check.status, file).toBe(0);
  }
  const preload = readFileSync(PRELOAD, 'utf8');
  expect(preload).toContain('require("electron")');
  expect(preload).not.toMatch(/^\s*import\s/m);
});
