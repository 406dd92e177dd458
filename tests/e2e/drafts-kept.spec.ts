// What is typed and not yet saved is not thrown away by the app's own moves: a shortcut while a
// dialog is open (Ctrl+N used to close every view, and the event being written with it), or a
// visit to another view of the space while a briefing is being written, its files attached, or
// while it is being sent; a plan's board or a version putting away a half-written comment; a
// rename by someone else arriving while the plan's title is being typed. A lock asks first.
import { expect, test } from '@playwright/test';
import { peopleOnRelay, stopProcesses } from './people';
import {
  briefingItem,
  downloadAttachment,
  draftFile,
  openBriefing,
  openSpaceBriefings,
  saveAttachment,
  writeBriefing,
} from './pages/briefings-page';
import { newPlan, openPlan, openPlanTab, planEditor } from './pages/plans';
import { createSpace, invite, joinSpace } from './pages/spaces';

test.afterEach(stopProcesses);

test('Ctrl+N while an event is being written keeps the editor and what was typed, and a lock asks first', async ({
  browser,
}) => {
  const {
    pages: [alesya],
  } = await peopleOnRelay(browser, ['Alesya'] as const);
  await createSpace(alesya, 'Hearings');
  await alesya.getByTestId('calendar-open').click();
  await alesya.getByTestId('cal-new-event').click();
  const editor = alesya.getByTestId('event-editor');
  await expect(editor).toBeVisible();
  await editor.getByTestId('event-title').fill('Appeal hearing, room 4');
  await alesya.keyboard.press('Control+n');
  // The new-note shortcut waits while the dialog is open; the note list is untouched.
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('event-title')).toHaveValue('Appeal hearing, room 4');
  await expect(alesya.getByTestId('note-item')).toHaveCount(0);

  // A lock would throw the event away: it asks, "Keep unlocked" has focus, Escape keeps it.
  await alesya.keyboard.press('Control+l');
  const asked = alesya.getByTestId('confirm-dialog');
  await expect(asked).toContainText('An event is not saved');
  await expect(asked.getByRole('button', { name: 'Keep unlocked' })).toBeFocused();
  await alesya.keyboard.press('Escape');
  await expect(asked).toBeHidden();
  await expect(editor.getByTestId('event-title')).toHaveValue('Appeal hearing, room 4');
  await alesya.keyboard.press('Control+l');
  await asked.getByRole('button', { name: 'Lock and discard' }).click();
  await expect(alesya.getByTestId('unlock-passphrase')).toBeVisible();
});

test('a briefing being written survives a visit to another view of the space', async ({
  browser,
}) => {
  const {
    pages: [alesya],
  } = await peopleOnRelay(browser, ['Alesya'] as const);
  await createSpace(alesya, 'Hrodna network');
  await alesya.getByTestId('space-section-briefings').click();
  await alesya.getByTestId('briefing-new').click();
  const compose = alesya.getByTestId('briefing-compose');
  await compose.getByTestId('briefing-title-input').fill('Detentions in Hrodna');
  await compose.getByTestId('note-body').fill('Three were taken last night.');
  await alesya.getByTestId('space-section-plans').click();
  await expect(compose).toBeHidden();
  await alesya.getByTestId('space-section-briefings').click();
  await alesya.getByTestId('briefing-new').click();
  await expect(compose.getByTestId('briefing-title-input')).toHaveValue('Detentions in Hrodna');
  await expect(compose.getByTestId('note-body')).toHaveText('Three were taken last night.');
});

