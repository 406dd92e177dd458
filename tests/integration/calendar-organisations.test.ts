// Organisations of a coalition and their calendar through real engines and a real relay: a busy
// block whose details only its organisation can read (attacked with another organisation's keys
// and the relay's whole store), a removed member's organisation key moving on without them, and
// one event shared with someone outside the space and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex } from '../../src-main/core/crypto/sodium';
import { parseDeviceCode } from '../../src-main/core/groups/device-code';
import { extendLog } from '../../src-main/core/groups/group-checks';
import { buildAddMember, buildCreateGroup } from '../../src-main/core/groups/group-ops';
import { toHex } from '../../src-shared/protocol/bytes';
import { calendarService } from '../../src-main/core/calendar/calendar-service';
import { organisationService } from '../../src-main/core/organisations/organisations';
import { filesContaining, uniqueCanary } from '../support/canary-scan';
import { MARCH, coalition } from '../support/coalition-scene';
import {
  decryptableWith,
  deviceOf,
  eventInput,
  withCalendar,
  type CalendarClient,
} from '../support/calendar-clients';
import { addAndAccept, client, runCleanups, storedGroup, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

const titlesOf = (c: CalendarClient, spaceId: string) =>
  c.cal.calendar.range({ ...MARCH, spaceId }).items.map((i) => i.title);

describe('organisations and their calendar', () => {
  it('a busy block shows its times to every organisation and its details only to its own', async () => {
    const { relay, relayDir, space, org1, ana, boris, cira } = await coalition();
    const canary = uniqueCanary('Strategy-meeting-with-donors');
    await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({
        title: canary,
        location: `${canary}-room`,
        rrule: 'FREQ=WEEKLY;COUNT=4',
        orgId: org1.id,
        visibility: 'busy',
      }),
    });
    await waitFor('cira sees the details', () => titlesOf(cira, space.id).includes(canary));
    await waitFor('boris sees the block', () => titlesOf(boris, space.id).length === 4);
    const blocks = boris.cal.calendar.range({ ...MARCH, spaceId: space.id }).items;
    expect(blocks.every((b) => b.busyOnly && b.title === null && b.location === null)).toBe(true);
    expect(blocks.map((b) => b.orgName)).toEqual(Array(4).fill('Viasna Vilnius'));
    // The wall-clock time holds across Vilnius's DST change (29 March): 08:00 then 07:00 UTC.
    expect(blocks.map((b) => new Date(b.startMs).toISOString().slice(11, 16))).toEqual([
      '08:00',
      '07:00',
      '07:00',
      '07:00',
    ]);
    // boris cannot read it by any means open to him: his app, his keys, the relay's whole store.
    expect(boris.cal.calendar.get(space.id, blocks[0]?.eventId ?? '').details).toBeNull();
    expect(decryptableWith(boris, relay.url, relayDir).some((t) => t.includes(canary))).toBe(false);
    expect(decryptableWith(cira, relay.url, relayDir).some((t) => t.includes(canary))).toBe(true);
    expect(filesContaining(relayDir, canary)).toEqual([]);
    // Nor may he change it.
    await expect(
      boris.cal.calendar.remove({ spaceId: space.id, eventId: blocks[0]?.eventId ?? '' }),
    ).rejects.toMatchObject({ code: 'not-member' });
  });

  it('an organisation-only event is not even a block for the others', async () => {
    const { space, org1, ana, boris, cira } = await coalition();
    await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Internal review', orgId: org1.id, visibility: 'organisation' }),
    });
    await ana.cal.calendar.save({ spaceId: space.id, event: eventInput({ title: 'Open call' }) });
    await waitFor('cira sees both', () => titlesOf(cira, space.id).length === 2);
    await waitFor('boris sees the open one', () => titlesOf(boris, space.id).includes('Open call'));
    expect(titlesOf(boris, space.id)).toEqual(['Open call']);
  });

  it('moved out of its organisation, an event is never lost when the space cannot be written', async () => {
    const { space, org1, ana } = await coalition();
    const { eventId } = await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Moving out', orgId: org1.id, visibility: 'organisation' }),
    });
    // The space's document cannot be written (a full disk at that moment).
    const access = ana.engine.docAccess();
    const failing: typeof access = {
      ...access,
      write: async (group, change) => {
        if (toHex(group.groupId) === space.id) throw new Error('the disk is full');
        return access.write(group, change);
      },
    };
    const orgs = organisationService(failing, ana.engine.organisations);
    const calendar = calendarService({ db: ana.vault.db, access: failing, orgs });
    await expect(
      calendar.save({
        spaceId: space.id,
        eventId,
        event: eventInput({ title: 'Moving out', orgId: null, visibility: 'coalition' }),
      }),
    ).rejects.toThrow('the disk is full');
    // Still in its organisation: the part there goes only once the space holds the event.
    expect(titlesOf(ana, space.id)).toEqual(['Moving out']);
  });

  it("keeps a link to an organisation's event open while this device cannot read the organisation", async () => {
    const { space, org1, ana, cira, dasha } = await coalition();
    const { eventId } = await cira.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Strategy day', orgId: org1.id, visibility: 'organisation' }),
    });
    const { link } = await cira.cal.sharing.shareLink({ spaceId: space.id, eventId, days: 3 });
    // Cira is taken out of the organisation: she cannot see the event now, but it is not deleted.
    await ana.cal.orgs.removeMember(space.id, org1.id, deviceOf(cira));
    await waitFor(
      'cira no longer reads it',
      () => !titlesOf(cira, space.id).includes('Strategy day'),
    );
    await cira.cal.sharing.sweepLinks();
    // Not knowing is not "deleted": a stop could not be undone.
    await expect(dasha.cal.sharing.openShared(link)).resolves.toMatchObject({
      details: { title: 'Strategy day' },
    });
  });

  it('hiding a repeating event from one of its occurrences hides the series it reaches', async () => {
    const { space, org1, ana, boris } = await coalition();
    const saved = await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Weekly planning', rrule: 'FREQ=WEEKLY;COUNT=4', orgId: org1.id }),
    });
    await waitFor('boris sees four', () => titlesOf(boris, space.id).length === 4);
    const [, second, third] = ana.cal.calendar.range({ ...MARCH, spaceId: space.id }).items;
    if (!second || !third) throw new Error('expected four occurrences');
    const hidden = eventInput({
      title: 'Weekly planning',
      rrule: 'FREQ=WEEKLY;COUNT=4',
      orgId: org1.id,
      visibility: 'organisation',
    });
    // One occurrence cannot have an audience of its own: refused, nothing changed.
    await expect(
      ana.cal.calendar.save({
        spaceId: space.id,
        eventId: saved.eventId,
        event: { ...hidden, start: third.key, end: third.key.replace('T10:00', 'T11:00') },
        occurrence: { key: third.key, scope: 'this' },
      }),
    ).rejects.toMatchObject({ code: 'invalid-args' });
    // From the third on: the first two stay for everyone, the rest only for the organisation.
    await ana.cal.calendar.save({
      spaceId: space.id,
      eventId: saved.eventId,
      event: { ...hidden, start: third.key, end: third.key.replace('T10:00', 'T11:00') },
      occurrence: { key: third.key, scope: 'following' },
    });
    await waitFor('boris sees two', () => titlesOf(boris, space.id).length === 2);
    expect(titlesOf(ana, space.id)).toHaveLength(4);
    // All of what is left of the first series, from its second occurrence (as its editor shows it).
    const { rrule } = ana.cal.calendar.get(space.id, saved.eventId);
    await ana.cal.calendar.save({
      spaceId: space.id,
      eventId: saved.eventId,
      event: { ...hidden, rrule, start: second.key, end: second.key.replace('T10:00', 'T11:00') },
      occurrence: { key: second.key, scope: 'all' },
    });
    await waitFor('boris sees none', () => titlesOf(boris, space.id).length === 0);
    expect(titlesOf(ana, space.id)).toHaveLength(4);
  });

  it('a member removed from the coalition leaves its organisation, whose key moves on', async () => {
    const { relay, relayDir, space, org1, ana, cira, boris } = await coalition();
    await ana.engine.removeMember(space.id, deviceOf(cira));
    await waitFor('organisation 1 has a new epoch without cira', () => {
      const org = storedGroup(ana, relay.url, org1.id);
      return org.state.epoch >= 1 && !org.state.members.has(deviceOf(cira));
    });
    const canary = uniqueCanary('Safe-house-address');
    await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: canary, orgId: org1.id, visibility: 'organisation' }),
    });
    await waitFor('the event is on the relay', () =>
      decryptableWith(ana, relay.url, relayDir).some((t) => t.includes(canary)),
    );
    expect(decryptableWith(cira, relay.url, relayDir).some((t) => t.includes(canary))).toBe(false);
    expect(decryptableWith(boris, relay.url, relayDir).some((t) => t.includes(canary))).toBe(false);
  });

  it("a removed member's own app leaves its organisation, and the organisation's admin rotates when back", async () => {
    const { relay, space, org1, ana, boris, cira } = await coalition();
    await ana.stop();
    await boris.engine.removeMember(space.id, deviceOf(cira));
    await waitFor('cira left organisation 1', () =>
      storedGroup(cira, relay.url, org1.id).state.departed.has(deviceOf(cira)),
    );
    // Forgetting the coalition forgets its organisations and their keys on this device too.
    await waitFor('cira is told of her removal', () =>
      cira.engine.listSpaces().some((sp) => sp.id === space.id && sp.status === 'removed'),
    );
    cira.engine.forget(space.id);
    expect(() => storedGroup(cira, relay.url, org1.id)).toThrow();
    const back = withCalendar(await client(relay.url, ana.dir));
    await waitFor('ana rotated organisation 1', () => {
      const org = storedGroup(back, relay.url, org1.id);
      return org.state.epoch >= 1 && !org.state.members.has(deviceOf(cira));
    });
  });

  it('a coalition admin sets up an organisation for another member and steps out of it', async () => {
    const { relay, relayDir, space, ana, dasha } = await coalition();
    await addAndAccept(ana, dasha, space.id, 'editor');
    const org3 = await ana.cal.orgs.create(space.id, 'Women in exile', deviceOf(dasha));
    await waitFor('dasha holds it as its admin', () =>
      dasha.cal.orgs
        .list(space.id)
        .some((o) => o.id === org3.id && o.myRole === 'admin' && !o.waitingForKey),
    );
    await waitFor('a new epoch without ana', () => {
      const org = storedGroup(dasha, relay.url, org3.id);
      return org.state.epoch >= 1 && !org.state.members.has(deviceOf(ana));
    });
    expect(ana.cal.orgs.list(space.id).find((o) => o.id === org3.id)?.mine).toBe(false);
    const canary = uniqueCanary('Shelter-contacts');
    await dasha.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: canary, orgId: org3.id, visibility: 'organisation' }),
    });
    await waitFor('the event is on the relay', () =>
      decryptableWith(dasha, relay.url, relayDir).some((t) => t.includes(canary)),
    );
    expect(decryptableWith(ana, relay.url, relayDir).some((t) => t.includes(canary))).toBe(false);
  });

  it("a member's modified app cannot pass off a group of its own as an organisation", async () => {
    const { space, boris, cira } = await coalition();
    // boris is an admin of the space in this coalition; step down first, as a plain member would be.
    await boris.engine.setRole(space.id, deviceOf(boris), 'editor');
    await waitFor('boris is an editor', () =>
      boris.engine.listSpaces().some((s) => s.id === space.id && s.role === 'editor'),
    );
    const access = boris.engine.docAccess();
    const c = access.connection();
    if (!c) throw new Error('boris is not connected');
    const code = parseDeviceCode(boris.engine.myDeviceCode());
    const fake = buildCreateGroup({
      me: { signingKey: code.signingKey, boxKey: code.boxKey },
      name: 'Viasna Vilnius',
      sign: access.sign,
      now: Date.now(),
      parent: fromHex(space.id),
    });
    await c.request({ type: 'groupAppend', entry: fake.entry });
    await c.request({ type: 'lockboxPut', lockbox: fake.lockbox });
    const log = extendLog(null, [fake.entry], 0);
    const ciraKeys = parseDeviceCode(cira.engine.myDeviceCode());
    const added = buildAddMember({
      state: log.state,
      me: code.signingKey,
      member: ciraKeys,
      role: 'editor',
      epochKeys: new Map([[0, fake.epochKey]]),
      sign: access.sign,
      now: Date.now(),
    });
    await c.request({ type: 'groupAppend', entry: added.entry });
    for (const lockbox of added.lockboxes) await c.request({ type: 'lockboxPut', lockbox });
    // cira's app looks at the group and will not take it, as an organisation or as a space.
    expect(await cira.engine.organisations.refreshGroup(fake.groupId)).toBe(false);
    const fakeId = toHex(fake.groupId);
    expect(cira.cal.orgs.list(space.id).map((o) => o.id)).not.toContain(fakeId);
    expect(cira.engine.listSpaces().map((s) => s.id)).not.toContain(fakeId);
  });

  it('one occurrence shared with a member of another space reaches them and nothing else does', async () => {
    const { space, ana, dasha } = await coalition();
    const other = await ana.engine.createSpace('Ana and Dasha');
    await addAndAccept(ana, dasha, other.id, 'editor');
    const { eventId } = await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Court hearing', rrule: 'FREQ=WEEKLY;COUNT=3' }),
    });
    await ana.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'Not for Dasha' }),
    });
    await ana.cal.sharing.shareWith({
      spaceId: space.id,
      eventId,
      occurrence: '2026-03-30T10:00',
      toSpaceId: other.id,
      deviceKey: deviceOf(dasha),
    });
    await waitFor('dasha receives it', () => dasha.cal.sharing.shared().length === 1);
    const [shared] = dasha.cal.sharing.shared();
    expect(shared?.details.title).toBe('Court hearing');
    expect(shared?.timing).toMatchObject({ start: '2026-03-30T10:00', rrule: null });
    expect(shared?.fromDevice).toBe(deviceOf(ana));
    // Dasha holds nothing else of the coalition: not its space, not its events.
    expect(dasha.engine.listSpaces().map((s) => s.id)).toEqual([other.id]);
    expect(dasha.cal.calendar.range(MARCH).items).toEqual([]);
  });
});
