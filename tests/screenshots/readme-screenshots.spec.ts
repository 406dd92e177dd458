// The README's screenshots, taken from the real app in the browser host at 1280×800: onboarding, a
// shared space with a plan and a task, and the members panel. Run by `npm run screenshots` (its
// own Playwright config), never by `npm test`, so ordinary runs never rewrite docs/screenshots/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, tempDataDir } from '../e2e/host-process';
import { freePort, person, startRelay, stopProcesses } from '../e2e/people';
import { choosePassphrase, PASSPHRASE } from '../e2e/pages/onboarding';
import { newPlan, planEditor, planText } from '../e2e/pages/plans';
import { mySafetyNumber } from '../e2e/pages/settings';
import {
  closeDialog,
  createSpace,
  invite,
  joinSpace,
  memberRow,
  sharedEditor,
  typeInSharedEditor,
} from '../e2e/pages/spaces';

const VIEWPORT = { width: 1280, height: 800 };
/** The page's global document, typed here as the little the screenshot needs (no DOM library). */
type Focused = { document: { activeElement: { blur?: () => void } | null } };

async function shot(page: Page, name: string): Promise<void> {
  // No focus ring on whatever was clicked last.
  await page.evaluate(() => (globalThis as unknown as Focused).document.activeElement?.blur?.());
  await page.screenshot({
    path: join('docs', 'screenshots', `${name}.png`),
    animations: 'disabled',
  });
}

test.afterEach(stopProcesses);

test('onboarding', async ({ browser }) => {
  const host = await startHostProcess(tempDataDir());
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await page.goto(host.url);
    await choosePassphrase(page, PASSPHRASE);
    await expect(page.getByTestId('strength-meter')).toBeVisible();
    await expect(page.getByTestId('create-vault')).toBeEnabled();
    await shot(page, 'onboarding');
  } finally {
    await host.stop();
  }
});

test('a shared space with a plan, and its members', async ({ browser }) => {
  test.setTimeout(180_000);
  const relay = await startRelay(
    mkdtempSync(join(tmpdir(), 'suviaz-e2e-relay-')),
    await freePort(),
  );
  const alesya = await person(browser, 'Alesya', relay.url, { viewport: VIEWPORT });
  const bogdan = await person(browser, 'Bogdan', relay.url, { viewport: VIEWPORT });
  await createSpace(alesya, 'Spring campaign');
  await joinSpace(bogdan, await invite(alesya, 'editor'), 'Spring campaign');
  await expect(sharedEditor(bogdan)).toBeVisible();

  // Both write in the space's shared notes, so each one's name reaches the other.
  await typeInSharedEditor(bogdan, 'Hall booked for the 14th; posters at the printer.');
  await expect(sharedEditor(alesya)).toHaveValue(/posters at the printer/);
  await typeInSharedEditor(alesya, '\nPress list: ask Vera for the updated contacts.', 'End');
  await expect(memberRow(alesya, 'Bogdan')).toHaveCount(1);

  // Alesya verifies Bogdan's safety number: the members panel shows him as verified.
  const digits = (text: string) => text.replace(/\D/g, '');
  const bogdansOwn = digits(await mySafetyNumber(bogdan));
  await memberRow(alesya, 'Bogdan').getByTestId('member-verify').click();
  expect(digits(await alesya.getByTestId('verify-number').innerText())).toBe(bogdansOwn);
  await alesya.getByTestId('verify-mark').click();
  await closeDialog(alesya);
  await expect(memberRow(alesya, 'Bogdan').getByTestId('member-verified-badge')).toBeVisible();
  await shot(alesya, 'members');

  // A plan with a few lines and a task for Bogdan.
  await newPlan(alesya, 'Spring campaign plan');
  await planEditor(alesya).click();
  await alesya.keyboard.type('Goal: the release of the political prisoners by spring.');
  await alesya.keyboard.press('Enter');
  await alesya.keyboard.type('Week 1: open letter to the embassies, signed by every partner.');
  await alesya.keyboard.press('Enter');
  await alesya.keyboard.type('Week 2: press conference in Vilnius; hearing in parliament.');
  const bogdanOption = alesya
    .getByTestId('task-add-assignee')
    .locator('option')
    .filter({ hasText: 'Bogdan' });
  await expect(bogdanOption).toHaveCount(1);
  await alesya.getByTestId('task-add-title').fill('Book the hall');
  await alesya
    .getByTestId('task-add-assignee')
    .selectOption((await bogdanOption.getAttribute('value')) ?? '');
  await alesya.getByTestId('task-add-submit').click();
  await expect(alesya.getByTestId('task-item')).toHaveCount(1);
  await alesya.getByTestId('task-add-title').fill('Translate the letter');
  await alesya.getByTestId('task-add-submit').click();
  await expect(alesya.getByTestId('task-item')).toHaveCount(2);
  await bogdan.getByTestId('plan-item').filter({ hasText: 'Spring campaign plan' }).click();
  await planText(bogdan).toContain('hearing in parliament');
  // Bogdan's cursor, with his name, at the start of the first week's line.
  await planEditor(bogdan).getByText('signed by every partner').click();
  await bogdan.keyboard.press('Home');
  await expect(alesya.getByTestId('plan-peer-cursor').filter({ hasText: 'Bogdan' })).toBeVisible();
  await alesya.mouse.move(0, 0);
  await shot(alesya, 'plan');
});
