// The duress passphrase in the real UI: set it in Settings (destroying the real vault when used),
// prepare the decoy's notes from there, lock, and unlock with it as someone forced to would: the
// decoy's notes show, the real ones do not, and the real passphrase opens nothing any more.
import { expect, test } from '@playwright/test';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';
import { noteItem, writeNote } from './pages/notes';
import { PASSPHRASE, onboard, unlock } from './pages/onboarding';

const DURESS = 'meadow kettle saffron 2046 lighthouse';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a duress unlock opens the prepared decoy and destroys the real vault', async ({ page }) => {
  host = await startHostProcess(tempDataDir());
  await page.goto(host.url);
  await onboard(page);
  await writeNote(page, 'Lawyer: +375 29 000 00 00', 'Contacts');

  await page.getByTestId('open-settings').click();
  const duress = page.getByTestId('duress');
  await duress.getByTestId('duress-open-set').click();
  await duress.getByTestId('duress-passphrase').fill(DURESS);
  await duress.getByTestId('duress-passphrase-confirm').fill(DURESS);
  await duress.getByTestId('duress-destroys').check();
  await duress.getByTestId('duress-set').click();
  await expect(duress.getByTestId('duress-open-prepare')).toBeVisible({ timeout: 30_000 });

  // Prepare the decoy: this vault locks and the empty decoy opens in its place.
  await duress.getByTestId('duress-open-prepare').click();
  await duress.getByTestId('duress-prepare-passphrase').fill(DURESS);
  await duress.getByTestId('duress-prepare-submit').click();
  await expect(page.getByTestId('new-note')).toBeVisible({ timeout: 30_000 });
  await expect(noteItem(page, 'Contacts')).toHaveCount(0);
  await writeNote(page, 'Milk, bread, apples', 'Shopping');
  await page.getByTestId('lock-button').click();

  // Under duress: the lock screen as always, the duress passphrase, the decoy.
  await unlock(page, DURESS);
  await expect(noteItem(page, 'Shopping')).toBeVisible({ timeout: 30_000 });
  await expect(noteItem(page, 'Contacts')).toHaveCount(0);
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('duress-state')).toBeVisible();
  await expect(page.getByTestId('duress-open-prepare')).toHaveCount(0);
  await page.getByTestId('close-settings').click();
  await page.getByTestId('lock-button').click();

  await unlock(page, PASSPHRASE);
  await expect(page.getByTestId('unlock-error')).toBeVisible({ timeout: 30_000 });
});
