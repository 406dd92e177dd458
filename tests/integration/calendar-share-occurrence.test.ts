// One occurrence of a weekly series, moved, then shared by link and with a member of another
// space: an attack on what the recipient gets. The exact bytes they open (and what their app keeps)
// must name no original slot, no rule, no series id, and look like a one-off event made at the same
// time, so nobody can tell it was part of a series, its cadence or where it was before the move.
// The sharer still stops the right links by the original slot (it stays in its own vault).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_SHARES_MAP } from '../../src-main/core/calendar/calendar-sharing';
import { linkMade } from '../../src-main/core/calendar/links-made-store';
import {
  openSealedShare,
  parseShareLink,
  shareIdOf,
} from '../../src-main/core/calendar/share-link';
import type { EventInput } from '../../src-shared/calendar/calendar-api';
import { filesContaining } from '../support/canary-scan';
import {
  deviceOf,
  eventInput,
  withCalendar,
  type CalendarClient,
} from '../support/calendar-clients';
import {
  addAndAccept,
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
} from '../support/sync-clients';

afterEach(runCleanups);

/** Mondays at 10:00 from 23 March; the second one (30 March) is moved to Wednesday 15:00. */
const SERIES: EventInput = eventInput({ title: 'Court hearing', rrule: 'FREQ=WEEKLY;COUNT=6' });
const ORIGINAL = '2026-03-30T10:00';
const MOVED = { start: '2026-04-01T15:00', end: '2026-04-01T16:00' };

/** What tells the original slot, the series or its cadence: none may reach the recipient. */
const telltales = (eventId: string): string[] => [
  '2026-03-30', // the original day
  '2026-03-23', // the series' first day
  'T10:00', // the series' time
  'FREQ',
  'WEEKLY',
  'COUNT',
  'occurrence',
  eventId,
];

async function setting() {
  const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const relay = await relayOn(relayDir);
  const ana = withCalendar(await client(relay.url));
  const dasha = withCalendar(await client(relay.url));
  for (const c of [ana, dasha]) await waitFor('connection', connected(c));
  const space = await ana.engine.createSpace('Campaign');
  const { eventId } = await ana.cal.calendar.save({ spaceId: space.id, event: SERIES });
  await ana.cal.calendar.save({
    spaceId: space.id,
    eventId,
    event: { ...SERIES, ...MOVED },
    occurrence: { key: ORIGINAL, scope: 'this' },
  });
  return { relayDir, ana, dasha, spaceId: space.id, eventId };
}

/** The bytes a link's holder opens: fetched from the relay as their app does, opened with the key. */
async function receivedByLink(holder: CalendarClient, link: string): Promise<string> {
  const { key } = parseShareLink(link);
  const c = holder.engine.docAccess().connection();
  if (!c) throw new Error('not connected');
  const answer = await c.request({ type: 'shareFetch', shareId: shareIdOf(key) });
  if (answer.type !== 'share') throw new Error('no share');
  return new TextDecoder().decode(openSealedShare(key, answer.ciphertext));
}

/** The signed payload inside the received bytes, as an object. */
const payloadIn = (received: string): Record<string, unknown> =>
  JSON.parse((JSON.parse(received) as { payload: string }).payload) as Record<string, unknown>;

/** A payload without when it was made and until when it opens: all two shares made apart differ in. */
const withoutWhen = ({
  sharedAt: _made,
  expiresAt: _until,
  ...rest
}: Record<string, unknown>): Record<string, unknown> => rest;

