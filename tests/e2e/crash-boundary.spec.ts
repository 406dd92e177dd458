// A view that throws while rendering is replaced by a message with "Try again"; the sidebar, the
// other views and what was typed go on. The throw is provoked as a real one would come: an answer
// from main the view cannot show (a briefing dated past what a Date holds), rewritten on its way
// through the browser host's socket.
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, tempDataDir, type HostProcess } from './host-process';
import { openAllBriefings } from './pages/briefings-page';
import { noteItem, writeNote } from './pages/notes';
import { onboard } from './pages/onboarding';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** A briefing list entry whose date no Date can hold: `new Date(…).toISOString()` throws. */
const UNSHOWABLE = {
  id: 'b'.repeat(32),
  spaceId: 's'.repeat(32),
  spaceName: 'Coalition',
  title: 'Unshowable',
  authorName: 'Ana',
  authorDevice: 'd'.repeat(64),
  authorVerified: false,
  mine: false,
  createdAt: 1e20,
  expiresAt: null,
  unread: true,
  acknowledged: false,
  attachments: 0,
  excerpt: '',
};

/** Passes the host's socket through, with briefings.list answers broken while `broken.on`. */
async function breakBriefingList(page: Page): Promise<{ on: boolean }> {
  const broken = { on: true };
  await page.routeWebSocket(/\/api\?/, (ws) => {
    const server = ws.connectToServer();
    const listCalls = new Set<number>();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { id: number; method: string };
      if (call.method === 'briefings.list') listCalls.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const answer = JSON.parse(String(message)) as {
        type: string;
        id?: number;
        outcome?: { ok: boolean; value?: { items: unknown[] } };
      };
      if (answer.type !== 'result' || answer.id === undefined || !listCalls.has(answer.id)) {
        ws.send(message);
        return;
      }
      listCalls.delete(answer.id);
      if (broken.on && answer.outcome?.ok && answer.outcome.value) {
        answer.outcome.value.items = [UNSHOWABLE];
      }
      ws.send(JSON.stringify(answer));
    });
  });
  return broken;
}

test('a view that fails to render is replaced by a message; the rest of the app goes on', async ({
  page,
}) => {
  host = await startHostProcess(tempDataDir());
  const broken = await breakBriefingList(page);
  await page.goto(host.url);
  await onboard(page);
  await writeNote(page, 'Route B after the checkpoint', 'Plan');

  await page.getByTestId('briefings-open').click();
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('This view stopped working');
  await expect(alert).toContainText('Invalid time value');
  // Focus is on the way out of it, not lost on the page.
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeFocused();

  // The sidebar still works, and the note is as it was.
  await noteItem(page, 'Plan').click();
  await expect(page.getByTestId('note-body')).toHaveText('Route B after the checkpoint');
  await page.getByTestId('note-body').fill('Route C after the checkpoint');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // Back to the broken view, then "Try again" once main's answers can be shown.
  await page.getByTestId('briefings-open').click();
  await expect(alert).toContainText('This view stopped working');
  broken.on = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('briefings-screen')).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await openAllBriefings(page);
  await noteItem(page, 'Plan').click();
  await expect(page.getByTestId('note-body')).toHaveText('Route C after the checkpoint');
});
