// Two people, two browser hosts, one relay: A creates a shared space and adds B by device code; what
// A types appears on B with A's presence; with the relay stopped both show offline, and what was
// typed meanwhile arrives once it is back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, person, startRelay, stopProcesses } from './people';
import { deviceCode } from './pages/settings';
import {
  acceptInvitation,
  addMemberByCode,
  createSpace,
  sharedEditor,
  syncState,
  typeInSharedEditor,
} from './pages/spaces';

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
  await createSpace(alesya, 'Spring campaign');
  await addMemberByCode(alesya, await deviceCode(bogdan), 'editor');
  await expect(alesya.getByTestId('member-item')).toHaveCount(2);

  // Bogdan is invited, not enrolled: he accepts, then opens the space.
  await acceptInvitation(bogdan, 'Spring campaign');
  await expect(sharedEditor(bogdan)).toBeVisible();

  // What Alesya types appears for Bogdan, and Bogdan sees that she is there.
  await typeInSharedEditor(alesya, 'Hello from Alesya');
  await expect(sharedEditor(bogdan)).toHaveValue('Hello from Alesya');
  await expect(bogdan.getByTestId('presence-peer').filter({ hasText: 'Alesya' })).toBeVisible();

  // Bogdan answers on a new line; Alesya sees it.
  await typeInSharedEditor(bogdan, '\nBogdan here', 'End');
  await expect(sharedEditor(alesya)).toHaveValue('Hello from Alesya\nBogdan here');

  // The relay goes away: both show offline, and both keep typing.
  await relay.stop('SIGTERM');
  await expect(syncState(alesya)).toHaveAttribute('data-state', 'offline');
  await expect(syncState(bogdan)).toHaveAttribute('data-state', 'offline');
  await typeInSharedEditor(alesya, 'Offline A. ', 'Control+Home');
  await typeInSharedEditor(bogdan, ' / offline B', 'Control+End');

  // The relay comes back on the same address: everything typed meanwhile arrives on both sides.
  await startRelay(relayDir, port);
  const expected = 'Offline A. Hello from Alesya\nBogdan here / offline B';
  await expect(sharedEditor(alesya)).toHaveValue(expected, { timeout: 45_000 });
  await expect(sharedEditor(bogdan)).toHaveValue(expected, { timeout: 45_000 });
  await expect(syncState(alesya)).toHaveAttribute('data-state', 'connected');
});
