// A coalition's joint calendar with four people, three browser hosts in the coalition and one
// outside it, through one relay: Alesya (organisation Viasna) makes a busy-only weekly event;
// Bogdan (organisation Honest People) sees busy blocks without a title; Cira (Viasna) sees it
// whole; Alesya shares one occurrence by link with Dasha, who is in no space of theirs; and the
// exported .ics names nobody.
import { expect, test } from '@playwright/test';
import { peopleOnRelay, stopProcesses } from './people';
import {
  createEvent,
  dayBlocks,
  eventEditor,
  exportIcs,
  openEvent,
  openSharedLink,
  openSpaceCalendar,
  shareLink,
  switchView,
  closeDialog as closeCalendarDialog,
  openCalendar,
} from './pages/calendar-page';
import { addToMyOrganisation, createOrganisation } from './pages/organisations';
import { invite, joinSpace, memberRow, spaceItem } from './pages/spaces';

test.afterEach(stopProcesses);

// Tuesdays: the event repeats weekly from the first.
const FIRST = '2027-01-12';
const SECOND = '2027-01-19';

test('busy blocks for the other organisation, details for mine, one occurrence shared, a scrubbed export', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const {
    pages: [alesya, bogdan, cira, dasha],
  } = await peopleOnRelay(browser, ['Alesya', 'Bogdan', 'Cira', 'Dasha']);

  // Alesya makes the coalition's space; Bogdan and Cira join; Bogdan becomes an admin too.
  await alesya.getByTestId('new-space').click();
  await alesya.getByTestId('space-name-input').fill('Free elections coalition');
  await alesya.getByTestId('create-space-submit').click();
  await spaceItem(alesya, 'Free elections coalition').click();
  await joinSpace(bogdan, await invite(alesya, 'editor'), 'Free elections coalition');
  await joinSpace(cira, await invite(alesya, 'editor'), 'Free elections coalition');
  await expect(memberRow(alesya, 'Bogdan')).toHaveCount(1);
  await expect(memberRow(alesya, 'Cira')).toHaveCount(1);
  await memberRow(alesya, 'Bogdan').getByTestId('member-role-select').selectOption('admin');

  // Each admin makes an organisation; Alesya adds Cira to hers.
  await createOrganisation(alesya, 'Viasna');
  await addToMyOrganisation(alesya, 'Cira');
  await expect(bogdan.getByTestId('org-new-name')).toBeVisible();
  await createOrganisation(bogdan, 'Honest People');

  // Alesya: a weekly busy-only event of Viasna.
  await openSpaceCalendar(alesya);
  await switchView(alesya, 'week');
  await createEvent(alesya, {
    title: 'Donor strategy',
    location: 'Office on Gedimino',
    date: FIRST,
    start: '10:00',
    end: '11:00',
    zone: 'Europe/Vilnius',
    weekly: ['TU'],
    organisation: 'Viasna',
    visibility: 'busy',
  });
  // Views load their range after each change or page turn: read until it is there.
  await expect.poll(() => dayBlocks(alesya, FIRST)).toEqual(['Donor strategy']);

  // Bogdan sees a busy block each week, and no title, place or description anywhere.
  await openSpaceCalendar(bogdan);
  await switchView(bogdan, 'week');
  await expect.poll(() => dayBlocks(bogdan, FIRST), { timeout: 20_000 }).toEqual(['Busy']);
  await expect.poll(() => dayBlocks(bogdan, SECOND)).toEqual(['Busy']);
  await expect(bogdan.getByTestId('calendar')).not.toContainText('Donor strategy');
  await expect(bogdan.getByTestId('calendar')).not.toContainText('Gedimino');

  // Cira, in Viasna, sees it whole.
  await openSpaceCalendar(cira);
  await switchView(cira, 'week');
  await expect.poll(() => dayBlocks(cira, SECOND), { timeout: 20_000 }).toEqual(['Donor strategy']);

  // Alesya shares the second occurrence by link with Dasha, who is in none of their spaces.
  await openEvent(alesya, 'Donor strategy', SECOND);
  const link = await shareLink(alesya, 3);
  expect(link).toMatch(/^suviaz:\/\/event#/);
  await closeCalendarDialog(alesya);
  await openCalendar(dasha);
  const shared = await openSharedLink(dasha, link);
  expect(shared).toContain('Donor strategy');
  expect(shared).toContain('Alesya');
  await expect(dasha.getByTestId('space-item')).toHaveCount(0);

  // Alesya withdraws the link: from then on it opens nothing; what Dasha opened stays with her.
  await openEvent(alesya, 'Donor strategy', SECOND);
  await eventEditor(alesya).getByTestId('event-share').click();
  const shareDialog = alesya.getByTestId('share-dialog');
  await shareDialog.getByTestId('share-by-link').click();
  await expect(shareDialog.getByTestId('link-made')).toHaveCount(1);
  await shareDialog.getByTestId('link-stop').click();
  await expect(shareDialog.getByTestId('link-stop-status')).toContainText('no longer opens');
  await expect(shareDialog.getByTestId('link-made')).toHaveCount(0);
  await shareDialog.getByTestId('share-close').click();
  await closeCalendarDialog(alesya);
  const sharedDialog = dasha.getByTestId('shared-dialog');
  await sharedDialog.getByTestId('shared-link-input').fill(link);
  await sharedDialog.getByTestId('shared-link-open').click();
  await expect(sharedDialog.getByRole('alert').first()).toContainText('withdrawn');
  await expect(sharedDialog).toContainText('Donor strategy');
  await closeCalendarDialog(dasha);

  // Alesya's export names nobody and carries no app marker; Bogdan's has the block, not the text.
  const ics = await exportIcs(alesya, 'hour');
  expect(ics).toContain('SUMMARY:Donor strategy');
  for (const leak of ['Alesya', 'Cira', 'Bogdan', 'Viasna', 'Honest People', 'Free elections']) {
    expect(ics).not.toContain(leak);
  }
  expect(ics.toLowerCase()).not.toContain('suviaz');
  expect(ics).not.toMatch(/^(X-|ORGANIZER|ATTENDEE)/m);
  const bogdansIcs = await exportIcs(bogdan, 'none');
  expect(bogdansIcs).toContain('RRULE:FREQ=WEEKLY');
  expect(bogdansIcs).not.toContain('Donor strategy');
  expect(bogdansIcs).not.toContain('Gedimino');
});
