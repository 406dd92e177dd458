// A one-off link to one event through a real relay: the recipient outside the space reads that
// event and nothing else; a link altered by one character or withdrawn opens nothing; the relay's
// store and files never hold the event's text.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseShareLink, encodeShareLink } from '../../src-main/core/calendar/share-link';
import { SHARED_SWEEP_MS, sweepExpiredShared } from '../../src-main/core/calendar/shared-store';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import { eventInput, withCalendar, type CalendarClient } from '../support/calendar-clients';
import { client, connected, relayOn, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

async function twoDevices() {
  const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const relay = await relayOn(relayDir);
  const ana = withCalendar(await client(relay.url));
  const outsider = withCalendar(await client(relay.url));
  for (const c of [ana, outsider]) await waitFor('connection', connected(c));
  const space = await ana.engine.createSpace('Campaign');
  return { relay, relayDir, ana, outsider, space };
}

async function linkTo(ana: CalendarClient, spaceId: string, title: string) {
  const { eventId } = await ana.cal.calendar.save({
    spaceId,
    event: eventInput({ title, rrule: 'FREQ=DAILY;COUNT=5' }),
  });
  await ana.cal.calendar.save({ spaceId, event: eventInput({ title: 'Other event' }) });
  return ana.cal.sharing.shareLink({ spaceId, eventId, occurrence: '2026-03-25T10:00', days: 3 });
}

describe('a one-off event link', () => {
  it('gives its holder that occurrence, read-only, until it expires, and nothing else', async () => {
    const { relayDir, ana, outsider, space } = await twoDevices();
    const canary = uniqueCanary('Vigil-outside-the-court');
    const { link, expiresAt } = await linkTo(ana, space.id, canary);
    expect(expiresAt % 3_600_000).toBe(0);
    expect(expiresAt).toBeGreaterThan(Date.now() + 3 * 86_400_000 - 1);
    const opened = await outsider.cal.sharing.openShared(link);
    expect(opened.details.title).toBe(canary);
    expect(opened.timing).toMatchObject({ start: '2026-03-25T10:00', end: '2026-03-25T11:00' });
    expect(opened.timing.rrule).toBeNull();
    expect(opened.expiresAt).toBe(expiresAt);
    expect(outsider.cal.sharing.shared().map((s) => s.details.title)).toEqual([canary]);
    expect(outsider.engine.listSpaces()).toEqual([]);
    expect(filesContaining(relayDir, canary)).toEqual([]);
  });

  it('names its sender only as a claim when this device does not know that key', async () => {
    const { ana, outsider, space } = await twoDevices();
    // Whoever makes a link writes the name in it: Ana's own app, or anyone's claiming to be her.
    ana.name = 'Ana';
    const { link } = await linkTo(ana, space.id, 'Vigil');
    const opened = await outsider.cal.sharing.openShared(link);
    expect(opened).toMatchObject({ fromName: null, claimedName: 'Ana' });
  });

  it('is deleted from the vault once expired, without anyone opening "Shared with me"', async () => {
    const { ana, outsider, space } = await twoDevices();
    const { link, expiresAt } = await linkTo(ana, space.id, 'Vigil');
    await outsider.cal.sharing.openShared(link);
    const held = () =>
      outsider.vault.db.prepare('SELECT count(*) AS n FROM calendar_shared').get() as { n: number };
    let clock = Date.now();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const sweep = sweepExpiredShared(outsider.vault.db, () => clock);
      expect(held()).toEqual({ n: 1 });
      clock = expiresAt + 1;
      vi.advanceTimersByTime(SHARED_SWEEP_MS);
      expect(held()).toEqual({ n: 0 });
      sweep.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens nothing when its key is changed, or when it is for another relay', async () => {
    const { ana, outsider, space } = await twoDevices();
    const { link } = await linkTo(ana, space.id, 'Press conference');
    const parsed = parseShareLink(link);
    const key = new Uint8Array(parsed.key);
    key[0] = (key[0] ?? 0) ^ 1;
    await expect(
      outsider.cal.sharing.openShared(encodeShareLink({ ...parsed, key })),
    ).rejects.toMatchObject({ code: 'share-expired' });
    await expect(
      outsider.cal.sharing.openShared(
        encodeShareLink({ ...parsed, relayUrl: 'ws://127.0.0.1:1/other' }),
      ),
    ).rejects.toMatchObject({ code: 'share-invalid' });
    await expect(outsider.cal.sharing.openShared('suviaz://event#AAAA')).rejects.toMatchObject({
      code: 'share-invalid',
    });
    expect(outsider.cal.sharing.shared()).toEqual([]);
  });
});
