// Stopping an event shared with a member of another space, through a real relay: the sharer lists
// and stops it (by hand, by deleting the occurrence or the event, offline too), and the recipient's
// app deletes its copy, from "Shared with me" and from its vault, once the entry is gone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type HandlerTable } from '../../src-main/core/api/dispatch';
import { startRelay } from '../../server/relay';
import {
  deviceOf,
  eventInput,
  withCalendar,
  type CalendarClient,
} from '../support/calendar-clients';
import { entriesAt } from '../support/member-share-scene';
import {
  addAndAccept,
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
} from '../support/sync-clients';

afterEach(runCleanups);

const TITLE = 'Safe house meeting';

async function setting() {
  const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const relay = await relayOn(relayDir);
  const ana = withCalendar(await client(relay.url));
  const dasha = withCalendar(await client(relay.url));
  dasha.name = 'Dasha';
  for (const c of [ana, dasha]) await waitFor('connection', connected(c));
  const space = await ana.engine.createSpace('Campaign');
  const through = await ana.engine.createSpace('Ana and Dasha');
  await addAndAccept(ana, dasha, through.id, 'editor');
  const { eventId } = await ana.cal.calendar.save({
    spaceId: space.id,
    event: eventInput({ title: TITLE, rrule: 'FREQ=WEEKLY;COUNT=4' }),
  });
  const shareWithDasha = (occurrence?: string) =>
    ana.cal.sharing.shareWith({
      spaceId: space.id,
      eventId,
      toSpaceId: through.id,
      deviceKey: deviceOf(dasha),
      ...(occurrence ? { occurrence } : {}),
    });
  return {
    relay,
    relayDir,
    ana,
    dasha,
    spaceId: space.id,
    throughId: through.id,
    eventId,
    shareWithDasha,
  };
}

/** What Dasha's vault holds of events shared with her, as text. */
const vaultRows = (c: CalendarClient): string[] =>
  c.vault.db
    .prepare<[], { payload: string }>('SELECT payload FROM calendar_shared')
    .all()
    .map((row) => row.payload);

