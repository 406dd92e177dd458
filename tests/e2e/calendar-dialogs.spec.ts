// The calendar's dialogs keep what the user did and say what went wrong: a file once imported is
// not imported again by a second click; a file that can no longer be read, or an .ics file with
// one bad event, says so (naming the event); the event editor asks before it throws changes away;
// and a share link once made is still there after a look at sharing with a member.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { peopleOnRelay, stopProcesses } from './people';
import {
  createEvent,
  dayBlocks,
  eventEditor,
  openEvent,
  openSpaceCalendar,
  switchView,
} from './pages/calendar-page';
import { createSpace } from './pages/spaces';

test.afterEach(stopProcesses);

const DAY = '2027-03-09';

/** One event of an .ics file, all day on DAY unless `start` gives other DTSTART/DTEND lines. */
function vevent(uid: string, title: string, start?: string[]): string[] {
  const when = start ?? ['DTSTART;VALUE=DATE:20270309', 'DTEND;VALUE=DATE:20270310'];
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20270101T000000Z',
    ...when,
    `SUMMARY:${title}`,
    'END:VEVENT',
  ];
}

/** Writes an .ics file of these events in a fresh folder; its events begin on line 4. */
function icsFile(name: string, events: string[][]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'suviaz-e2e-ics-')), name);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Suviaz tests//EN'];
  writeFileSync(path, [...lines, ...events.flat(), 'END:VCALENDAR', ''].join('\r\n'));
  return path;
}

/** Alesya alone, in a new space's calendar. */
async function alesyaInCalendar(browser: Parameters<typeof peopleOnRelay>[0]): Promise<Page> {
  const {
    pages: [alesya],
  } = await peopleOnRelay(browser, ['Alesya'] as const);
  await createSpace(alesya, 'Hearings');
  await openSpaceCalendar(alesya);
  return alesya;
}

test('a file imported once cannot be imported into the same space again by a second click', async ({
  browser,
}) => {
  const alesya = await alesyaInCalendar(browser);
  await alesya.getByTestId('cal-import').click();
  const dialog = alesya.getByTestId('import-dialog');
  const submit = dialog.getByTestId('import-submit');
  await dialog
    .getByTestId('import-file')
    .setInputFiles(icsFile('court.ics', [vevent('a@test', 'Appeal hearing')]));
  await submit.click();
  await expect(dialog.getByTestId('import-done')).toHaveText('1 event imported.');
  await expect(submit).toBeDisabled();
  await expect(dialog.getByTestId('import-hint')).toContainText('has been imported');

  // Another file is imported as usual.
  await dialog
    .getByTestId('import-file')
    .setInputFiles(icsFile('press.ics', [vevent('b@test', 'Press conference')]));
  await expect(submit).toBeEnabled();
  await expect(dialog.getByTestId('import-hint')).not.toContainText('has been imported');
  await submit.click();
  await expect(submit).toBeDisabled();
  await expect(dialog.getByTestId('import-done')).toHaveText('1 event imported.');
  await alesya.keyboard.press('Escape');

  await switchView(alesya, 'agenda');
  await expect
    .poll(async () => (await dayBlocks(alesya, DAY)).sort())
    .toEqual(['Appeal hearing', 'Press conference']);
});

test('a chosen file that can no longer be read says so, in the import and in sync by file', async ({
  browser,
}) => {
  const {
    pages: [alesya],
  } = await peopleOnRelay(browser, ['Alesya'] as const);
  await createSpace(alesya, 'Hearings');

  // Sync by file: the bundle was chosen, then its USB stick was pulled out.
  const bundle = join(mkdtempSync(join(tmpdir(), 'suviaz-e2e-bundle-')), 'hearings.suviaz');
  writeFileSync(bundle, 'not read before the file is gone');
  const panel = alesya.getByTestId('bundle-panel');
  await panel.getByTestId('bundle-file').setInputFiles(bundle);
  rmSync(bundle);
  await panel.getByTestId('bundle-import').click();
  await expect(panel.getByRole('alert')).toContainText('could not read this file');
  await expect(panel.getByTestId('bundle-import')).toBeEnabled();

  await openSpaceCalendar(alesya);
  await alesya.getByTestId('cal-import').click();
  const dialog = alesya.getByTestId('import-dialog');
  const file = icsFile('court.ics', [vevent('a@test', 'Appeal hearing')]);
  await dialog.getByTestId('import-file').setInputFiles(file);
  rmSync(file);
  await dialog.getByTestId('import-submit').click();
  await expect(dialog.getByRole('alert')).toContainText('could not be read');
  await expect(dialog.getByRole('alert')).toContainText('choose it again');
  await expect(dialog.getByTestId('import-submit')).toBeEnabled();
  await expect(dialog.getByTestId('import-done')).toHaveCount(0);
});

