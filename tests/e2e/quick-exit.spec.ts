// Quick exit in the browser host (no windows to hide): the shortcut, pressed with focus in the editor,
// blanks the page at once and locks the vault; a key brings back the lock screen, and so does a reload.
// Settings → Emergency names the shortcut and says what a browser page cannot do.
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';
import { noteItem, writeNote } from './pages/notes';
import { onboard, unlock } from './pages/onboarding';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const SECRET = 'Meeting point: the old bakery, 6 am';

async function vaultWithNote(page: Page): Promise<void> {
  host = await startHostProcess(tempDataDir());
  await page.goto(host.url);
  await onboard(page);
  await writeNote(page, SECRET, 'Tomorrow');
  await expect(page.getByText(SECRET).first()).toBeVisible();
}

test('the quick-exit shortcut blanks the page and locks the vault, even from the editor', async ({
  page,
}) => {
  await vaultWithNote(page);
  await page.getByTestId('note-body').click();
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByTestId('quick-exit-blank')).toBeVisible();
  await expect(page.getByText(SECRET)).toHaveCount(0);
  await expect(page.getByText('Tomorrow')).toHaveCount(0);
  // Nothing readable is left on the page at all.
  expect((await page.locator('body').innerText()).trim()).toBe('');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible();
  await expect(page.getByText(SECRET)).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible();
  // The editor did not take the key press as typing: the note is as it was.
  await unlock(page);
  await noteItem(page, 'Tomorrow').click();
  await expect(page.getByTestId('note-body')).toHaveText(SECRET);
});

test('the vault is locked by the time the page is blank: a reload shows the unlock screen', async ({
  page,
}) => {
  await vaultWithNote(page);
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByTestId('quick-exit-blank')).toBeVisible();
  await expect
    .poll(async () => {
      await page.reload();
      await page.getByTestId('unlock-passphrase').or(page.getByTestId('new-note')).waitFor();
      return page.getByTestId('unlock-passphrase').isVisible();
    })
    .toBe(true);
  await expect(page.getByText(SECRET)).toHaveCount(0);
});

test('Settings → Emergency names the shortcut; screen-capture protection is off and says why', async ({
  page,
}) => {
  host = await startHostProcess(tempDataDir());
  await page.goto(host.url);
  await onboard(page);
  await page.getByTestId('open-settings').click();
  const emergency = page.getByTestId('emergency');
  await expect(emergency.getByTestId('quick-exit-hint').locator('kbd')).toHaveText('Ctrl+Shift+H');
  await expect(emergency.getByTestId('quick-exit-hint').locator('kbd')).toHaveAttribute(
    'lang',
    'en',
  );
  const protection = page.getByTestId('screen-capture-protection');
  await expect(protection).toBeDisabled();
  await expect(protection).not.toBeChecked();
});
