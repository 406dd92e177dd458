// Reading and writing one space's events as this device may: which documents to read (the space's
// and my organisations'), and where each part of an event goes when it is saved (calendar-doc.ts).
import { CALENDAR_LIMITS } from '../../../src-shared/calendar/calendar-limits';
import type { CalendarEvent } from '../../../src-shared/calendar/event-model';
import { toHex } from '../../../src-shared/protocol/bytes';
import type { StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import type { DocAccess } from '../sync/engine-doc-access';
import type { OrganisationService } from '../organisations/organisations';
import { holdsEvent, putRecord, readCalendar, splitEvent, type VisibleEvent } from './calendar-doc';
import type * as Y from 'yjs';

export interface SpaceCalendar {
  space: StoredGroup;
  doc: Y.Doc;
  /** My organisations of this space, by id, with their documents. */
  orgs: Map<string, { group: StoredGroup; doc: Y.Doc }>;
  events: VisibleEvent[];
}

/**
 * Refuses new events that would take the space past CALENDAR_LIMITS.eventsPerSpace, which the views'
 * caches and a device's memory are sized for: three large files, one after another, would pass it.
 */
export function checkRoom(calendar: SpaceCalendar, adding: number): void {
  const held = calendar.events.length;
  const most = CALENDAR_LIMITS.eventsPerSpace;
  if (held + adding <= most) return;
  const what =
    adding === 1 ? 'no other event fits' : `the ${adding} events of this file do not fit`;
  throw new SuviazError(
    'invalid-args',
    `This space's calendar holds ${held} events, and can hold at most ${most}: ${what}.`,
  );
}

export function calendarEvents(access: DocAccess, orgs: OrganisationService) {
  /** A space of mine I can read, or a clear error. */
  function space(spaceId: string): StoredGroup {
    const group = access.group(spaceId);
    if (!group || group.parentId || group.status !== 'active') {
      throw new SuviazError('not-found', 'There is no such space on this device.');
    }
    return group;
  }

  function read(group: StoredGroup): SpaceCalendar | null {
    const doc = access.ydoc(group);
    if (!doc) return null;
    const mine = new Map<string, { group: StoredGroup; doc: Y.Doc }>();
    for (const org of orgs.myOrganisations(toHex(group.groupId))) {
      const orgDoc = access.ydoc(org);
      if (orgDoc) mine.set(toHex(org.groupId), { group: org, doc: orgDoc });
    }
    const docsById = new Map([...mine].map(([id, o]) => [id, o.doc]));
    return { space: group, doc, orgs: mine, events: readCalendar(doc, docsById) };
  }

  /** Every space this device is an active member of (organisations are read with their space). */
  function spaces(): StoredGroup[] {
    return access.groups().filter((g) => !g.parentId && g.status === 'active' && !g.wiped);
  }

  function find(calendar: SpaceCalendar, eventId: string): VisibleEvent {
    const found = calendar.events.find((v) => v.event.id === eventId);
    if (!found) throw new SuviazError('not-found', 'There is no such event in this space.');
    return found;
  }

  /** Who may change an event: a writer of the space, and for an organisation's event its member. */
  function canEdit(calendar: SpaceCalendar, event: CalendarEvent): boolean {
    if (!access.canWrite(calendar.space)) return false;
    if (event.orgId === null) return true;
    const org = calendar.orgs.get(event.orgId);
    return org !== undefined && access.canWrite(org.group);
  }

  /** An event stored as it now is (over `before`, its stored version, if any), or one removed. */
  type Change = { event: CalendarEvent; before: CalendarEvent | null } | { removed: CalendarEvent };
  type Put = [id: string, record: ReturnType<typeof splitEvent>['space']];

  /**
   * Stores changes to several events as one change per document, so the members get them in one
   * update and a failure or a crash stores all of a document's part or none of it (a series split
   * in two never loses its second half). Each event goes where its visibility says: the
   * organisations' parts first (so a busy block never appears before its details for the
   * organisation's members), then the space's part, and only then are parts left over from an
   * earlier visibility or organisation deleted (the app stopping in between leaves an event twice,
   * never nowhere).
   */
  async function writeAll(calendar: SpaceCalendar, changes: readonly Change[]): Promise<void> {
    const byOrg = new Map<string, Put[]>();
    const toOrg = (orgId: string, put: Put): void => {
      byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), put]);
    };
    const spacePuts: Put[] = [];
    for (const change of changes) {
      if ('removed' in change) {
        const { id, orgId } = change.removed;
        const org = orgId ? calendar.orgs.get(orgId) : undefined;
        if (orgId && org && holdsEvent(org.doc, id)) toOrg(orgId, [id, null]);
        if (holdsEvent(calendar.doc, id)) spacePuts.push([id, null]);
        continue;
      }
      const { event, before } = change;
      const parts = splitEvent(event);
      if (event.orgId !== null) {
        if (!calendar.orgs.has(event.orgId)) {
          throw new SuviazError(
            'not-member',
            'Only members of the organisation can add or change its events.',
          );
        }
        toOrg(event.orgId, [event.id, parts.org]);
      }
      const formerOrg = before?.orgId && before.orgId !== event.orgId ? before.orgId : null;
      const former = formerOrg ? calendar.orgs.get(formerOrg) : undefined;
      if (formerOrg && former && holdsEvent(former.doc, event.id))
        toOrg(formerOrg, [event.id, null]);
      if (parts.space || holdsEvent(calendar.doc, event.id))
        spacePuts.push([event.id, parts.space]);
    }
    const writeOrgs = async (which: (put: Put) => boolean): Promise<void> => {
      for (const [orgId, all] of byOrg) {
        const org = calendar.orgs.get(orgId);
        const puts = all.filter(which);
        if (!org || puts.length === 0) continue;
        await access.write(org.group, (doc) => {
          for (const [id, record] of puts) putRecord(doc, id, record);
        });
      }
    };
    await writeOrgs(([, record]) => record !== null);
    if (spacePuts.length > 0) {
      await access.write(calendar.space, (doc) => {
        for (const [id, record] of spacePuts) putRecord(doc, id, record);
      });
    }
    await writeOrgs(([, record]) => record === null);
  }

  const write = (calendar: SpaceCalendar, event: CalendarEvent, before: CalendarEvent | null) =>
    writeAll(calendar, [{ event, before }]);
  /** Many new events at once (an import). */
  const writeMany = (calendar: SpaceCalendar, fresh: CalendarEvent[]) =>
    writeAll(
      calendar,
      fresh.map((event) => ({ event, before: null })),
    );
  const remove = (calendar: SpaceCalendar, event: CalendarEvent) =>
    writeAll(calendar, [{ removed: event }]);

  return { space, read, spaces, find, canEdit, write, writeAll, writeMany, remove };
}

export type CalendarEvents = ReturnType<typeof calendarEvents>;
