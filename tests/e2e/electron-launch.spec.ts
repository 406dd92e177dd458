// Launches the real Electron app where an Electron binary is installed and checks the hardening the
// browser host cannot show: no Node in the page, and window.suviaz holding exactly the contract.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { METHOD_NAMES } from '../../src-shared/api';

// Playwright reads the fixtures a test wants from a destructured first argument; this one wants none.
// eslint-disable-next-line no-empty-pattern
test('the Electron app starts sandboxed with only the API contract exposed', async ({}, testInfo) => {
  const binary = findElectronBinary();
  const why =
    'No Electron binary is installed here (it cannot be downloaded on this machine); the browser-host tests cover the UI.';
  if (binary === null) console.log(`Skipping the Electron launch test: ${why}`);
  testInfo.skip(binary === null, why);
  const configHome = mkdtempSync(join(tmpdir(), 'suviaz-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? '',
    args: ['.', '--no-sandbox'],
    env: { ...process.env, XDG_CONFIG_HOME: configHome },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('create-passphrase')).toBeVisible();
    // Runs in the page: its globals are typed here as plain records.
    const exposed = await page.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown> & {
        suviaz: object;
        location: { origin: string };
      };
      return {
        keys: Object.keys(page.suviaz).sort(),
        hasRequire: typeof page.require !== 'undefined',
        hasProcess: typeof page.process !== 'undefined',
        origin: page.location.origin,
      };
    });
    expect(exposed.keys).toEqual([...METHOD_NAMES, 'on'].sort());
    expect(exposed.hasRequire).toBe(false);
    expect(exposed.hasProcess).toBe(false);
    expect(exposed.origin).toBe('app://suviaz');
  } finally {
    await app.close();
  }
});
