// Briefings: a space's Briefings tab and the sidebar's briefings of all spaces, writing one (title,
// text, chosen members, files), the list, the read view with its files, receipts and actions.
import { expect, type Locator, type Page } from '@playwright/test';

export interface BriefingFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface NewBriefing {
  title: string;
  body: string;
  /** Names of the members to send it to; everyone in the space when absent. */
  to?: string[];
  files?: BriefingFile[];
  canary?: boolean;
}

/** The open space's Briefings tab. */
export async function openSpaceBriefings(page: Page): Promise<void> {
  await page.getByTestId('space-section-briefings').click();
  await expect(page.getByTestId('briefings-screen')).toBeVisible();
}

/** The briefings of all spaces, from the sidebar. */
export async function openAllBriefings(page: Page): Promise<void> {
  await page.getByTestId('briefings-open').click();
  await expect(page.getByTestId('briefings-screen')).toBeVisible();
}

export const briefingItem = (page: Page, title: string): Locator =>
  page
    .getByTestId('briefing-item')
    .filter({ has: page.getByTestId('briefing-item-title').getByText(title, { exact: true }) });

/** A draft file row of compose, by file name. */
export const draftFile = (page: Page, name: string): Locator =>
  page.getByTestId('briefing-draft-file').filter({ hasText: name });

/** Writes a briefing and adds its files; Send is left to the caller. */
export async function writeBriefing(page: Page, briefing: NewBriefing): Promise<void> {
  await page.getByTestId('briefing-new').click();
  const compose = page.getByTestId('briefing-compose');
  await expect(compose).toBeVisible();
  await compose.getByTestId('briefing-title-input').fill(briefing.title);
  await compose.getByTestId('note-body').fill(briefing.body);
  if (briefing.to) {
    await compose.getByTestId('briefing-audience-chosen').check();
    for (const name of briefing.to) {
      await compose
        .getByTestId('briefing-member')
        .filter({ has: page.getByTestId('briefing-member-name').getByText(name, { exact: true }) })
        .getByTestId('briefing-member-check')
        .check();
    }
  }
  if (briefing.canary) await compose.getByTestId('briefing-canary').check();
  if (briefing.files) {
    await compose.getByTestId('briefing-file-input').setInputFiles(briefing.files);
    for (const file of briefing.files) {
      await expect(draftFile(page, file.name)).toHaveAttribute('data-state', 'ready');
    }
  }
}

/** Sends the briefing being written; the sent briefing then opens. */
export async function sendBriefing(page: Page, title: string): Promise<void> {
  await page.getByTestId('briefing-send').click();
  await expect(page.getByTestId('briefing-read-title')).toHaveText(title, { timeout: 30_000 });
}

export async function openBriefing(page: Page, title: string): Promise<void> {
  await briefingItem(page, title).click();
  await expect(page.getByTestId('briefing-read-title')).toHaveText(title);
}

/** The author's "Read by" row of a recipient, by name. */
export const receiptRow = (page: Page, name: string): Locator =>
  page
    .getByTestId('briefing-receipt')
    .filter({ has: page.getByTestId('briefing-receipt-name').getByText(name, { exact: true }) });

/** Fetches a file (not a picture shown inline) of the open briefing into the app. */
export async function downloadAttachment(page: Page, name: string): Promise<void> {
  const attachment = page
    .getByTestId('briefing-attachment')
    .and(page.locator(`[data-name="${name}"]`));
  await attachment.getByTestId('briefing-attachment-download').click();
  await expect(attachment.getByTestId('briefing-attachment-save')).toBeVisible({
    timeout: 60_000,
  });
}

/** Saves an attachment of the open briefing through the warning; the bytes the user got. */
export async function saveAttachment(page: Page, name: string): Promise<Buffer> {
  const attachment = page
    .getByTestId('briefing-attachment')
    .and(page.locator(`[data-name="${name}"]`));
  await attachment.getByTestId('briefing-attachment-save').click();
  const dialog = page.getByTestId('briefing-save-dialog');
  await expect(dialog).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('confirm-action').click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Deletes the open briefing for everyone, through its confirmation. */
export async function recallBriefing(page: Page): Promise<void> {
  await page.getByTestId('briefing-recall').click();
  await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
  await expect(page.getByTestId('briefing-read')).toHaveCount(0);
}