test('a file with one bad event names that event, and none of the file’s own text', async ({
  browser,
}) => {
  const alesya = await alesyaInCalendar(browser);
  await alesya.getByTestId('cal-import').click();
  const dialog = alesya.getByTestId('import-dialog');
  const mars = [
    'DTSTART;TZID=Mars/Olympus_Mons:20270309T180000',
    'DTEND;TZID=Mars/Olympus_Mons:20270309T190000',
  ];
  // The second event begins on line 11: three lines of calendar, then seven of the first event.
  const path = icsFile('mixed.ics', [
    vevent('a@test', 'Appeal hearing'),
    vevent('b@test', 'Vigil', mars),
  ]);
  await dialog.getByTestId('import-file').setInputFiles(path);
  await dialog.getByTestId('import-submit').click();
  const error = dialog.getByRole('alert');
  await expect(error).toContainText('event 2 of this file (it begins on line 11)');
  await expect(error).toContainText('nothing from the file was imported');
  await expect(error).not.toContainText('Mars');
  await expect(dialog.getByTestId('import-done')).toHaveCount(0);
});

test('the event editor asks before it throws away changes, and closes at once without them', async ({
  browser,
}) => {
  const alesya = await alesyaInCalendar(browser);
  const editor = eventEditor(alesya);
  const title = editor.getByTestId('event-title');
  const discard = alesya.getByTestId('discard-dialog');
  const keepEditing = discard.getByRole('button', { name: 'Keep editing' });

  // Nothing typed: Escape closes at once.
  await alesya.getByTestId('cal-new-event').click();
  await expect(title).toBeFocused();
  await alesya.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(discard).toHaveCount(0);

  // Typed: Escape asks, with "Keep editing" ready for Enter; what was typed is still there.
  await alesya.getByTestId('cal-new-event').click();
  await title.fill('Appeal hearing, room 4');
  await alesya.keyboard.press('Escape');
  await expect(keepEditing).toBeFocused();
  await alesya.keyboard.press('Enter');
  await expect(discard).toBeHidden();
  await expect(title).toHaveValue('Appeal hearing, room 4');
  await expect(title).toBeFocused();

  // Escape on the question keeps editing too, and the next Escape asks again.
  await alesya.keyboard.press('Escape');
  await expect(keepEditing).toBeFocused();
  await alesya.keyboard.press('Escape');
  await expect(discard).toBeHidden();
  await expect(title).toBeVisible();
  await alesya.keyboard.press('Escape');
  await expect(keepEditing).toBeFocused();
  await expect(editor).toHaveJSProperty('open', true);
  await expect(title).toBeVisible();
  await expect(title).toHaveValue('Appeal hearing, room 4');

  // Discarding, by keyboard, closes the editor; nothing was saved.
  await alesya.keyboard.press('Tab');
  await expect(discard.getByTestId('confirm-action')).toBeFocused();
  await alesya.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(discard).toHaveCount(0);

  // Cancel asks too.
  await alesya.getByTestId('cal-new-event').click();
  await title.fill('Vigil');
  await editor.getByTestId('event-cancel').click();
  await expect(discard).toBeVisible();
  await keepEditing.click();
  await expect(title).toHaveValue('Vigil');
  await editor.getByTestId('event-cancel').click();
  await discard.getByTestId('confirm-action').click();
  await expect(editor).toBeHidden();

  // A saved event opened and left as it was closes at once.
  await switchView(alesya, 'agenda');
  await createEvent(alesya, { title: 'Press conference', date: DAY, start: '10:00', end: '11:00' });
  await expect.poll(() => dayBlocks(alesya, DAY)).toEqual(['Press conference']);
  await openEvent(alesya, 'Press conference');
  await alesya.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(discard).toHaveCount(0);

  // Escape on "Delete this event?" answers that question and leaves the editor open.
  await openEvent(alesya, 'Press conference');
  await editor.getByTestId('event-delete').click();
  await expect(alesya.getByTestId('confirm-dialog')).toBeVisible();
  await alesya.keyboard.press('Escape');
  await expect(alesya.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(editor).toBeVisible();
  await expect(discard).toHaveCount(0);

  // A change to it, discarded, is not saved.
  await title.fill('Press conference moved');
  await alesya.keyboard.press('Escape');
  await discard.getByTestId('confirm-action').click();
  await expect(editor).toBeHidden();
  expect(await dayBlocks(alesya, DAY)).toEqual(['Press conference']);
});

test('a share link once made is still there after a look at sharing with a member', async ({
  browser,
}) => {
  const alesya = await alesyaInCalendar(browser);
  await switchView(alesya, 'agenda');
  await createEvent(alesya, { title: 'Donor strategy', date: DAY, start: '10:00', end: '11:00' });
  await expect.poll(() => dayBlocks(alesya, DAY)).toEqual(['Donor strategy']);
  await openEvent(alesya, 'Donor strategy');
  await eventEditor(alesya).getByTestId('event-share').click();
  const dialog = alesya.getByTestId('share-dialog');
  await dialog.getByTestId('share-link-create').click();
  const link = dialog.getByTestId('share-link');
  await expect(link).toHaveValue(/^suviaz:\/\/event#/);
  const made = await link.inputValue();

  await dialog.getByTestId('share-by-member').click();
  await expect(link).toBeHidden();
  await expect(dialog.getByTestId('share-by-member')).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByTestId('share-by-link').click();
  await expect(link).toBeVisible();
  await expect(link).toHaveValue(made);
  await expect(dialog.getByTestId('share-link-create')).toHaveCount(0);
});
