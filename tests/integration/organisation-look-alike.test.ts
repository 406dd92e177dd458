// A coalition admin's modified app skips the register check and enrols a member of organisation 1
// in a look-alike "organisation" of its own, hiding the real one from the register. The member's
// app must not join it: its busy events would otherwise be sealed under keys the admin holds.
import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../src-shared/protocol/bytes';
import { ORGS_MAP, registerOrg } from '../../src-main/core/organisations/org-registry';
import { decryptableWith, deviceOf, eventInput } from '../support/calendar-clients';
import { MARCH, coalition } from '../support/coalition-scene';
import { runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

describe('a look-alike organisation made by a coalition admin', () => {
  it('is not joined by a member of another organisation, who is told who made it', async () => {
    const { relay, relayDir, space, org1: real, ana, boris, cira } = await coalition();
    ana.name = 'Ana';
    boris.name = 'Boris';

    // Boris's modified app goes to the engine directly: the honest API would refuse.
    const fake = await boris.engine.organisations.createOrganisation(space.id, 'Viasna Vilnius');
    const fakeId = toHex(fake.groupId);
    await boris.engine.organisations.addOrgMember(space.id, fakeId, deviceOf(cira), 'member');
    const access = boris.engine.docAccess();
    await access.write(access.group(space.id)!, (doc) => {
      doc.getMap(ORGS_MAP).delete(real.id);
      registerOrg(doc, fakeId, 'Viasna Vilnius', Date.now());
    });

    await waitFor('cira is told', () =>
      cira.engine.state().warnings.some((w) => w.reason === 'second-organisation'),
    );
    const warning = cira.engine.state().warnings.find((w) => w.reason === 'second-organisation');
    expect(warning).toMatchObject({ deviceKey: deviceOf(boris) });
    expect(
      cira.cal.orgs
        .list(space.id)
        .filter((o) => o.mine)
        .map((o) => o.id),
    ).toEqual([real.id]);

    // Her hidden events still go to her own organisation, which Boris cannot open.
    await cira.cal.calendar.save({
      spaceId: space.id,
      event: eventInput({ title: 'CANARY-donors', orgId: real.id, visibility: 'busy' }),
    });
    await waitFor('the busy block reaches boris', () =>
      boris.cal.calendar
        .range({ ...MARCH, spaceId: space.id })
        .items.some((i) => i.busyOnly && i.spaceId === space.id),
    );
    expect(
      decryptableWith(boris, relay.url, relayDir).some((t) => t.includes('CANARY-donors')),
    ).toBe(false);
  });
});
