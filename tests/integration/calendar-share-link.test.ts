// A one-off link to one event through a real relay: the recipient outside the space reads that
// event and nothing else; a link altered by one character or withdrawn opens nothing; the relay's
// store and files never hold the event's text.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkMade } from '../../src-main/core/calendar/links-made-store';
import { parseShareLink, encodeShareLink } from '../../src-main/core/calendar/share-link';
import { SHARED_SWEEP_MS, sweepExpiredShared } from '../../src-main/core/calendar/shared-store';
import { startRelay } from '../../server/relay';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import { eventInput, withCalendar, type CalendarClient } from '../support/calendar-clients';
import {
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
} from '../support/sync-clients';

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
    // A claim that turns itself around ("\u202E" shows what follows right to left) is kept without it.
    ana.name = 'Ana\u202E(a name this device cannot check)';
    const turned = await outsider.cal.sharing.openShared(
      (await linkTo(ana, space.id, 'Vigil')).link,
    );
    expect(turned.claimedName).toBe('Ana(a name this device cannot check)');
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

  it('opens nothing once its sharer stops it; who opened it before keeps that copy', async () => {
    const { ana, outsider, space } = await twoDevices();
    const { eventId } = await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Safe house meeting' }),
    });
    const early = await ana.cal.sharing.shareLink({ spaceId: space.id, eventId, days: 3 });
    const late = await ana.cal.sharing.shareLink({ spaceId: space.id, eventId, days: 3 });
    await outsider.cal.sharing.openShared(early.link);
    const links = ana.cal.sharing.links({ spaceId: space.id, eventId });
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(await ana.cal.sharing.stopLink(link.id)).toEqual({ stopped: true });
    }
    expect(ana.cal.sharing.links({ spaceId: space.id, eventId })).toEqual([]);
    for (const { link } of [early, late]) {
      await expect(outsider.cal.sharing.openShared(link)).rejects.toMatchObject({
        code: 'share-expired',
      });
    }
    expect(outsider.cal.sharing.shared().map((s) => s.details.title)).toEqual([
      'Safe house meeting',
    ]);
    // Only links this device made can be stopped from it.
    await expect(outsider.cal.sharing.stopLink(links[0]?.id ?? '')).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('deleting the event stops its links, also when the stop has to wait for the relay', async () => {
    const { relay, relayDir, ana, outsider, space } = await twoDevices();
    const { eventId } = await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Vigil', rrule: 'FREQ=DAILY;COUNT=5' }),
    });
    const share = (occurrence?: string) =>
      ana.cal.sharing.shareLink({
        spaceId: space.id,
        eventId,
        days: 3,
        ...(occurrence ? { occurrence } : {}),
      });
    const third = await share('2026-03-26T10:00');
    const thirdId = ana.cal.sharing.links({ spaceId: space.id, eventId })[0]?.id ?? '';
    const fourth = await share('2026-03-27T10:00');
    const series = await share();
    // One occurrence deleted online: its link stops at once (the deletion does not wait for the
    // relay's answer), the others still open.
    await ana.cal.removeEvent({
      spaceId: space.id,
      eventId,
      occurrence: { key: '2026-03-26T10:00', scope: 'this' },
    });
    await waitFor('the relay confirmed the stop', () => linkMade(ana.vault.db, thirdId) === null);
    await expect(outsider.cal.sharing.openShared(third.link)).rejects.toMatchObject({
      code: 'share-expired',
    });
    await outsider.cal.sharing.openShared(fourth.link);

    // The whole event deleted offline: the stops wait in the vault and go out when it is back.
    const port = relay.port;
    await relay.close();
    await waitFor('Ana is offline', () => !connected(ana)());
    const fourthId = ana.cal.sharing.links({ spaceId: space.id, eventId })[1]?.id ?? '';
    expect(await ana.cal.sharing.stopLink(fourthId)).toEqual({ stopped: false });
    await ana.cal.removeEvent({ spaceId: space.id, eventId });
    expect(ana.cal.sharing.links({ spaceId: space.id, eventId })).toEqual([]);
    const back = await startRelay({ port, dataDir: relayDir, log: () => undefined });
    cleanups.push(() => back.close());
    await waitFor('Ana is back', connected(ana));
    await waitFor('the outsider is back', connected(outsider));
    await expect(outsider.cal.sharing.openShared(series.link)).resolves.toBeTruthy();
    await ana.cal.sharing.sweepLinks();
    for (const { link } of [fourth, series]) {
      await expect(outsider.cal.sharing.openShared(link)).rejects.toMatchObject({
        code: 'share-expired',
      });
    }
  });

  it('stops once the event was deleted on another device', async () => {
    const { ana, outsider, space } = await twoDevices();
    const { eventId } = await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Training' }),
    });
    const { link } = await ana.cal.sharing.shareLink({ spaceId: space.id, eventId, days: 3 });
    // What a deletion arriving from another member's device leaves here: the event gone, no more.
    await ana.cal.calendar.remove({ spaceId: space.id, eventId });
    await expect(outsider.cal.sharing.openShared(link)).resolves.toBeTruthy();
    await ana.cal.sharing.sweepLinks();
    await expect(outsider.cal.sharing.openShared(link)).rejects.toMatchObject({
      code: 'share-expired',
    });
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
