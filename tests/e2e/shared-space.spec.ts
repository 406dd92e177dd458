// Two people, two browser hosts, one relay: A creates a shared space and adds B by device code; what
// A types appears on B with A's presence; with the relay stopped both show offline, and what was
// typed meanwhile arrives once it is back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { deviceCode, freePort, person, startRelay, stopProcesses } from './people';

test.afterEach(stopProcesses);

test('two people co-edit a shared document through the relay, offline and back', async ({
  browser,
}) => {
  const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-e2e-relay-'));
  const port = await freePort();
  const relay = await startRelay(relayDir, port);
  const alesya = await person(browser, 'Alesya', relay.url);
  const bogdan = await person(browser, 'Bogdan', relay.url);

  // Alesya creates a space and adds Bogdan's device as an editor.
  await alesya.getByTestId('new-space').click();
  await alesya.getByTestId('space-name-input').fill('Spring campaign');
  await alesya.getByTestId('create-space-submit').click();
  await alesya.getByTestId('space-item').filter({ hasText: 'Spring campaign' }).click();
  await expect(alesya.getByTestId('sync-state')).toHaveAttribute('data-state', 'connected');
  await alesya.getByTestId('add-member').click();
  await alesya.getByTestId('member-device-code').fill(await deviceCode(bogdan));
  await alesya.getByTestId('member-role').selectOption('editor');
  await alesya.getByTestId('add-member-submit').click();
  await expect(alesya.getByTestId('member-item')).toHaveCount(2);

  // Bogdan is invited, not enrolled: he accepts, then opens the space.
  const invitation = bogdan.getByTestId('invitation-item').filter({ hasText: 'Spring campaign' });
  await invitation.getByTestId('invitation-accept').click();
  await expect(bogdan.getByTestId('invitation-item')).toHaveCount(0);
  await bogdan
    .getByTestId('space-item')
    .filter({ hasText: 'Spring campaign' })
    .and(bogdan.locator('[data-status="active"]'))
    .click();
  await expect(bogdan.getByTestId('shared-editor')).toBeVisible();

  // What Alesya types appears for Bogdan, and Bogdan sees that she is there.
  await alesya.getByTestId('shared-editor').click();
  await alesya.keyboard.type('Hello from Alesya');
  await expect(bogdan.getByTestId('shared-editor')).toHaveValue('Hello from Alesya');
  await expect(bogdan.getByTestId('presence-peer').filter({ hasText: 'Alesya' })).toBeVisible();

  // Bogdan answers on a new line; Alesya sees it.
  await bogdan.getByTestId('shared-editor').click();
  await bogdan.keyboard.press('End');
  await bogdan.keyboard.type('\nBogdan here');
  await expect(alesya.getByTestId('shared-editor')).toHaveValue('Hello from Alesya\nBogdan here');

  // The relay goes away: both show offline, and both keep typing.
  await relay.stop('SIGTERM');
  await expect(alesya.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline');
  await expect(bogdan.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline');
  await alesya.getByTestId('shared-editor').press('Control+Home');
  await alesya.keyboard.type('Offline A. ');
  await bogdan.getByTestId('shared-editor').press('Control+End');
  await bogdan.keyboard.type(' / offline B');

  // The relay comes back on the same address: everything typed meanwhile arrives on both sides.
  await startRelay(relayDir, port);
  const expected = 'Offline A. Hello from Alesya\nBogdan here / offline B';
  await expect(alesya.getByTestId('shared-editor')).toHaveValue(expected, { timeout: 45_000 });
  await expect(bogdan.getByTestId('shared-editor')).toHaveValue(expected, { timeout: 45_000 });
  await expect(alesya.getByTestId('sync-state')).toHaveAttribute('data-state', 'connected');
});
