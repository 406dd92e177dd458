// The member-share scene the calendar tests share: Dasha shares her event with Ana through a space
// Ana administers (Ana can make her a viewer there), a call made as the renderer makes it, through
// the validated dispatch, and the share entries a member's app holds, whatever its session shows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch, type HandlerTable } from '../../src-main/core/api/dispatch';
import { EVENT_SHARES_MAP } from '../../src-main/core/calendar/calendar-sharing';
import type { MethodArgs, MethodName } from '../../src-shared/api';
import { deviceOf, eventInput, withCalendar } from './calendar-clients';
import { addAndAccept, client, connected, relayOn, waitFor, type Client } from './sync-clients';

export async function dashaSharesWithAna() {
  const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-relay-')));
  const ana = withCalendar(await client(relay.url));
  const dasha = withCalendar(await client(relay.url));
  for (const c of [ana, dasha]) await waitFor('connection', connected(c));
  const through = await ana.engine.createSpace('Ana and Dasha');
  await addAndAccept(ana, dasha, through.id, 'editor');
  const spaceId = (await dasha.engine.createSpace('Dasha’s own')).id;
  const { eventId } = await dasha.cal.calendar.save({
    spaceId,
    event: eventInput({ title: 'Rehearsal' }),
  });
  await dasha.cal.sharing.shareWith({
    spaceId,
    eventId,
    toSpaceId: through.id,
    deviceKey: deviceOf(ana),
  });
  await waitFor('Ana receives it', () => ana.cal.sharing.shared().length === 1);
  const roleOfDasha = (role: string) => () =>
    dasha.engine
      .listSpaces()
      .find((s) => s.id === through.id)
      ?.members.find((m) => m.isMe)?.role === role;
  /** Ana makes Dasha a viewer in the space the share went through. */
  const demoteDasha = async (): Promise<void> => {
    await ana.engine.setRole(through.id, deviceOf(dasha), 'viewer');
    await waitFor('Dasha is a viewer', roleOfDasha('viewer'));
  };
  return { ana, dasha, spaceId, eventId, throughId: through.id, roleOfDasha, demoteDasha };
}

/** One call as the renderer makes it: validated by dispatch, its value returned or its error thrown. */
export async function callAs<M extends MethodName>(
  handler: HandlerTable[M],
  method: M,
  args: MethodArgs<M>,
): Promise<unknown> {
  const wired = { [method]: handler } as Partial<HandlerTable>;
  const context = { isUnlocked: () => true, logError: () => undefined };
  const outcome = await dispatch(wired as HandlerTable, context, method, args);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

/**
 * The eventShares entries of a space's document, as this member's app holds it now; undefined while
 * it holds no such document, so that waiting for none left cannot pass before it has one.
 */
export function entriesAt(c: Client, spaceId: string): Map<string, unknown> | undefined {
  const access = c.engine.docAccess();
  const group = access.group(spaceId);
  const doc = group ? access.ydoc(group) : null;
  return doc ? new Map(doc.getMap<unknown>(EVENT_SHARES_MAP).entries()) : undefined;
}
