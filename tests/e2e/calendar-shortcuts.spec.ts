// A shortcut must not throw away what is typed in an open dialog: Ctrl+N used to close every view,
// and with it the event being written.
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
