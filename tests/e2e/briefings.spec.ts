// Briefings between three people, three browser hosts and one relay: Alesya sends a briefing with a
// photo carrying GPS EXIF to Bogdan and Cira. Bogdan is told only "New briefing", reads it, sees
// what was removed from the photo, and the photo he can save carries no GPS; Alesya sees that
// Bogdan read it; Cira acknowledges it and Alesya sees that too; Alesya deletes it for everyone and
// it disappears on all three. (Expiry: briefing-expiry.spec.ts and the integration tests.)
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  GPS_CANARY,
  MODEL_CANARY,
  SERIAL_CANARY,
  jpegMarkers,
  jpegWithMetadata,
} from '../support/image-fixtures';
import { peopleOnRelay, stopProcesses } from './people';
import {
  briefingItem,
  draftFile,
  openBriefing,
  openSpaceBriefings,
  receiptRow,
  recallBriefing,
  saveAttachment,
  sendBriefing,
  writeBriefing,
} from './pages/briefings-page';
import { mySafetyNumber } from './pages/settings';
import { createSpace, invite, joinSpace, memberRow } from './pages/spaces';

test.afterEach(stopProcesses);

const SPACE = 'Hrodna monitoring';
const TITLE = 'Three arrests in Hrodna last night';
const BODY = 'Names and the court hearing time are in the photo of the protocol.';
const PHOTO = 'protocol.jpg';

/** Serious and critical axe violations on the page as it is (the tour sweeps only empty states). */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

test('a briefing with a photo: scrubbed, read, acknowledged, deleted for everyone', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const {
    pages: [alesya, bogdan, cira],
  } = await peopleOnRelay(browser, ['Alesya', 'Bogdan', 'Cira']);

  await createSpace(alesya, SPACE);
  await joinSpace(bogdan, await invite(alesya, 'editor'), SPACE);
  await joinSpace(cira, await invite(alesya, 'editor'), SPACE);
  // Their names reach Alesya with their presence: compose offers them by name.
  await expect(memberRow(alesya, 'Bogdan')).toHaveCount(1);
  await expect(memberRow(alesya, 'Cira')).toHaveCount(1);

  // Alesya writes to Bogdan and Cira, with a photo whose EXIF has a GPS position and a serial.
  const photo = Buffer.from(jpegWithMetadata());
  expect(photo.includes(GPS_CANARY)).toBe(true);
  await openSpaceBriefings(alesya);
  await writeBriefing(alesya, {
    title: TITLE,
    body: BODY,
    to: ['Bogdan', 'Cira'],
    files: [{ name: PHOTO, mimeType: 'image/jpeg', buffer: photo }],
  });
  // Before sending, she sees what was taken out of the photo.
  await expect(draftFile(alesya, PHOTO).getByTestId('briefing-draft-removed')).toContainText(
    'Removed before sending: GPS location',
  );
  expect(await axeProblems(alesya)).toEqual([]);
  await sendBriefing(alesya, TITLE);
  await expect(receiptRow(alesya, 'Bogdan')).toHaveAttribute('data-read', 'false');

  // Bogdan is told only that a briefing came: nothing of its title, sender or space.
  const notice = bogdan.getByTestId('briefing-notice');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toHaveText(/^New briefing/);
  for (const secret of [TITLE, 'Alesya', SPACE]) await expect(notice).not.toContainText(secret);
  await notice.getByTestId('briefing-notice-open').click();
  await expect(briefingItem(bogdan, TITLE)).toHaveAttribute('data-unread', 'true');
  // By keyboard: the list item takes focus and Enter opens it.
  await briefingItem(bogdan, TITLE).focus();
  await bogdan.keyboard.press('Enter');
  await expect(bogdan.getByTestId('briefing-read-title')).toHaveText(TITLE);
  const read = bogdan.getByTestId('briefing-read');
  await expect(read.getByTestId('briefing-sender')).toContainText('Alesya');
  // Whom it went to, by name (Bogdan reads himself as "you").
  await expect(read.getByTestId('briefing-audience-line')).toHaveText('Sent to you and Cira.');
  await expect(read.getByTestId('briefing-body')).toContainText(BODY);
  await expect(read.getByTestId('briefing-image')).toBeVisible({ timeout: 30_000 });
  await expect(read.getByTestId('briefing-attachment-removed')).toContainText(
    'Removed before sending: GPS location',
  );
  expect(await axeProblems(bogdan)).toEqual([]);
  // What Bogdan's app opened, saved after the warning, is the photo without its metadata.
  const saved = await saveAttachment(bogdan, PHOTO);
  expect(jpegMarkers(new Uint8Array(saved))).not.toContain(0xe1);
  for (const canary of [GPS_CANARY, SERIAL_CANARY, MODEL_CANARY]) {
    expect(saved.includes(canary), canary).toBe(false);
  }
  await expect(briefingItem(bogdan, TITLE)).toHaveAttribute('data-unread', 'false');

  // Alesya sees that Bogdan read it (and that Cira has not yet).
  await expect(receiptRow(alesya, 'Bogdan')).toHaveAttribute('data-read', 'true', {
    timeout: 30_000,
  });
  await expect(receiptRow(alesya, 'Cira')).toHaveAttribute('data-read', 'false');

  // Cira opens it in the space's tab and acknowledges it; Alesya sees the acknowledgement.
  await openSpaceBriefings(cira);
  await openBriefing(cira, TITLE);
  await cira.getByTestId('briefing-acknowledge').click();
  await expect(cira.getByTestId('briefing-acknowledged')).toBeVisible();
  await expect(receiptRow(alesya, 'Cira')).toHaveAttribute('data-acknowledged', 'true', {
    timeout: 30_000,
  });
  await expect(receiptRow(alesya, 'Bogdan')).toHaveAttribute('data-acknowledged', 'false');
  expect(await axeProblems(alesya)).toEqual([]);

  // Alesya deletes it for everyone: it disappears from all three lists, and Bogdan's open view
  // says it is gone.
  await recallBriefing(alesya);
  await expect(briefingItem(alesya, TITLE)).toHaveCount(0);
  await expect(briefingItem(bogdan, TITLE)).toHaveCount(0, { timeout: 30_000 });
  await expect(bogdan.getByTestId('briefing-gone')).toBeVisible();
  await expect(briefingItem(cira, TITLE)).toHaveCount(0, { timeout: 30_000 });
});

