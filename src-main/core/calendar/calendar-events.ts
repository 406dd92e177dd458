// Reading and writing one space's events as this device may: which documents to read (the space's
// and my organisations'), and where each part of an event goes when it is saved (calendar-doc.ts).
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

  /**
   * Stores an event where its visibility says: the organisation's part first (so a busy block
   * never appears before its details for the organisation's members), then the space's part;
   * a part left over from an earlier visibility or organisation is deleted.
   */
  async function write(
    calendar: SpaceCalendar,
    event: CalendarEvent,
    before: CalendarEvent | null,
  ): Promise<void> {
    const parts = splitEvent(event);
    if (event.orgId !== null) {
      const org = calendar.orgs.get(event.orgId);
      if (!org) {
        throw new SuviazError(
          'not-member',
          'Only members of the organisation can add or change its events.',
        );
      }
      await access.write(org.group, (doc) => putRecord(doc, event.id, parts.org));
    }
    const formerOrg = before?.orgId && before.orgId !== event.orgId ? before.orgId : null;
    const former = formerOrg ? calendar.orgs.get(formerOrg) : undefined;
    if (former && holdsEvent(former.doc, event.id)) {
      await access.write(former.group, (doc) => putRecord(doc, event.id, null));
    }
    if (parts.space || holdsEvent(calendar.doc, event.id)) {
      await access.write(calendar.space, (doc) => putRecord(doc, event.id, parts.space));
    }
  }

  /**
   * Stores many new events at once (an import): one change per document, so the space's members
   * get them in one update, and a failure stores none of a document's part.
   */
  async function writeMany(calendar: SpaceCalendar, fresh: CalendarEvent[]): Promise<void> {
    const byOrg = new Map<string, ReturnType<typeof splitEvent>[]>();
    const spaceParts: ReturnType<typeof splitEvent>[] = [];
    for (const event of fresh) {
      const parts = splitEvent(event);
      if (event.orgId !== null) {
        if (!calendar.orgs.has(event.orgId)) {
          throw new SuviazError(
            'not-member',
            'Only members of the organisation can add or change its events.',
          );
        }
        byOrg.set(event.orgId, [...(byOrg.get(event.orgId) ?? []), parts]);
      }
      if (parts.space) spaceParts.push(parts);
    }
    for (const [orgId, parts] of byOrg) {
      const org = calendar.orgs.get(orgId);
      if (!org) continue;
      await access.write(org.group, (doc) => {
        for (const p of parts) if (p.org) putRecord(doc, p.org.id, p.org);
      });
    }
    if (spaceParts.length > 0) {
      await access.write(calendar.space, (doc) => {
        for (const p of spaceParts) if (p.space) putRecord(doc, p.space.id, p.space);
      });
    }
  }

  async function remove(calendar: SpaceCalendar, event: CalendarEvent): Promise<void> {
    const org = event.orgId ? calendar.orgs.get(event.orgId) : undefined;
    if (org && holdsEvent(org.doc, event.id)) {
      await access.write(org.group, (doc) => putRecord(doc, event.id, null));
    }
    if (holdsEvent(calendar.doc, event.id)) {
      await access.write(calendar.space, (doc) => putRecord(doc, event.id, null));
    }
  }

  return { space, read, spaces, find, canEdit, write, writeMany, remove };
}

export type CalendarEvents = ReturnType<typeof calendarEvents>;
