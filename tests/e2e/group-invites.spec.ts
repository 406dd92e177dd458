// Two people, two browser hosts, one relay, the whole group story a coalition lives through: A
// creates a space and an invite; B joins with the link; each sees the other by name and can check
// the other's safety number; A removes B; B's app says so and stops letting B edit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort, person, startRelay, stopProcesses } from './people';

test.afterEach(stopProcesses);

const memberRow = (page: Page, name: string) =>
  page.getByTestId('member-item').filter({ has: page.getByTestId('member-name').getByText(name) });

test('invite by link, join, verify each other, remove', async ({ browser }) => {
  const relay = await startRelay(
    mkdtempSync(join(tmpdir(), 'suviaz-e2e-relay-')),
    await freePort(),
  );
  const alesya = await person(browser, 'Alesya', relay.url);
  const bogdan = await person(browser, 'Bogdan', relay.url);

  // Alesya creates a space and an invite; the dialog shows a QR code and the link.
  await alesya.getByTestId('new-space').click();
  await alesya.getByTestId('space-name-input').fill('Exile coalition');
  await alesya.getByTestId('create-space-submit').click();
  await alesya.getByTestId('space-item').filter({ hasText: 'Exile coalition' }).click();
  await expect(alesya.getByTestId('sync-state')).toHaveAttribute('data-state', 'connected');
  await alesya.getByTestId('invite-create-open').click();
  await alesya.getByTestId('invite-role').selectOption('editor');
  await alesya.getByTestId('invite-create').click();
  await expect(alesya.getByTestId('invite-link')).toHaveValue(/^suviaz:\/\/join#/);
  await expect(alesya.getByTestId('invite-qr')).toBeVisible();
  const link = await alesya.getByTestId('invite-link').inputValue();
  await alesya.keyboard.press('Escape');
  await expect(alesya.getByTestId('invite-item')).toHaveCount(1);

  // Bogdan pastes the link and is in.
  await bogdan.getByTestId('join-open').click();
  await bogdan.getByTestId('join-link').fill(link);
  await bogdan.getByTestId('join-submit').click();
  await bogdan.getByTestId('space-item').filter({ hasText: 'Exile coalition' }).click();
  await expect(bogdan.getByTestId('shared-editor')).toBeVisible();
  await expect(alesya.getByTestId('invite-item')).toHaveCount(0);

  // Both write, so each one's name reaches the other through encrypted presence.
  await bogdan.getByTestId('shared-editor').click();
  await bogdan.keyboard.type('Bogdan joined');
  // Alesya answers after the line reached her (typed at once, the two would interleave).
  await expect(alesya.getByTestId('shared-editor')).toHaveValue('Bogdan joined');
  await alesya.getByTestId('shared-editor').click();
  await alesya.keyboard.press('End');
  await alesya.keyboard.type('. Welcome!');
  await expect(bogdan.getByTestId('shared-editor')).toHaveValue('Bogdan joined. Welcome!');
  await expect(memberRow(alesya, 'Bogdan')).toHaveCount(1);
  await expect(memberRow(bogdan, 'Alesya')).toHaveCount(1);

  // Alesya checks Bogdan's safety number against the one Bogdan's app shows for his device.
  const digits = (text: string) => text.replace(/\D/g, '');
  await bogdan.getByTestId('open-settings').click();
  await expect(bogdan.getByTestId('my-safety-number')).toContainText(/\d{5}/);
  const bogdansOwn = digits(await bogdan.getByTestId('my-safety-number').innerText());
  await bogdan.getByTestId('close-settings').click();
  await memberRow(alesya, 'Bogdan').getByTestId('member-verify').click();
  await expect(alesya.getByTestId('verify-dialog')).toBeVisible();
  expect(digits(await alesya.getByTestId('verify-number').innerText())).toBe(bogdansOwn);
  expect(bogdansOwn).toHaveLength(60);
  await alesya.getByTestId('verify-mark').click();
  await alesya.keyboard.press('Escape');
  await expect(memberRow(alesya, 'Bogdan').getByTestId('member-verified-badge')).toBeVisible();

  // Alesya removes Bogdan; his app says so and his copy turns read-only.
  await memberRow(alesya, 'Bogdan').getByTestId('member-remove').click();
  await alesya.getByTestId('confirm-action').click();
  await expect(alesya.getByTestId('member-item')).toHaveCount(1);
  await expect(bogdan.getByTestId('space-removed-banner')).toBeVisible();
  await expect(bogdan.getByTestId('shared-editor')).toHaveAttribute('readonly', '');
  await expect(bogdan.getByTestId('shared-editor')).toHaveValue('Bogdan joined. Welcome!');

  // What Alesya writes now never reaches him.
  await alesya.getByTestId('shared-editor').click();
  await alesya.keyboard.press('End');
  await alesya.keyboard.type(' Next steps after the removal.');
  await expect(alesya.getByTestId('sync-state')).toHaveAttribute('data-state', 'connected');
  await bogdan.waitForTimeout(500);
  await expect(bogdan.getByTestId('shared-editor')).toHaveValue('Bogdan joined. Welcome!');
});
