// The first-run journey through the real UI, the real host process and the real encrypted vault:
// create → write → search → lock → wrong passphrase → unlock → restart → and nothing readable on disk.
import { expect, test } from '@playwright/test';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';
import { noteItem, writeNote } from './pages/notes';
import { choosePassphrase, onboard as createVault, PASSPHRASE, unlock } from './pages/onboarding';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('create a vault, write a note, lock, unlock, restart: the note survives and never touches disk in plaintext', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  const canary = uniqueCanary('canary');
  host = await startHostProcess(dataDir);
  await page.goto(host.url);

  // Onboarding refuses a weak passphrase, then accepts a strong one.
  await choosePassphrase(page, 'password123');
  await expect(page.getByTestId('create-vault')).toBeDisabled();
  await expect(page.getByTestId('strength-meter')).toBeVisible();
  await createVault(page);

  // Write a note with the canary and Cyrillic text.
  await writeNote(page, `Meeting notes ${canary}\nДругая строка: МЕНСК`, 'Маршрут на МЕНСК');

  // Full-text search finds it by the canary and, regardless of case, by "менск".
  await page.getByTestId('note-search').fill(canary);
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await page.getByTestId('note-search').fill('менск');
  await expect(page.getByTestId('search-result').first()).toContainText('МЕНСК');
  await page.getByTestId('note-search').fill('');

  // Lock; a wrong passphrase is refused with a clear message; the right one opens the note again.
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible();
  await expect(page.getByText(canary)).toHaveCount(0);
  await unlock(page, 'not the passphrase at all 42');
  await expect(page.getByTestId('unlock-error')).toBeVisible({ timeout: 30_000 });
  await unlock(page, PASSPHRASE);
  await noteItem(page).click();
  await expect(page.getByTestId('note-body')).toContainText(canary);

  // Stop and restart the host process: the note is still there after unlocking.
  await host.stop();
  host = await startHostProcess(dataDir);
  await page.goto(host.url);
  await unlock(page, PASSPHRASE);
  await noteItem(page).click();
  await expect(page.getByTestId('note-title')).toHaveValue('Маршрут на МЕНСК');
  await expect(page.getByTestId('note-body')).toContainText(canary);
  await host.stop();
  host = undefined;

  // Whoever seizes the disk finds neither the canary nor the Cyrillic title in any file.
  expect(filesContaining(dataDir, canary)).toEqual([]);
  expect(filesContaining(dataDir, 'Маршрут на МЕНСК')).toEqual([]);
});

test('the lock shortcut locks, and text typed just before locking is kept', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHostProcess(dataDir);
  await page.goto(host.url);
  await createVault(page);

  await page.getByTestId('new-note').click();
  await page.getByTestId('note-body').click();
  await page.keyboard.type('typed right before the lock');
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible();
  await unlock(page, PASSPHRASE);
  await noteItem(page).click();
  await expect(page.getByTestId('note-body')).toHaveText('typed right before the lock');
});

test('a note keeps its headings and checklists, and search finds their text', async ({ page }) => {
  host = await startHostProcess(tempDataDir());
  await page.goto(host.url);
  await createVault(page);

  await page.getByTestId('new-note').click();
  await page.getByTestId('note-body').click();
  await page.getByTestId('note-tool-heading-1').click();
  await page.keyboard.type('Загаловак плана');
  await page.keyboard.press('Enter');
  await page.getByTestId('note-tool-task-list').click();
  await page.keyboard.type('Зрабіць у МЕНСКУ');
  await expect(page.getByTestId('note-tool-task-list')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  await page.getByTestId('note-search').fill('менск');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await page.getByTestId('note-search').fill('');

  await page.keyboard.press('Control+l');
  await unlock(page, PASSPHRASE);
  await noteItem(page).click();
  const body = page.getByTestId('note-body');
  await expect(body.locator('h1')).toHaveText('Загаловак плана');
  await expect(body.locator('ul[data-type="taskList"] li p')).toHaveText('Зрабіць у МЕНСКУ');
});

test('the browser host refuses a page without the token and a foreign origin', async ({
  page,
  request,
}) => {
  host = await startHostProcess(tempDataDir());
  const origin = new URL(host.url).origin;
  // A page of the right origin but without this run's token cannot open the API socket.
  await page.goto(`${origin}/`);
  const refused = await page.evaluate(
    async (wsUrl) => {
      return await new Promise<boolean>((resolve) => {
        const ws = new WebSocket(wsUrl);
        ws.onopen = () => resolve(false);
        ws.onerror = () => resolve(true);
      });
    },
    `${origin.replace('http', 'ws')}/api?token=${'0'.repeat(64)}`,
  );
  expect(refused).toBe(true);
  // A request that names another host (DNS rebinding) gets nothing.
  const rebound = await request.get(`${origin}/`, { headers: { Host: 'evil.example:80' } });
  expect(rebound.status()).toBe(421);
  // The page itself is served with the strict CSP.
  const index = await request.get(`${origin}/`);
  expect(index.headers()['content-security-policy']).toContain("script-src 'self'");
});

test('a saved note survives kill -9 of the host', async ({ page }) => {
  const dataDir = tempDataDir();
  host = await startHostProcess(dataDir);
  await page.goto(host.url);
  await createVault(page);

  await writeNote(page, 'acknowledged before the crash');
  await host.kill();

  host = await startHostProcess(dataDir);
  await page.goto(host.url);
  await unlock(page, PASSPHRASE);
  await noteItem(page).click();
  await expect(page.getByTestId('note-body')).toHaveText('acknowledged before the crash');
});

test('typing right after "New note" goes into the new note, never over the previous one', async ({
  page,
}) => {
  host = await startHostProcess(tempDataDir());
  await page.goto(host.url);
  await createVault(page);
  await writeNote(page, 'first body', 'First plan');
  await writeNote(page, 'second body', 'Second plan');

  await expect(page.getByTestId('note-item')).toHaveCount(2);
  await noteItem(page, 'First plan').click();
  await expect(page.getByTestId('note-body')).toHaveText('first body');
  await noteItem(page, 'Second plan').click();
  await expect(page.getByTestId('note-body')).toHaveText('second body');
});
