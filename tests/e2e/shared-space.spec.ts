// Two people, two browser hosts, one relay: A creates a shared space and adds B by device code; what
// A types appears on B with A's presence; with the relay stopped both show offline, and what was
// typed meanwhile arrives once it is back.
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startRelayProcess, type RelayProcess } from '../support/relay-process';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';

const PASSPHRASE = 'lantern orchard velvet 1994 compass';
const processes: { stop(): Promise<unknown> }[] = [];

test.afterEach(async () => {
  for (const p of processes.splice(0)) await p.stop();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startRelay(dataDir: string, port: number): Promise<RelayProcess> {
  const relay = await startRelayProcess(dataDir, ['--port', String(port)]);
  processes.push({ stop: () => relay.stop('SIGTERM') });
  return relay;
}

/** A person: their own host process, vault and browser page, connected to the relay. */
async function person(browser: Browser, name: string, relayUrl: string): Promise<Page> {
  const host: HostProcess = await startHostProcess(tempDataDir());
  processes.push(host);
  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);
  await page.getByTestId('create-passphrase').fill(PASSPHRASE);
  await page.getByTestId('create-passphrase-confirm').fill(PASSPHRASE);
  await page.getByTestId('create-vault').click();
  await page.getByTestId('identity-continue').click({ timeout: 30_000 });
  await page.getByTestId('open-settings').click();
  await page.getByTestId('relay-url').fill(relayUrl);
  await page.getByTestId('display-name').fill(name);
  await page.getByTestId('close-settings').click();
  return page;
}

async function deviceCode(page: Page): Promise<string> {
  await page.getByTestId('open-settings').click();
  // The code arrives from main a moment after the dialog opens.
  await expect(page.getByTestId('device-code')).toHaveValue(/^suviaz1:/);
  const code = await page.getByTestId('device-code').inputValue();
  await page.getByTestId('close-settings').click();
  return code;
}

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

  // Bogdan sees the space appear and opens it.
  await bogdan.getByTestId('space-item').filter({ hasText: 'Spring campaign' }).click();
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
