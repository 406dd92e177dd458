// A coalition as the organisation tests set it up, through real engines and a real relay: ana (its
// admin) makes organisation 1 with cira in it; boris, made an admin of the space, makes organisation 2.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceOf, withCalendar, type CalendarClient } from './calendar-clients';
import { addAndAccept, client, connected, relayOn, waitFor } from './sync-clients';

export const MARCH = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 4, 1) };

/**
 * A coalition: ana (its admin) makes organisation 1 with cira in it; boris, made an admin of the
 * space, makes organisation 2. dasha is not in the coalition.
 */
export async function coalition() {
  const relayDir = mkdtempSync(join(tmpdir(), 'suviaz-relay-'));
  const relay = await relayOn(relayDir);
  const [ana, boris, cira, dasha] = (await Promise.all(
    [0, 1, 2, 3].map(async () => withCalendar(await client(relay.url))),
  )) as [CalendarClient, CalendarClient, CalendarClient, CalendarClient];
  for (const c of [ana, boris, cira, dasha]) await waitFor('connection', connected(c));
  const space = await ana.engine.createSpace('Coalition for free elections');
  await addAndAccept(ana, boris, space.id, 'editor');
  await addAndAccept(ana, cira, space.id, 'editor');
  await ana.engine.setRole(space.id, deviceOf(boris), 'admin');
  await waitFor('boris is an admin', () =>
    boris.engine.listSpaces().some((s) => s.id === space.id && s.role === 'admin'),
  );
  const org1 = await ana.cal.orgs.create(space.id, 'Viasna Vilnius');
  await ana.cal.orgs.addMember(space.id, org1.id, deviceOf(cira), 'member');
  const org2 = await boris.cal.orgs.create(space.id, 'Honest People Warsaw');
  await waitFor('cira holds organisation 1', () =>
    cira.cal.orgs.list(space.id).some((o) => o.id === org1.id && o.mine && !o.waitingForKey),
  );
  return { relay, relayDir, space, org1, org2, ana, boris, cira, dasha };
}
