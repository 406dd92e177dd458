// Shared spaces: creating and opening one, inviting by link or device code, joining, accepting an
// invitation, the members panel and the space's shared document.
import { expect, type Locator, type Page } from '@playwright/test';

export type Role = 'editor' | 'viewer';

export const spaceItem = (page: Page, space: string): Locator =>
  page.getByTestId('space-item').filter({ hasText: space });

export const sharedEditor = (page: Page): Locator => page.getByTestId('shared-editor');

export const syncState = (page: Page): Locator => page.getByTestId('sync-state');

/** A row of the members panel, found by the member's name. */
export const memberRow = (page: Page, name: string): Locator =>
  page.getByTestId('member-item').filter({ has: page.getByTestId('member-name').getByText(name) });

/** Creates a space, opens it, and waits until it is connected to the relay. */
export async function createSpace(page: Page, space: string): Promise<void> {
  await page.getByTestId('new-space').click();
  await page.getByTestId('space-name-input').fill(space);
  await page.getByTestId('create-space-submit').click();
  await spaceItem(page, space).click();
  await expect(syncState(page)).toHaveAttribute('data-state', 'connected');
}

/** Creates an invite link for `role` in the open space; the dialog shows it with its QR code. */
export async function createInvite(page: Page, role: Role): Promise<string> {
  await page.getByTestId('invite-create-open').click();
  await page.getByTestId('invite-role').selectOption(role);
  await page.getByTestId('invite-create').click();
  await expect(page.getByTestId('invite-link')).toHaveValue(/^suviaz:\/\/join#/);
  return page.getByTestId('invite-link').inputValue();
}

export async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}

/** An invite link for `role`, with the dialog closed again. */
export async function invite(page: Page, role: Role): Promise<string> {
  const link = await createInvite(page, role);
  await closeDialog(page);
  return link;
}

/** Joins with an invite link and opens the space. */
export async function joinSpace(page: Page, link: string, space: string): Promise<void> {
  await page.getByTestId('join-open').click();
  await page.getByTestId('join-link').fill(link);
  await page.getByTestId('join-submit').click();
  await spaceItem(page, space).click();
}

/** Adds a device to the open space by its device code, with a role. */
export async function addMemberByCode(page: Page, code: string, role: Role): Promise<void> {
  await page.getByTestId('add-member').click();
  await page.getByTestId('member-device-code').fill(code);
  await page.getByTestId('member-role').selectOption(role);
  await page.getByTestId('add-member-submit').click();
}

/** Accepts the invitation to `space`, waits until it is gone, and opens the space once active. */
export async function acceptInvitation(page: Page, space: string): Promise<void> {
  const invitation = page.getByTestId('invitation-item').filter({ hasText: space });
  await invitation.getByTestId('invitation-accept').click();
  await expect(page.getByTestId('invitation-item')).toHaveCount(0);
  await spaceItem(page, space).and(page.locator('[data-status="active"]')).click();
}

/** Clicks into the shared document and types at the end of its first line (or where it is). */
export async function typeInSharedEditor(
  page: Page,
  text: string,
  at: 'where-clicked' | 'End' | 'Control+Home' | 'Control+End' = 'where-clicked',
): Promise<void> {
  if (at === 'Control+Home' || at === 'Control+End') {
    await sharedEditor(page).press(at);
  } else {
    await sharedEditor(page).click();
    if (at === 'End') await page.keyboard.press('End');
  }
  await page.keyboard.type(text);
}
