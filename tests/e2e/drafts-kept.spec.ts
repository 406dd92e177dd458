// What is typed and not yet saved is not thrown away by the app's own moves: a shortcut while a
// dialog is open (Ctrl+N used to close every view, and the event being written with it), or a
// visit to another view of the space while a briefing is being written.
import { expect, test } from '@playwright/test';
import { peopleOnRelay, stopProcesses } from './people';
import { createSpace } from './pages/spaces';

test.afterEach(stopProcesses);

test('Ctrl+N while an event is being written keeps the editor and what was typed', async ({
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
