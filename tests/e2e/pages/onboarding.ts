// The first screens: creating a vault (and the identity screen after it), and unlocking one.
import { expect, type Page } from '@playwright/test';

export const PASSPHRASE = 'lantern orchard velvet 1994 compass';

/** Types a passphrase twice into the onboarding form, without submitting it. */
export async function choosePassphrase(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('create-passphrase').fill(passphrase);
  await page.getByTestId('create-passphrase-confirm').fill(passphrase);
}

/** Onboarding with a strong passphrase, through the identity screen to the notes screen. */
export async function onboard(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await choosePassphrase(page, passphrase);
  await page.getByTestId('create-vault').click();
  const continueButton = page.getByTestId('identity-continue');
  await expect(continueButton.or(page.getByTestId('new-note'))).toBeVisible({ timeout: 30_000 });
  if (await continueButton.isVisible()) await continueButton.click();
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock-submit').click();
}