const LEAKY = [
  'The meeting with the lawyers moves to Thursday evening, at the usual place near the station.',
  'Bring the signed statements of the witnesses, and do not discuss the names of the detained by phone.',
  'The families ask that nobody posts photos from the courtroom until the verdict is announced.',
].join(' ');

test('leak tracing names whose copy leaked, and says when it cannot tell', async ({ browser }) => {
  test.setTimeout(180_000);
  // Cira set no name: she is shown by the start of her safety number, as the members panel shows it.
  const {
    pages: [alesya, bogdan, cira],
  } = await peopleOnRelay(browser, ['Alesya', 'Bogdan', '']);
  const cirasNumber = ((await mySafetyNumber(cira)).match(/\d{5}/g) ?? []).slice(0, 2).join(' ');
  expect(cirasNumber).toMatch(/^\d{5} \d{5}$/);
  await createSpace(alesya, SPACE);
  await joinSpace(bogdan, await invite(alesya, 'editor'), SPACE);
  await joinSpace(cira, await invite(alesya, 'editor'), SPACE);
  await expect(memberRow(alesya, 'Bogdan')).toHaveCount(1);
  await expect(alesya.getByTestId('member-item').filter({ hasText: cirasNumber })).toHaveCount(1);

  await openSpaceBriefings(alesya);
  await writeBriefing(alesya, { title: 'Lawyers on Thursday', body: LEAKY, canary: true });
  await sendBriefing(alesya, 'Lawyers on Thursday');

  // Each recipient's copy, as it would be copied out of the app.
  const copyOf = async (page: Page): Promise<string> => {
    await openSpaceBriefings(page);
    await openBriefing(page, 'Lawyers on Thursday');
    const body = page.getByTestId('briefing-read').getByTestId('briefing-body');
    // Not compared with the text sent: the copy's letters and spaces differ invisibly from it.
    await expect(body).not.toBeEmpty();
    return (await body.textContent()) ?? '';
  };
  const bogdansCopy = await copyOf(bogdan);
  const cirasCopy = await copyOf(cira);

  const check = async (text: string) => {
    await alesya.getByTestId('briefing-leak-text').fill(text);
    await alesya.getByTestId('briefing-leak-submit').click();
  };
  const result = alesya.getByTestId('briefing-leak-result');
  await check(bogdansCopy);
  await expect(result).toContainText('This is the copy sent to Bogdan.');
  await check(cirasCopy);
  await expect(result).toContainText(`This is the copy sent to the unnamed device ${cirasNumber}.`);
  // Who read it names her the same way.
  await expect(
    alesya.getByTestId('briefing-receipt').filter({ hasText: cirasNumber }),
  ).toHaveAttribute('data-read', 'true');
  // Retyped, the marks are gone: the app says it cannot tell, and does not guess.
  await check(LEAKY);
  await expect(result).toContainText('Cannot tell whose copy this is.');
  await expect(result).not.toContainText('Bogdan');
  await expect(result).not.toContainText(cirasNumber);
});
