// One walk through every main screen of the browser host, for the checks that must hold on each of
// them (accessibility, every string translated): onboarding, the new identity, notes list and editor,
// search, trash, settings, a shared space with its members panel, the invite dialog, a plan, the
// calendar (a space's, the event editor, all spaces' week), briefings (a space's, compose), joining,
// the lock's question and the unlock screen. The walk uses test ids only, so it runs the same in
// every language.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { startRelayProcess, type RelayProcess } from '../support/relay-process';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';

const PASSPHRASE = 'lantern orchard velvet 1994 compass';

/** What the user types is not UI text; it is Belarusian so that no check mistakes it for English. */
export const CONTENT = {
  note: 'Нататка пра сход',
  body: 'Сход у суботу а палове на сёмую',
  space: 'Вясновая кампанія',
  plan: 'План кампаніі',
  person: 'Алеся',
  briefing: 'Затрыманні ў Гродне',
};

export interface TourOptions {
  /** A language code to choose on the first screen (its switcher), or none to stay in English. */
  language?: 'be' | 'ru' | 'uk';
  /** Called once on each screen, with a short name for reports. */
  visit(page: Page, screen: string): Promise<void>;
}

const started: { stop(): Promise<unknown> }[] = [];

/** Stops the relay and host processes the tours started (call in afterEach). */
export async function stopTourProcesses(): Promise<void> {
  for (const p of started.splice(0)) await p.stop();
}

