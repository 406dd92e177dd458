// Campaign plans inside a space: creating and opening one, its editor and its text as a reader sees
// it, the side panel's tabs, versions and the export.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export const planEditor = (page: Page): Locator =>
  page.locator('[data-testid="plan-editor"] .ProseMirror');

/** The little of the DOM the text check needs (the Node tsconfig has no DOM library). */
interface TextNode {
  cloneNode(deep: boolean): TextNode;
  querySelectorAll(selector: string): Iterable<{ remove(): void }>;
  textContent: string | null;
}

/** The plan's text as a reader sees it, polled: other people's cursor labels left out. */
export const planText = (page: Page) =>
  expect.poll(() =>
    planEditor(page).evaluate((element) => {
      const copy = (element as unknown as TextNode).cloneNode(true);
      for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove();
      return copy.textContent;
    }),
  );

/** Starts a plan in the open space and waits for its view. */
export async function newPlan(page: Page, title: string): Promise<void> {
  await page.getByTestId('plan-new').click();
  await page.getByTestId('plan-new-title').fill(title);
  await page.getByTestId('plan-new-submit').click();
  await expect(page.getByTestId('plan-view')).toBeVisible();
}

export async function openPlan(page: Page, title: string): Promise<void> {
  await page.getByTestId('plan-item').filter({ hasText: title }).click();
}

export type PlanTab = 'tasks' | 'comments' | 'versions';

/** Shows one tab of the plan's side panel: its tasks, comments or versions. */
export async function openPlanTab(page: Page, tab: PlanTab): Promise<void> {
  await page.getByTestId(`plan-tab-${tab}`).click();
  await expect(page.getByTestId(`plan-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

/** Names the current state of the plan as a version, and waits until it is listed. */
export async function saveVersion(page: Page, name: string): Promise<void> {
  await openPlanTab(page, 'versions');
  await page.getByTestId('version-name').fill(name);
  await page.getByTestId('version-save').click();
  await expect(page.getByTestId('version-item').filter({ hasText: name })).toBeVisible();
}

/** Exports the open plan as Markdown from the plan's menu; the downloaded file's text. */
export async function exportMarkdown(page: Page): Promise<string> {
  await page.getByTestId('plan-more').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('plan-export-md').click();
  return readFileSync(await (await download).path(), 'utf8');
}
