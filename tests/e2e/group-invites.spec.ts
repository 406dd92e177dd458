// Two people, two browser hosts, one relay, the whole group story a coalition lives through: A
// creates a space and an invite; B joins with the link; each sees the other by name and can check
// the other's safety number; A removes B; B's app says so and stops letting B edit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, person, startRelay, stopProcesses } from './people';
import { mySafetyNumber } from './pages/settings';
import {
  closeDialog,
  createInvite,
  createSpace,
  joinSpace,
  memberRow,
  sharedEditor,
  syncState,
  typeInSharedEditor,
} from './pages/spaces';

test.afterEach(stopProcesses);

test('invite by link, join, verify each other, remove', async ({ browser }) => {
  const relay = await startRelay(
    mkdtempSync(join(tmpdir(), 'suviaz-e2e-relay-')),
    await freePort(),
  );
  const alesya = await person(browser, 'Alesya', relay.url);
  const bogdan = await person(browser, 'Bogdan', relay.url);

  // Alesya creates a space and an invite; the dialog shows a QR code and the link.
  await createSpace(alesya, 'Exile coalition');
  const link = await createInvite(alesya, 'editor');
  await expect(alesya.getByTestId('invite-qr')).toBeVisible();
  await closeDialog(alesya);
  await expect(alesya.getByTestId('invite-item')).toHaveCount(1);

  // Bogdan pastes the link and is in.
  await joinSpace(bogdan, link, 'Exile coalition');
  await expect(sharedEditor(bogdan)).toBeVisible();
  await expect(alesya.getByTestId('invite-item')).toHaveCount(0);

  // Both write, so each one's name reaches the other through encrypted presence.
  await typeInSharedEditor(bogdan, 'Bogdan joined');
  // Alesya answers after the line reached her (typed at once, the two would interleave).
  await expect(sharedEditor(alesya)).toHaveValue('Bogdan joined');
  await typeInSharedEditor(alesya, '. Welcome!', 'End');
  await expect(sharedEditor(bogdan)).toHaveValue('Bogdan joined. Welcome!');
  await expect(memberRow(alesya, 'Bogdan')).toHaveCount(1);
  await expect(memberRow(bogdan, 'Alesya')).toHaveCount(1);

  // Alesya checks Bogdan's safety number against the one Bogdan's app shows for his device.
  const digits = (text: string) => text.replace(/\D/g, '');
  const bogdansOwn = digits(await mySafetyNumber(bogdan));
  await memberRow(alesya, 'Bogdan').getByTestId('member-verify').click();
  await expect(alesya.getByTestId('verify-dialog')).toBeVisible();
  expect(digits(await alesya.getByTestId('verify-number').innerText())).toBe(bogdansOwn);
  expect(bogdansOwn).toHaveLength(60);
  await alesya.getByTestId('verify-mark').click();
  await closeDialog(alesya);
  await expect(memberRow(alesya, 'Bogdan').getByTestId('member-verified-badge')).toBeVisible();

  // Alesya removes Bogdan; his app says so and his copy turns read-only.
  await memberRow(alesya, 'Bogdan').getByTestId('member-remove').click();
  await alesya.getByTestId('confirm-action').click();
  await expect(alesya.getByTestId('member-item')).toHaveCount(1);
  await expect(bogdan.getByTestId('space-removed-banner')).toBeVisible();
  await expect(sharedEditor(bogdan)).toHaveAttribute('readonly', '');
  await expect(sharedEditor(bogdan)).toHaveValue('Bogdan joined. Welcome!');

  // What Alesya writes now never reaches him.
  await typeInSharedEditor(alesya, ' Next steps after the removal.', 'End');
  await expect(syncState(alesya)).toHaveAttribute('data-state', 'connected');
  await bogdan.waitForTimeout(500);
  await expect(sharedEditor(bogdan)).toHaveValue('Bogdan joined. Welcome!');
});
