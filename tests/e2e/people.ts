// Two people in end-to-end tests: a relay process on a free port, and for each person a browser host
// process, a vault, and a page with the relay and their name set.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { startRelayProcess, type RelayProcess } from '../support/relay-process';
import { startHostProcess, type HostProcess, tempDataDir } from './host-process';
import { onboard } from './pages/onboarding';
import { setRelayAndName } from './pages/settings';

/** What each test started; stopProcesses() (in afterEach) stops them all. */
const processes: { stop(): Promise<unknown> }[] = [];
export async function stopProcesses(): Promise<void> {
  for (const p of processes.splice(0)) await p.stop();
}

export function freePort(): Promise<number> {
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

export async function startRelay(dataDir: string, port: number): Promise<RelayProcess> {
  const relay = await startRelayProcess(dataDir, ['--port', String(port)]);
  processes.push({ stop: () => relay.stop('SIGTERM') });
  return relay;
}

/** A person: their own host process, vault and browser page, connected to the relay. */
export async function person(
  browser: Browser,
  name: string,
  relayUrl: string,
  context: BrowserContextOptions = {},
): Promise<Page> {
  const host: HostProcess = await startHostProcess(tempDataDir());
  processes.push(host);
  const page = await (await browser.newContext(context)).newPage();
  await page.goto(host.url);
  await onboard(page);
  await setRelayAndName(page, relayUrl, name);
  return page;
}

/** A fresh relay and one person per name on it, in order. */
export async function peopleOnRelay<const N extends readonly string[]>(
  browser: Browser,
  names: N,
): Promise<{ relay: RelayProcess; pages: { [K in keyof N]: Page } }> {
  const relay = await startRelay(
    mkdtempSync(join(tmpdir(), 'suviaz-e2e-relay-')),
    await freePort(),
  );
  const pages: Page[] = [];
  for (const name of names) pages.push(await person(browser, name, relay.url));
  // One page per name, in the names' order: the tuple type says just that.
  return { relay, pages: pages as { [K in keyof N]: Page } };
}
