// Disguise mode in the real UI: chosen in Settings, the locked app shows the disguise's name and
// icon in its title, favicon and lock screen and nothing naming the app, also after a restart.
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';
import { onboard, unlock } from './pages/onboarding';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function expectDisguisedAsCalculator(page: Page): Promise<void> {
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calculator');
  expect(await page.title()).toBe('Calculator');
  const icons = page.locator('link[rel="icon"]');
  await expect(icons).toHaveCount(1);
  expect(await icons.getAttribute('href')).toMatch(/calculator\.svg$/);
  expect(await page.locator('body').innerText()).not.toMatch(/suviaz/i);
}

test('a disguise hides the app’s name on the locked screen, before and after a restart', async ({
  page,
  request,
}) => {
  const dataDir = tempDataDir();
  host = await startHostProcess(dataDir);
  await page.goto(host.url);
  await onboard(page);
  expect(await page.title()).toBe('Suviaz');

  await page.getByTestId('open-settings').click();
  await page.getByTestId('disguise-calculator').check();
  await expect(page.getByTestId('disguise-preview')).toHaveText(/Calculator/);
  // The open window follows at once: title and header.
  await expect(page).toHaveTitle('Calculator');
  await page.getByTestId('close-settings').click();
  await expect(page.locator('.app-header .brand')).toHaveText('Calculator');

  await page.getByTestId('lock-button').click();
  await expectDisguisedAsCalculator(page);

  await host.stop();
  host = await startHostProcess(dataDir);
  // The page as the host serves it already wears the disguise, before any script ran.
  const served = await (await request.get(host.url.replace(/#.*$/, ''))).text();
  expect(served).toContain('<title>Calculator</title>');
  expect(served).not.toMatch(/suviaz/i);

  await page.goto(host.url);
  await expectDisguisedAsCalculator(page);

  // Unlocking works as ever, and turning the disguise off brings the app's name back.
  await unlock(page);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('disguise-none').check();
  await expect(page).toHaveTitle('Suviaz');
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/app\.svg$/);
});
