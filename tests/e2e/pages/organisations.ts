// A coalition's organisations panel in the open space: making an organisation and adding a member
// of the space to it, found by name, never by key. Test ids only, so it works in every language.
import { expect, type Locator, type Page } from '@playwright/test';

export const orgItem = (page: Page, name: string): Locator =>
  page.getByTestId('org-item').filter({ has: page.getByTestId('org-name').getByText(name) });

/** Adds an organisation to the open space (the first one makes the space a coalition). */
export async function createOrganisation(page: Page, name: string): Promise<void> {
  await page.getByTestId('org-new-name').fill(name);
  await page.getByTestId('org-new-submit').click();
  await expect(orgItem(page, name)).toHaveAttribute('data-mine', 'true');
}

/** Adds the member named `member` to my organisation (I am its admin), as a member. */
export async function addToMyOrganisation(page: Page, member: string): Promise<void> {
  const mine = page.getByTestId('org-members');
  await mine.getByTestId('org-add-member').selectOption({ label: member });
  await mine.getByTestId('org-add-role').selectOption('member');
  await mine.getByTestId('org-add-submit').click();
  await expect(mine.getByTestId('org-member').filter({ hasText: member })).toHaveCount(1);
}
