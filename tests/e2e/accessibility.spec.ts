// Accessibility checked by a machine: axe-core on every main screen of the browser host. Any
// violation of impact "serious" or "critical" fails the test; all of them are listed, screen by
// screen, with the rule, its help page and the elements that break it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { stopTourProcesses, tourScreens } from './screen-tour';

test.afterEach(stopTourProcesses);

const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** Both colour schemes: each has its own palette, so contrast is checked in each. */
async function axeViolations(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await axeViolationsNow(page, `${screen}, ${colorScheme}`)));
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

async function axeViolationsNow(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 8)
        .map(
          (node) =>
            `      ${node.target.join(' ')}\n        ${node.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`,
        )
        .join('\n');
      const more =
        violation.nodes.length > 8 ? `\n      … and ${violation.nodes.length - 8} more` : '';
      return `  [${screen}] ${violation.impact}: ${violation.id} — ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    });
}

/** From the top of the page, Tab reaches the skip link first; it shows, and Enter lands in <main>. */
async function checkSkipLink(page: Page): Promise<void> {
  await page.evaluate(
    "document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex')",
  );
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main-content')).toBeFocused();
}

/** The hue (0–360°) of a computed "rgb(r, g, b)" colour. */
function hue(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const spread = max - Math.min(r, g, b);
  if (spread === 0) return 0;
  const h =
    max === r ? ((g - b) / spread) % 6 : max === g ? (b - r) / spread + 2 : (r - g) / spread + 4;
  return (h * 60 + 360) % 360;
}

function hueDistance(a: string, b: string): number {
  const d = Math.abs(hue(a) - hue(b));
  return Math.min(d, 360 - d);
}

/** The ring around the focused field must not read as "error": its colour is not the error's. */
async function checkFocusRingIsNotErrorColour(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.getByTestId('unlock-passphrase').focus();
    const colours = (await page.evaluate(`(() => {
      const field = getComputedStyle(document.activeElement);
      const error = getComputedStyle(document.querySelector('[data-testid="unlock-error"]'));
      return { ring: field.outlineColor, ringStyle: field.outlineStyle, error: error.color };
    })()`)) as { ring: string; ringStyle: string; error: string };
    expect(colours.ringStyle, colorScheme).toBe('solid');
    // Not merely another shade: a hue at least 60° away from the error's red.
    expect(
      hueDistance(colours.ring, colours.error),
      `${colorScheme}: ${JSON.stringify(colours)}`,
    ).toBeGreaterThanOrEqual(60);
  }
  await page.emulateMedia({ colorScheme: null });
}

test('no serious or critical axe violation on any main screen, and a skip link on each', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  const screens: string[] = [];
  await tourScreens(browser, {
    visit: async (page, screen) => {
      screens.push(screen);
      found.push(...(await axeViolations(page, screen)));
      if (screen === 'notes list and editor' || screen === 'unlock') await checkSkipLink(page);
      if (screen === 'unlock, wrong passphrase') await checkFocusRingIsNotErrorColour(page);
    },
  });
  expect(screens.length).toBeGreaterThan(10);
  if (found.length > 0) console.log(`axe violations:\n${found.join('\n\n')}`);
  expect(found, `axe violations:\n${found.join('\n\n')}`).toEqual([]);
});