describe('an event shared with a member of another space', () => {
  it('is listed by name and stopped; the recipient’s copy goes from the list and the vault', async () => {
    const { ana, dasha, spaceId, throughId, eventId, shareWithDasha } = await setting();
    await shareWithDasha();
    await waitFor('Dasha receives it', () => dasha.cal.sharing.shared().length === 1);
    expect(vaultRows(dasha).join()).toContain(TITLE);
    await waitFor('Ana knows Dasha’s name', () =>
      ana.cal.sharing.memberShares({ spaceId, eventId }).some((s) => s.toName === 'Dasha'),
    );
    const [share] = ana.cal.sharing.memberShares({ spaceId, eventId });
    expect(share).toMatchObject({ occurrence: null, throughName: 'Ana and Dasha' });
    // A name and a space only: the recipient's device key is not handed to the view.
    expect(JSON.stringify(share)).not.toContain(deviceOf(dasha));

    // Only the device that shared it can stop it.
    await expect(dasha.cal.sharing.stopMemberShare(share?.id ?? '')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await ana.cal.sharing.stopMemberShare(share?.id ?? '')).toEqual({ waiting: false });
    expect(ana.cal.sharing.memberShares({ spaceId, eventId })).toEqual([]);

    // Dasha's app, at its next sync: the minute sweep deletes the copy without her opening the list.
    await waitFor('the entry is gone at Dasha', () => entriesAt(dasha, throughId)?.size === 0);
    await dasha.cal.sharing.sweepLinks();
    expect(vaultRows(dasha)).toEqual([]);
    expect(dasha.cal.sharing.shared()).toEqual([]);
  });

  it('stops with a deleted occurrence; another occurrence’s share stays, until the event goes', async () => {
    const { ana, dasha, spaceId, eventId, shareWithDasha } = await setting();
    await shareWithDasha('2026-03-30T10:00');
    await shareWithDasha('2026-04-06T10:00');
    await waitFor('Dasha receives both', () => dasha.cal.sharing.shared().length === 2);
    await ana.cal.removeEvent({
      spaceId,
      eventId,
      occurrence: { key: '2026-03-30T10:00', scope: 'this' },
    });
    expect(ana.cal.sharing.memberShares({ spaceId, eventId }).map((s) => s.occurrence)).toEqual([
      '2026-04-06T10:00',
    ]);
    const starts = () => dasha.cal.sharing.shared().map((s) => s.timing.start);
    await waitFor('Dasha’s copy of the deleted one goes', () => starts().length === 1);
    expect(starts()).toEqual(['2026-04-06T10:00']);

    // The event deleted on another device: the minute sweep withdraws the rest.
    await ana.cal.calendar.remove({ spaceId, eventId });
    await ana.cal.sharing.sweepLinks();
    expect(ana.cal.sharing.memberShares({ spaceId, eventId })).toEqual([]);
    await waitFor('Dasha’s last copy goes', () => dasha.cal.sharing.shared().length === 0);
    expect(vaultRows(dasha)).toEqual([]);
  });

  it('stopped offline, is withdrawn once the sharer is back', async () => {
    const { relay, relayDir, ana, dasha, spaceId, eventId, shareWithDasha } = await setting();
    await shareWithDasha();
    await waitFor('Dasha receives it', () => dasha.cal.sharing.shared().length === 1);
    const port = relay.port;
    await relay.close();
    await waitFor('Ana is offline', () => !connected(ana)());
    const [share] = ana.cal.sharing.memberShares({ spaceId, eventId });
    expect(await ana.cal.sharing.stopMemberShare(share?.id ?? '')).toEqual({ waiting: true });
    expect(ana.cal.sharing.memberShares({ spaceId, eventId })).toEqual([]);
    // Nothing reached Dasha: her copy stays ("cannot tell" is not "gone").
    expect(dasha.cal.sharing.shared()).toHaveLength(1);
    const back = await startRelay({ port, dataDir: relayDir, log: () => undefined });
    cleanups.push(() => back.close());
    await waitFor('Dasha’s copy goes', () => dasha.cal.sharing.shared().length === 0);
    expect(vaultRows(dasha)).toEqual([]);
  });

  it('cannot be stopped through a space the sharer can no longer write in', async () => {
    const { ana, dasha, throughId } = await setting();
    // Dasha shares one of hers with Ana through the same space, then is made a viewer there.
    const { eventId: hers } = await dasha.cal.calendar.save({
      spaceId: (await dasha.engine.createSpace('Dasha’s own')).id,
      event: eventInput({ title: 'Rehearsal' }),
    });
    const herSpace = dasha.engine.listSpaces().find((s) => s.name === 'Dasha’s own')?.id ?? '';
    await dasha.cal.sharing.shareWith({
      spaceId: herSpace,
      eventId: hers,
      toSpaceId: throughId,
      deviceKey: deviceOf(ana),
    });
    await waitFor('Ana receives it', () => ana.cal.sharing.shared().length === 1);
    await ana.engine.setRole(throughId, deviceOf(dasha), 'viewer');
    await waitFor('Dasha is a viewer', () => {
      const space = dasha.engine.listSpaces().find((s) => s.id === throughId);
      return space?.members.find((m) => m.isMe)?.role === 'viewer';
    });
    const [mine] = dasha.cal.sharing.memberShares({ spaceId: herSpace, eventId: hers });
    await expect(dasha.cal.sharing.stopMemberShare(mine?.id ?? '')).rejects.toMatchObject({
      code: 'not-member',
    });
    // Still listed, as not withdrawn (the Stop is kept for when she can write there again), and
    // Ana still holds it.
    expect(dasha.cal.sharing.memberShares({ spaceId: herSpace, eventId: hers })).toMatchObject([
      { cannotWithdraw: true },
    ]);
    expect(ana.cal.sharing.shared()).toHaveLength(1);
  });

  it('is stopped through the API only with a well-formed id', async () => {
    const { ana, dasha, spaceId, eventId, shareWithDasha } = await setting();
    await shareWithDasha();
    await waitFor('Dasha receives it', () => dasha.cal.sharing.shared().length === 1);
    // The two calls as main wires them (handlers.ts), behind the same validation as every call.
    const wired: Partial<HandlerTable> = {
      'calendar.memberShares': (args) => ana.cal.sharing.memberShares(args),
      'calendar.stopMemberShare': ({ id }) => ana.cal.sharing.stopMemberShare(id),
    };
    const handlers = wired as HandlerTable;
    const context = { isUnlocked: () => true, logError: () => undefined };
    const [share] = ana.cal.sharing.memberShares({ spaceId, eventId });
    const id = share?.id ?? '';
    for (const args of [{}, { id: id.toUpperCase() }, { id: `${id}0` }, { id, extra: 1 }, id]) {
      const outcome = await dispatch(handlers, context, 'calendar.stopMemberShare', args);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    for (const args of [{ spaceId }, { spaceId, eventId: '../x' }]) {
      const outcome = await dispatch(handlers, context, 'calendar.memberShares', args);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    // Nothing was stopped by them.
    expect(dasha.cal.sharing.shared()).toHaveLength(1);
    expect(await dispatch(handlers, context, 'calendar.stopMemberShare', { id })).toEqual({
      ok: true,
      value: { waiting: false },
    });
    await waitFor('Dasha’s copy goes', () => dasha.cal.sharing.shared().length === 0);
  });
});
