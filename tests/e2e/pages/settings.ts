// The settings dialog: relay address and name, this device's code and safety number.
import { expect, type Page } from '@playwright/test';

/** Opens settings, runs `inside`, closes settings again. */
async function inSettings<T>(page: Page, inside: () => Promise<T>): Promise<T> {
  await page.getByTestId('open-settings').click();
  const result = await inside();
  await page.getByTestId('close-settings').click();
  return result;
}

export function setRelayAndName(page: Page, relayUrl: string, name: string): Promise<void> {
  return inSettings(page, async () => {
    await page.getByTestId('relay-url').fill(relayUrl);
    await page.getByTestId('display-name').fill(name);
  });
}

/** This device's code, as someone adding it to a space would be given it. */
export function deviceCode(page: Page): Promise<string> {
  return inSettings(page, async () => {
    // The code arrives from main a moment after the dialog opens.
    await expect(page.getByTestId('device-code')).toHaveValue(/^suviaz1:/);
    return page.getByTestId('device-code').inputValue();
  });
}

/** The safety number settings show for this device, as it reads there. */
export function mySafetyNumber(page: Page): Promise<string> {
  return inSettings(page, async () => {
    await expect(page.getByTestId('my-safety-number')).toContainText(/\d{5}/);
    return page.getByTestId('my-safety-number').innerText();
  });
}
