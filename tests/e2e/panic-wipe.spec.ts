// Panic wipe in the real UI: the shortcut erases an open vault at once from the notes screen, the
// lock screen's button erases a locked one after one question, and each time the app is left
// showing only its empty first screen, with no vault file in its folder.
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';
import { writeNote } from './pages/notes';
import { onboard } from './pages/onboarding';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const vaultFiles = (dir: string): string[] =>
  readdirSync(dir).filter((f) => f.startsWith('suviaz'));

async function vaultWithNote(page: Page): Promise<string> {
  const dataDir = tempDataDir();
  host = await startHostProcess(dataDir);
  await page.goto(host.url);
  await onboard(page);
  await writeNote(page, 'Lawyer: +375 29 000 00 00', 'Contacts');
  expect(vaultFiles(dataDir).length).toBeGreaterThan(0);
  return dataDir;
}

test('the panic shortcut erases the open vault at once, even with focus in the editor', async ({
  page,
}) => {
  const dataDir = await vaultWithNote(page);
  await page.keyboard.press('Control+Alt+Shift+Backspace');
  await expect(page.getByTestId('create-passphrase')).toBeVisible();
  await expect(page.getByText('Contacts')).toHaveCount(0);
  expect(vaultFiles(dataDir)).toEqual([]);
});

test('the lock screen erases a locked vault after one question', async ({ page }) => {
  const dataDir = await vaultWithNote(page);
  await page.getByTestId('lock-button').click();
  await page.getByTestId('erase-vault').click();
  await page.getByTestId('confirm-action').click();
  await expect(page.getByTestId('create-passphrase')).toBeVisible();
  expect(vaultFiles(dataDir)).toEqual([]);
});