export async function tourScreens(browser: Browser, options: TourOptions): Promise<void> {
  const { visit } = options;
  const relay: RelayProcess = await startRelayProcess(
    mkdtempSync(join(tmpdir(), 'suviaz-e2e-relay-')),
  );
  started.push({ stop: () => relay.stop('SIGTERM') });
  const host: HostProcess = await startHostProcess(tempDataDir());
  started.push(host);
  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);

  // Onboarding: the language first, then a weak passphrase (its advice shows), then a good one.
  await expect(page.getByTestId('create-passphrase')).toBeVisible();
  if (options.language) {
    await page.getByTestId('language-select').selectOption(options.language);
    await expect(page.locator('html')).toHaveAttribute('lang', options.language);
  }
  await visit(page, 'onboarding');
  await page.getByTestId('create-passphrase').fill('password123');
  await page.getByTestId('create-passphrase-confirm').fill('password12');
  await expect(page.getByTestId('strength-meter')).toBeVisible();
  await visit(page, 'onboarding, weak passphrase');
  await page.getByTestId('create-passphrase').fill(PASSPHRASE);
  await page.getByTestId('create-passphrase-confirm').fill(PASSPHRASE);
  await page.getByTestId('create-vault').click();
  await expect(page.getByTestId('identity-continue')).toBeVisible({ timeout: 30_000 });
  await visit(page, 'new identity');
  await page.getByTestId('identity-continue').click();

  // Notes: the empty list, a note in the editor, search results, the trash.
  await expect(page.getByTestId('new-note')).toBeVisible();
  await visit(page, 'notes list, empty');
  await page.getByTestId('new-note').click();
  await page.getByTestId('note-title').fill(CONTENT.note);
  await page.getByTestId('note-body').fill(CONTENT.body);
  await expect(page.getByTestId('note-item').first()).toContainText(CONTENT.note);
  await visit(page, 'notes list and editor');
  await page.getByTestId('note-search').fill('сход');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await visit(page, 'search results');
  await page.getByTestId('note-search').fill('няма такога');
  await expect(page.getByTestId('search-result')).toHaveCount(0);
  await visit(page, 'search, nothing found');
  await page.getByTestId('note-search').fill('');

  // Settings, filled in as a new member would: relay and name.
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('device-code')).toHaveValue(/^suviaz1:/);
  await page.getByTestId('relay-url').fill(relay.url);
  await page.getByTestId('display-name').fill(CONTENT.person);
  // Settings has the same switcher, showing the language chosen on the first screen.
  await expect(page.getByTestId('language-select')).toHaveValue(options.language ?? 'en');
  await visit(page, 'settings');
  await page.getByTestId('close-settings').click();

  // A shared space: the dialog that makes it, then the space with its members panel.
  await page.getByTestId('new-space').click();
  await page.getByTestId('space-name-input').fill(CONTENT.space);
  await visit(page, 'new space dialog');
  await page.getByTestId('create-space-submit').click();
  await page.getByTestId('space-item').filter({ hasText: CONTENT.space }).click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('members-panel')).toBeVisible();
  await visit(page, 'shared space and members panel');

  // The invite dialog: the form, then the link and its QR code.
  await page.getByTestId('invite-create-open').click();
  await expect(page.getByTestId('invite-role')).toBeVisible();
  await visit(page, 'invite dialog');
  await page.getByTestId('invite-create').click();
  await expect(page.getByTestId('invite-link')).toHaveValue(/^suviaz:\/\/join#/);
  await expect(page.getByTestId('invite-qr')).toBeVisible();
  await visit(page, 'invite dialog, link made');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('invite-item')).toHaveCount(1);
  await visit(page, 'shared space with an open invite');

  // A plan in the space.
  await page.getByTestId('plan-new').click();
  await page.getByTestId('plan-new-title').fill(CONTENT.plan);
  await visit(page, 'new plan form');
  await page.getByTestId('plan-new-submit').click();
  await expect(page.getByTestId('plan-view')).toBeVisible();
  await page.locator('[data-testid="plan-editor"] .ProseMirror').click();
  await page.keyboard.type('Мэты кампаніі');
  // A checklist item too: its checkbox has a screen-reader label of its own.
  await page.keyboard.press('Enter');
  await page.getByTestId('plan-tool-task-list').click();
  await page.keyboard.type('Заказаць залу');
  await expect(page.locator('[data-testid="plan-editor"] input[type="checkbox"]')).toHaveCount(1);
  await visit(page, 'plan');

  // The space's calendar (no events yet), the event editor, and the calendar of all spaces by week.
  await page.getByTestId('space-section-calendar').click();
  await expect(page.getByTestId('cal-month')).toBeVisible();
  await visit(page, 'calendar of a space');
  await page.getByTestId('cal-new-event').click();
  await expect(page.getByTestId('event-title')).toBeVisible();
  await visit(page, 'event editor');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-editor')).toBeHidden();
  await page.getByTestId('calendar-open').click();
  await page.getByTestId('cal-view-week').click();
  await expect(page.getByTestId('cal-week')).toBeVisible();
  await visit(page, 'calendar of all spaces, week');

  // Briefings: a space's tab, the list of all spaces, and compose with its choices open.
  await page.getByTestId('space-item').filter({ hasText: CONTENT.space }).click();
  await page.getByTestId('space-section-briefings').click();
  await expect(page.getByTestId('briefing-list-empty')).toBeVisible();
  await visit(page, 'briefings of a space');
  await page.getByTestId('briefings-open').click();
  await expect(page.getByTestId('briefing-list-empty')).toBeVisible();
  await page.getByTestId('briefing-new').click();
  await page.getByTestId('briefing-title-input').fill(CONTENT.briefing);
  await page.getByTestId('briefing-audience-chosen').check();
  await expect(page.getByTestId('briefing-compose')).toBeVisible();
  await visit(page, 'new briefing');

  // Joining by link (the dialog only), then the lock and the unlock screen.
  await page.getByTestId('join-open').click();
  await expect(page.getByTestId('join-link')).toBeVisible();
  await visit(page, 'join dialog');
  await page.keyboard.press('Escape');
  // The briefing written above is not sent: the lock asks before it throws it away.
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await visit(page, 'lock question');
  await page.getByTestId('confirm-action').click();
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible();
  await visit(page, 'unlock');
  await page.getByTestId('unlock-passphrase').fill('not the passphrase');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-error')).toBeVisible({ timeout: 30_000 });
  await visit(page, 'unlock, wrong passphrase');
}
