// A real planning session across three browser hosts on one relay: Alesya writes a section and gives
// Bogdan a task; Bogdan sees the text, Alesya's cursor and the task under "my tasks"; Bogdan comments;
// Alesya resolves it; Alesya restores an earlier version and Bogdan sees it; Vera, a viewer, can read
// but not edit; the Markdown export holds the plan and nothing that identifies a device.
import { expect, test, type Page } from '@playwright/test';
import { peopleOnRelay, stopProcesses } from './people';
import {
  exportMarkdown,
  newPlan,
  openPlan,
  openPlanTab,
  planEditor as editor,
  planText,
  saveVersion,
} from './pages/plans';
import { createSpace, invite, joinSpace } from './pages/spaces';

test.afterEach(stopProcesses);

test('a planning session: text, task, cursor, comment, resolve, restore, viewer, export', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const {
    pages: [alesya, bogdan, vera],
  } = await peopleOnRelay(browser, ['Alesya', 'Bogdan', 'Vera']);

  await createSpace(alesya, 'Spring campaign');
  const editorLink = await invite(alesya, 'editor');
  const viewerLink = await invite(alesya, 'viewer');
  await joinSpace(bogdan, editorLink, 'Spring campaign');
  await joinSpace(vera, viewerLink, 'Spring campaign');

  // Alesya starts a plan and writes its first section, then names that version.
  await newPlan(alesya, 'Campaign plan');
  await editor(alesya).click();
  await alesya.keyboard.type('Goals: free the prisoners');
  await saveVersion(alesya, 'First draft');
  await editor(alesya).click();
  await alesya.keyboard.press('End');
  await alesya.keyboard.type(' by spring');

  // Bogdan opens it: the text, and Alesya's cursor with her name.
  await openPlan(bogdan, 'Campaign plan');
  await planText(bogdan).toBe('Goals: free the prisoners by spring');
  await editor(bogdan).click();
  await alesya.keyboard.press('Home');
  await expect(bogdan.getByTestId('plan-peer-cursor').filter({ hasText: 'Alesya' })).toBeVisible();

  // Alesya gives Bogdan a task, once his name has reached her.
  await openPlanTab(alesya, 'tasks');
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
  await openPlanTab(bogdan, 'comments');
  await bogdan.getByTestId('comment-add').click();
  await bogdan.getByTestId('comment-input').fill('Which prisoners first?');
  await bogdan.getByTestId('comment-submit').click();
  const thread = (page: Page) =>
    page.getByTestId('comment-thread').filter({ hasText: 'Which prisoners first?' });
  await openPlanTab(alesya, 'comments');
  await expect(thread(alesya)).toHaveAttribute('data-resolved', 'false');
  await thread(alesya).getByTestId('comment-resolve').click();
  await expect(thread(alesya)).toHaveCount(0);
  await expect(thread(bogdan)).toHaveCount(0);
  await bogdan.getByTestId('comments-show-resolved').check();
  await expect(thread(bogdan)).toHaveAttribute('data-resolved', 'true');

  // Alesya restores the first draft; Bogdan sees the restored text.
  await openPlanTab(alesya, 'versions');
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
  await openPlan(vera, 'Campaign plan');
  await planText(vera).toBe('Goals: free the prisoners');
  await expect(editor(vera)).toHaveAttribute('contenteditable', 'false');
  await expect(vera.getByTestId('plan-read-only')).toBeVisible();
  await expect(vera.getByTestId('task-add-title')).toHaveCount(0);
  await openPlanTab(vera, 'comments');
  await expect(vera.getByTestId('comment-add')).toHaveCount(0);

  // The Markdown export holds the plan and its task, and nothing that identifies a device.
  const markdown = await exportMarkdown(alesya);
  expect(markdown).toContain('# Campaign plan');
  expect(markdown).toContain('Goals: free the prisoners');
  expect(markdown).toContain('Book the hall');
  expect(markdown).not.toMatch(/[0-9a-f]{64}/);
  expect(markdown).not.toMatch(/\d{5} \d{5} \d{5}/);
});
