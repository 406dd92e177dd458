// Private notes: writing one and finding it in the list.
import { expect, type Locator, type Page } from '@playwright/test';

export const noteItem = (page: Page, title?: string): Locator =>
  title === undefined
    ? page.getByTestId('note-item').first()
    : page.getByTestId('note-item').filter({ hasText: title });

/** A new note with this title (if any) and body, waited on until it is saved. */
export async function writeNote(page: Page, body: string, title?: string): Promise<void> {
  await page.getByTestId('new-note').click();
  if (title !== undefined) await page.getByTestId('note-title').fill(title);
  await page.getByTestId('note-body').fill(body);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}