test('a briefing’s files stay through another view, a send goes on while the user is away, and a lock asks first', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const {
    pages: [alesya, bogdan],
  } = await peopleOnRelay(browser, ['Alesya', 'Bogdan'] as const);
  await createSpace(alesya, 'Hrodna network');
  await joinSpace(bogdan, await invite(alesya, 'editor'), 'Hrodna network');
  await openSpaceBriefings(alesya);
  const notes = { name: 'court-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Room 4.') };
  await writeBriefing(alesya, { title: 'Court notes', body: 'The hearing.', files: [notes] });

  // Away and back: the file is still attached and staged, not just its name.
  await alesya.getByTestId('space-section-plans').click();
  await openSpaceBriefings(alesya);
  await alesya.getByTestId('briefing-new').click();
  await expect(draftFile(alesya, notes.name)).toHaveAttribute('data-state', 'ready');

  // A large file makes the send take seconds; the user leaves as soon as it starts.
  const scans = {
    name: 'scans.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.alloc(16 * 1024 * 1024, 7),
  };
  await alesya.getByTestId('briefing-file-input').setInputFiles([scans]);
  await expect(draftFile(alesya, scans.name)).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  await alesya.getByTestId('briefing-send').click();
  await expect(alesya.getByTestId('briefing-send-progress')).toBeVisible();
  // A lock now would stop the send: the app asks first, and she keeps it unlocked.
  await alesya.keyboard.press('Control+l');
  const asked = alesya.getByTestId('confirm-dialog');
  await expect(asked).toContainText('A briefing is still being sent');
  await asked.getByRole('button', { name: 'Keep unlocked' }).click();
  await expect(asked).toBeHidden();
  await alesya.getByTestId('space-section-plans').click();
  await expect(alesya.getByTestId('briefing-compose')).toBeHidden();

  // Back: the briefing went out with both files, and the draft it came from is gone.
  await openSpaceBriefings(alesya);
  await expect(briefingItem(alesya, 'Court notes')).toHaveCount(1, { timeout: 60_000 });
  await expect(alesya.getByTestId('briefing-new')).toHaveText('New briefing');
  await openSpaceBriefings(bogdan);
  await openBriefing(bogdan, 'Court notes');
  for (const file of [notes, scans]) {
    await downloadAttachment(bogdan, file.name);
    expect((await saveAttachment(bogdan, file.name)).equals(file.buffer)).toBe(true);
  }
});

test('a plan’s half-written comment outlives the board, and its title what others rename', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const {
    pages: [alesya, bogdan],
  } = await peopleOnRelay(browser, ['Alesya', 'Bogdan'] as const);
  await createSpace(alesya, 'Spring campaign');
  await joinSpace(bogdan, await invite(alesya, 'editor'), 'Spring campaign');
  await newPlan(alesya, 'Spring plan');
  await planEditor(alesya).click();
  await alesya.keyboard.type('Free the prisoners');
  await openPlan(bogdan, 'Spring plan');

  // Bogdan starts a comment on the text, then looks at the task board and comes back.
  await planEditor(bogdan).click();
  await bogdan.keyboard.press('Home');
  await bogdan.keyboard.press('Shift+End');
  await openPlanTab(bogdan, 'comments');
  await bogdan.getByTestId('comment-add').click();
  await bogdan.getByTestId('comment-input').fill('Which prisoners first?');
  await bogdan.getByTestId('plan-mode-board').click();
  await expect(bogdan.getByTestId('plan-board')).toBeVisible();
  await bogdan.getByTestId('plan-mode-document').click();
  await expect(bogdan.getByTestId('comment-input')).toHaveValue('Which prisoners first?');
  // A lock would lose it: it asks first, and he keeps Suviaz unlocked.
  await bogdan.keyboard.press('Control+l');
  const asked = bogdan.getByTestId('confirm-dialog');
  await expect(asked).toContainText('A comment is not posted');
  await asked.getByRole('button', { name: 'Keep unlocked' }).click();
  await expect(bogdan.getByTestId('comment-input')).toHaveValue('Which prisoners first?');

  // Bogdan is typing in the title when Alesya's rename reaches him: his words stay in the field.
  await bogdan.getByTestId('plan-title').click();
  await bogdan.keyboard.press('End');
  await bogdan.keyboard.type(' (draft');
  // Once his words have reached her (renames made at the same time would merge instead).
  await expect(alesya.getByTestId('plan-title')).toHaveValue('Spring plan (draft');
  await alesya.getByTestId('plan-title').fill('Renamed by Alesya');
  await alesya.getByTestId('plan-title').press('Enter');
  await expect(bogdan.locator('.plan-print-title')).toHaveText('Renamed by Alesya');
  await expect(bogdan.getByTestId('plan-title')).toHaveValue('Spring plan (draft');
  // Leaving the field shows the plan's title as it now is.
  await bogdan.getByTestId('plan-title').press('Tab');
  await expect(bogdan.getByTestId('plan-title')).toHaveValue('Renamed by Alesya');
  // Escape after typing puts back the title the field had on focus, in the plan too.
  await bogdan.getByTestId('plan-title').click();
  await bogdan.keyboard.press('End');
  await bogdan.keyboard.type(' (old)');
  await expect(bogdan.locator('.plan-print-title')).toHaveText('Renamed by Alesya (old)');
  await bogdan.getByTestId('plan-title').press('Escape');
  await expect(bogdan.getByTestId('plan-title')).toHaveValue('Renamed by Alesya');
  await expect(bogdan.locator('.plan-print-title')).toHaveText('Renamed by Alesya');
});
