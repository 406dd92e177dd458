// A real planning session across three browser hosts on one relay: Alesya writes a section and gives
// Bogdan a task; Bogdan sees the text, Alesya's cursor and the task under "my tasks"; Bogdan comments;
// Alesya resolves it; Alesya restores an earlier version and Bogdan sees it; Vera, a viewer, can read
// but not edit; the Markdown export holds the plan and nothing that identifies a device.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort, person, startRelay, stopProcesses } from './people';

test.afterEach(stopProcesses);

async function invite(page: Page, role: 'editor' | 'viewer'): Promise<string> {
  await page.getByTestId('invite-create-open').click();
  await page.getByTestId('invite-role').selectOption(role);
  await page.getByTestId('invite-create').click();
  await expect(page.getByTestId('invite-link')).toHaveValue(/^suviaz:\/\/join#/);
  const link = await page.getByTestId('invite-link').inputValue();
  await page.keyboard.press('Escape');
  return link;
}

async function joinSpace(page: Page, link: string, space: string): Promise<void> {
  await page.getByTestId('join-open').click();
  await page.getByTestId('join-link').fill(link);
  await page.getByTestId('join-submit').click();
  await page.getByTestId('space-item').filter({ hasText: space }).click();
}

const editor = (page: Page) => page.locator('[data-testid="plan-editor"] .ProseMirror');
/** The little of the DOM the text check needs (the Node tsconfig has no DOM library). */
interface TextNode {
  cloneNode(deep: boolean): TextNode;
  querySelectorAll(selector: string): Iterable<{ remove(): void }>;
  textContent: string | null;
}

/** The plan's text as a reader sees it: other people's cursor labels left out. */
const planText = (page: Page) =>
  expect.poll(() =>
    editor(page).evaluate((element) => {
      const copy = (element as unknown as TextNode).cloneNode(true);
      for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove();
      return copy.textContent;
    }),
  );

test('a planning session: text, task, cursor, comment, resolve, restore, viewer, export', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const relay = await startRelay(
    mkdtempSync(join(tmpdir(), 'suviaz-e2e-relay-')),
    await freePort(),
  );
  const alesya = await person(browser, 'Alesya', relay.url);
  const bogdan = await person(browser, 'Bogdan', relay.url);
  const vera = await person(browser, 'Vera', relay.url);

  await alesya.getByTestId('new-space').click();
  await alesya.getByTestId('space-name-input').fill('Spring campaign');
  await alesya.getByTestId('create-space-submit').click();
  await alesya.getByTestId('space-item').filter({ hasText: 'Spring campaign' }).click();
  await expect(alesya.getByTestId('sync-state')).toHaveAttribute('data-state', 'connected');
  const editorLink = await invite(alesya, 'editor');
  const viewerLink = await invite(alesya, 'viewer');
  await joinSpace(bogdan, editorLink, 'Spring campaign');
  await joinSpace(vera, viewerLink, 'Spring campaign');

  // Alesya starts a plan and writes its first section, then names that version.
  await alesya.getByTestId('plan-new').click();
  await alesya.getByTestId('plan-new-title').fill('Campaign plan');
  await alesya.getByTestId('plan-new-submit').click();
  await expect(alesya.getByTestId('plan-view')).toBeVisible();
  await editor(alesya).click();
  await alesya.keyboard.type('Goals: free the prisoners');
  await alesya.getByTestId('version-name').fill('First draft');
  await alesya.getByTestId('version-save').click();
  await expect(alesya.getByTestId('version-item').filter({ hasText: 'First draft' })).toBeVisible();
  await editor(alesya).click();
  await alesya.keyboard.press('End');
  await alesya.keyboard.type(' by spring');

  // Bogdan opens it: the text, and Alesya's cursor with her name.
  await bogdan.getByTestId('plan-item').filter({ hasText: 'Campaign plan' }).click();
  await planText(bogdan).toBe('Goals: free the prisoners by spring');
  await editor(bogdan).click();
  await alesya.keyboard.press('Home');
  await expect(bogdan.getByTestId('plan-peer-cursor').filter({ hasText: 'Alesya' })).toBeVisible();

  // Alesya gives Bogdan a task, once his name has reached her.
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
  await expect(alesya.getByTestId('task-item').getByTestId('task-title')).toHaveValue(
    'Book the hall',
  );

  // Bogdan finds it under "my tasks", and goes back to the plan from there.
  await bogdan.getByTestId('my-tasks-open').click();
  const task = bogdan.getByTestId('my-task-item').filter({ hasText: 'Book the hall' });
  await expect(task).toBeVisible();
  await task.click();
  await expect(editor(bogdan)).toBeVisible();

  // Bogdan comments on a word; Alesya resolves the thread; Bogdan can still show it.
  await editor(bogdan).click();
  await bogdan.keyboard.press('Home');
  await bogdan.keyboard.press('Shift+End');
  await bogdan.getByTestId('comment-add').click();
  await bogdan.getByTestId('comment-input').fill('Which prisoners first?');
  await bogdan.getByTestId('comment-submit').click();
  const thread = (page: Page) =>
    page.getByTestId('comment-thread').filter({ hasText: 'Which prisoners first?' });
  await expect(thread(alesya)).toHaveAttribute('data-resolved', 'false');
  await thread(alesya).getByTestId('comment-resolve').click();
  await expect(thread(alesya)).toHaveCount(0);
  await expect(thread(bogdan)).toHaveCount(0);
  await bogdan.getByTestId('comments-show-resolved').check();
  await expect(thread(bogdan)).toHaveAttribute('data-resolved', 'true');

  // Alesya restores the first draft; Bogdan sees the restored text.
  await alesya
    .getByTestId('version-item')
    .filter({ hasText: 'First draft' })
    .getByTestId('version-view')
    .click();
  await expect(alesya.getByTestId('version-compare')).toBeVisible();
  await alesya.getByTestId('version-restore').click();
  await alesya.getByTestId('confirm-action').click();
  await planText(bogdan).toBe('Goals: free the prisoners');
  await planText(alesya).toBe('Goals: free the prisoners');

  // Vera reads the plan but cannot change it.
  await vera.getByTestId('plan-item').filter({ hasText: 'Campaign plan' }).click();
  await planText(vera).toBe('Goals: free the prisoners');
  await expect(editor(vera)).toHaveAttribute('contenteditable', 'false');
  await expect(vera.getByTestId('plan-read-only')).toBeVisible();
  await expect(vera.getByTestId('task-add-title')).toHaveCount(0);
  await expect(vera.getByTestId('comment-add')).toHaveCount(0);

  // The Markdown export holds the plan and its task, and nothing that identifies a device.
  const download = alesya.waitForEvent('download');
  await alesya.getByTestId('plan-export-md').click();
  const file = await (await download).path();
  const markdown = readFileSync(file, 'utf8');
  expect(markdown).toContain('# Campaign plan');
  expect(markdown).toContain('Goals: free the prisoners');
  expect(markdown).toContain('Book the hall');
  expect(markdown).not.toMatch(/[0-9a-f]{64}/);
  expect(markdown).not.toMatch(/\d{5} \d{5} \d{5}/);
});
