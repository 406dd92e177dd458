// An expiring briefing disappears on every device: Alesya sends one that expires in an hour to
// Bogdan and Cira, whose hosts run the briefings' clock 59 minutes and 15 seconds ahead (the host's
// --briefing-clock-offset, for tests and drills), so their apps wipe it while open, by its timer.
// Alesya's own copy goes when she next unlocks after the hour: her host restarts an hour ahead.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startRelay, stopProcesses } from './people';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';
import { onboard, unlock } from './pages/onboarding';
import { setRelayAndName } from './pages/settings';
import {
  briefingItem,
  openAllBriefings,
  openSpaceBriefings,
  sendBriefing,
  writeBriefing,
} from './pages/briefings-page';
import { createSpace, invite, joinSpace } from './pages/spaces';

const HOUR = 3_600_000;
const TITLE = 'Meeting point for tonight';
let hosts: HostProcess[] = [];

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  await stopProcesses();
});

async function personWithClock(
  browser: Browser,
  name: string,
  relayUrl: string,
  offsetMs: number,
  dataDir = tempDataDir(),
): Promise<{ page: Page; host: HostProcess }> {
  const host = await startHostProcess(dataDir, ['--briefing-clock-offset', String(offsetMs)]);
  hosts.push(host);
  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);
  await onboard(page);
  await setRelayAndName(page, relayUrl, name);
  return { page, host };
}

test('an expiring briefing disappears on all three devices', async ({ browser }) => {
  test.setTimeout(240_000);
  const relay = await startRelay(
    mkdtempSync(join(tmpdir(), 'suviaz-e2e-relay-')),
    await freePort(),
  );
  const ahead = HOUR - 45_000;
  const alesya = await personWithClock(browser, 'Alesya', relay.url, 0);
  const bogdan = await personWithClock(browser, 'Bogdan', relay.url, ahead);
  const cira = await personWithClock(browser, 'Cira', relay.url, ahead);

  await createSpace(alesya.page, 'Vigil');
  await joinSpace(bogdan.page, await invite(alesya.page, 'editor'), 'Vigil');
  await joinSpace(cira.page, await invite(alesya.page, 'editor'), 'Vigil');
  await openSpaceBriefings(alesya.page);
  await writeBriefing(alesya.page, { title: TITLE, body: 'The old bridge, 21:00.' });
  await alesya.page.getByTestId('briefing-expiry-select').selectOption('h1');
  await sendBriefing(alesya.page, TITLE);

  // It arrives, then goes by itself (no reload, no action) once their clocks pass the hour.
  for (const { page } of [bogdan, cira]) {
    await openAllBriefings(page);
    await expect(briefingItem(page, TITLE)).toHaveCount(1, { timeout: 30_000 });
  }
  for (const { page } of [bogdan, cira]) {
    await expect(briefingItem(page, TITLE)).toHaveCount(0, { timeout: 90_000 });
  }
  await expect(briefingItem(alesya.page, TITLE)).toHaveCount(1);

  // Alesya's app was closed at the hour: it wipes her copy when she unlocks.
  await alesya.host.stop();
  hosts = hosts.filter((h) => h !== alesya.host);
  const later = await startHostProcess(alesya.host.dataDir, [
    '--briefing-clock-offset',
    String(HOUR + 60_000),
  ]);
  hosts.push(later);
  await alesya.page.goto(later.url);
  await unlock(alesya.page);
  await openAllBriefings(alesya.page);
  await expect(alesya.page.getByTestId('briefings-screen')).toBeVisible();
  await expect(briefingItem(alesya.page, TITLE)).toHaveCount(0);
});