describe('one occurrence of a series, shared', () => {
  it('by link gives a standalone event: no original slot, rule or series id', async () => {
    const { relayDir, ana, dasha, spaceId, eventId } = await setting();
    const { link } = await ana.cal.sharing.shareLink({
      spaceId,
      eventId,
      occurrence: ORIGINAL,
      days: 3,
    });
    const received = await receivedByLink(dasha, link);
    for (const telltale of telltales(eventId)) expect(received).not.toContain(telltale);
    const payload = payloadIn(received);
    expect(payload.timing).toEqual({
      allDay: false,
      ...MOVED,
      tz: 'Europe/Vilnius',
      rrule: null,
      exdates: [],
    });

    // A one-off made at the moved time, shared the same way, is the same but for the moment.
    const { eventId: oneOffId } = await ana.cal.calendar.save({
      spaceId,
      event: eventInput({ title: SERIES.title, ...MOVED }),
    });
    const oneOff = await ana.cal.sharing.shareLink({ spaceId, eventId: oneOffId, days: 3 });
    expect(withoutWhen(payload)).toEqual(
      withoutWhen(payloadIn(await receivedByLink(dasha, oneOff.link))),
    );

    // What the recipient's app shows and keeps: the same, nothing more.
    const opened = await dasha.cal.sharing.openShared(link);
    const kept = dasha.vault.db.prepare('SELECT payload FROM calendar_shared').all();
    for (const text of [JSON.stringify(opened), JSON.stringify(kept)]) {
      for (const telltale of telltales(eventId)) expect(text).not.toContain(telltale);
    }
    // The relay held only the sealed blob (so this held before the fix too): it must stay that way.
    for (const telltale of [SERIES.title, ORIGINAL, MOVED.start, 'FREQ=WEEKLY', eventId]) {
      expect(filesContaining(relayDir, telltale)).toEqual([]);
    }
  });

  it('with a member of another space gives the same standalone event', async () => {
    const { ana, dasha, spaceId, eventId } = await setting();
    const other = await ana.engine.createSpace('Ana and Dasha');
    await addAndAccept(ana, dasha, other.id, 'editor');
    await ana.cal.sharing.shareWith({
      spaceId,
      eventId,
      occurrence: ORIGINAL,
      toSpaceId: other.id,
      deviceKey: deviceOf(dasha),
    });
    await waitFor('dasha receives it', () => dasha.cal.sharing.shared().length === 1);
    // The entry in the other space's document, opened with Dasha's box key: what she was sent.
    const access = dasha.engine.docAccess();
    const through = access.group(other.id);
    const entries: string[] = [];
    if (through) {
      access
        .ydoc(through)
        ?.getMap<{ sealed: string }>(EVENT_SHARES_MAP)
        .forEach((entry) => {
          const sealed = new Uint8Array(Buffer.from(entry.sealed, 'base64'));
          entries.push(new TextDecoder().decode(access.openSealed(sealed)));
        });
    }
    expect(entries).toHaveLength(1);
    const received = entries[0] ?? '';
    for (const telltale of telltales(eventId)) expect(received).not.toContain(telltale);
    expect(payloadIn(received).timing).toMatchObject({ ...MOVED, rrule: null, exdates: [] });
    const shown = JSON.stringify(dasha.cal.sharing.shared());
    for (const telltale of telltales(eventId)) expect(shown).not.toContain(telltale);
  });

  it('is still stopped by its original slot when that occurrence or the event is deleted', async () => {
    const { ana, dasha, spaceId, eventId } = await setting();
    const share = (occurrence?: string) =>
      ana.cal.sharing.shareLink({
        spaceId,
        eventId,
        days: 3,
        ...(occurrence ? { occurrence } : {}),
      });
    const moved = await share(ORIGINAL);
    const later = await share('2026-04-06T10:00');
    // The sharer's own list keeps the original slot: it names the occurrence in the series.
    const links = ana.cal.sharing.links({ spaceId, eventId });
    expect(links.map((l) => l.occurrence).sort()).toEqual([ORIGINAL, '2026-04-06T10:00']);
    const movedId = links.find((l) => l.occurrence === ORIGINAL)?.id ?? '';

    // Deleting the moved occurrence (named by its original slot, as the views do) stops its link.
    await ana.cal.removeEvent({ spaceId, eventId, occurrence: { key: ORIGINAL, scope: 'this' } });
    await waitFor('the relay confirmed the stop', () => linkMade(ana.vault.db, movedId) === null);
    await expect(dasha.cal.sharing.openShared(moved.link)).rejects.toMatchObject({
      code: 'share-expired',
    });
    await expect(dasha.cal.sharing.openShared(later.link)).resolves.toBeTruthy();

    // The event deleted on another device: the minute sweep stops the rest.
    await ana.cal.calendar.remove({ spaceId, eventId });
    await ana.cal.sharing.sweepLinks();
    await expect(dasha.cal.sharing.openShared(later.link)).rejects.toMatchObject({
      code: 'share-expired',
    });
    expect(ana.cal.sharing.links({ spaceId, eventId })).toEqual([]);
  });
});
