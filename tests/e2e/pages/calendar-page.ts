// The calendar: opening it (all spaces from the sidebar, or one space's tab), switching views,
// creating an event through the editor, reading what a day shows, opening an event, sharing it by
// link, exporting .ics with a blur, importing a file and opening a shared link. Test ids only, so it
// works in every language; what it returns is what a person would read.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export type CalendarView = 'month' | 'week' | 'agenda';
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export type Visibility = 'coalition' | 'busy' | 'organisation';
export type Blur = 'none' | 'hour' | 'day';

export interface NewEvent {
  title: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm'; leave both out for an all-day event. */
  start?: string;
  end?: string;
  /** An IANA zone; the device's when left out. */
  zone?: string;
  /** Repeat weekly on these days. */
  weekly?: Weekday[];
  /** The organisation's name, in a coalition. */
  organisation?: string;
  visibility?: Visibility;
  /** For a new event in the calendar of all spaces: the space's name. */
  space?: string;
  location?: string;
}

export const calendar = (page: Page): Locator => page.getByTestId('calendar');
export const eventEditor = (page: Page): Locator => page.getByTestId('event-editor');

/** The calendar of all spaces, from the sidebar. */
export async function openCalendar(page: Page): Promise<void> {
  await page.getByTestId('calendar-open').click();
  await expect(calendar(page)).toBeVisible();
}

/** The calendar tab of the space that is open (open the space first, e.g. with spaceItem). */
export async function openSpaceCalendar(page: Page): Promise<void> {
  await page.getByTestId('space-section-calendar').click();
  await expect(calendar(page)).toBeVisible();
}

export async function switchView(page: Page, view: CalendarView): Promise<void> {
  await page.getByTestId(`cal-view-${view}`).click();
  await expect(calendar(page)).toHaveAttribute('data-view', view);
}

/** Turns the pages (next or previous) until `date` is in the period shown; at most 110 turns. */
export async function goToDate(page: Page, date: string): Promise<void> {
  for (let turns = 0; turns < 110; turns++) {
    const first = (await calendar(page).getAttribute('data-first-day')) ?? '';
    const last = (await calendar(page).getAttribute('data-last-day')) ?? '';
    if (first <= date && date <= last) return;
    await page.getByTestId(date < first ? 'cal-prev' : 'cal-next').click();
    await expect(calendar(page)).not.toHaveAttribute('data-first-day', first);
  }
  throw new Error(`the calendar never showed ${date}`);
}

/** Sets a date field of the editor by typing the ISO date (the field accepts it in any language). */
async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  await field.press('Enter');
}

/** Creates an event through the editor and waits until the editor has closed (saved). */
export async function createEvent(page: Page, event: NewEvent): Promise<void> {
  await page.getByTestId('cal-new-event').click();
  const editor = eventEditor(page);
  await expect(editor).toBeVisible();
  if (event.space !== undefined) {
    await editor.getByTestId('event-space').selectOption({ label: event.space });
  }
  await editor.getByTestId('event-title').fill(event.title);
  if (event.start === undefined) await editor.getByTestId('event-all-day').check();
  await fillDate(editor.getByTestId('event-start-date'), event.date);
  if (event.start !== undefined) await editor.getByTestId('event-start-time').fill(event.start);
  if (event.end !== undefined) await editor.getByTestId('event-end-time').fill(event.end);
  if (event.zone !== undefined) await editor.getByTestId('event-zone').fill(event.zone);
  if (event.weekly !== undefined) {
    await editor.getByTestId('event-repeat').selectOption('weekly');
    for (const day of ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const) {
      await editor.getByTestId(`event-repeat-day-${day}`).setChecked(event.weekly.includes(day));
    }
  }
  if (event.organisation !== undefined) {
    await editor.getByTestId('event-organisation').selectOption({ label: event.organisation });
  }
  if (event.visibility !== undefined) {
    await editor.getByTestId(`event-visibility-${event.visibility}`).check();
  }
  if (event.location !== undefined) await editor.getByTestId('event-location').fill(event.location);
  await editor.getByTestId('event-save').click();
  await expect(editor).toBeHidden();
}

/**
 * What one day shows, in order: each event's title, or 'Busy' for a busy block of another
 * organisation (whatever the language). Goes to the day first; in the month view a day shows its
 * first few only, so use the week or agenda view for a full day.
 */
export async function dayBlocks(page: Page, date: string): Promise<string[]> {
  await goToDate(page, date);
  const items = calendar(page)
    .locator(`[data-testid="cal-day"][data-day="${date}"]`)
    .getByTestId('cal-item');
  const out: string[] = [];
  for (const item of await items.all()) {
    const busy = (await item.getAttribute('data-busy')) === 'true';
    out.push(busy ? 'Busy' : (await item.getByTestId('cal-item-title').innerText()).trim());
  }
  return out;
}

/** An event's block (its first occurrence on screen), found by its title. */
export const eventBlock = (page: Page, title: string): Locator =>
  calendar(page).getByTestId('cal-item').filter({ hasText: title }).first();

/** Opens an event in the editor (read-only for a busy block). */
export async function openEvent(page: Page, title: string, date?: string): Promise<void> {
  if (date !== undefined) await goToDate(page, date);
  await eventBlock(page, title).click();
  await expect(eventEditor(page)).toBeVisible();
}

/** From the open editor: makes a share link valid for `days` and returns it; the editor stays open. */
export async function shareLink(page: Page, days = 7): Promise<string> {
  await eventEditor(page).getByTestId('event-share').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('share-by-link').click();
  await dialog.getByTestId('share-days').fill(String(days));
  await dialog.getByTestId('share-link-create').click();
  const link = dialog.getByTestId('share-link');
  await expect(link).not.toHaveValue('');
  const value = await link.inputValue();
  await dialog.getByTestId('share-close').click();
  return value;
}

/**
 * Exports .ics with a blur and returns the file's text: the whole calendar on screen, or with
 * `fromEditor` the event open in the editor.
 */
export async function exportIcs(page: Page, blur: Blur, fromEditor = false): Promise<string> {
  if (fromEditor) await eventEditor(page).getByTestId('event-export').click();
  else await page.getByTestId('cal-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId(`export-blur-${blur}`).check();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-submit').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  await expect(dialog.getByTestId('export-done')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  return text;
}

/** Imports an .ics file into the calendar on screen; returns the "N events imported" line. */
export async function importIcs(page: Page, filePath: string, space?: string): Promise<string> {
  await page.getByTestId('cal-import').click();
  const dialog = page.getByTestId('import-dialog');
  if (space !== undefined) await dialog.getByTestId('import-space').selectOption({ label: space });
  await dialog.getByTestId('import-file').setInputFiles(filePath);
  await dialog.getByTestId('import-submit').click();
  await expect(dialog.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
  const done = await dialog.getByTestId('import-done').innerText();
  await page.keyboard.press('Escape');
  return done;
}

/** Opens an event link under "Shared with me"; returns the opened event's text as shown. */
export async function openSharedLink(page: Page, link: string): Promise<string> {
  await page.getByTestId('cal-shared').click();
  const dialog = page.getByTestId('shared-dialog');
  await dialog.getByTestId('shared-link-input').fill(link);
  await dialog.getByTestId('shared-link-open').click();
  const opened = dialog.getByTestId('shared-opened');
  await expect(opened).toBeVisible();
  return opened.innerText();
}

/** Closes the dialog on top (the editor, a day, a share dialog). */
export async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}
