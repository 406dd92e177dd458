// The calendar.* API over the spaces' documents: the occurrences of a range for the views, one
// event for the editor, saving and deleting (with the scope of a change to a series).
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type {
  CalendarEventView,
  CalendarItem,
  CalendarRange,
  CalendarTask,
  EventInput,
} from '../../../src-shared/calendar/calendar-api';
import { CALENDAR_LIMITS } from '../../../src-shared/calendar/calendar-limits';
import { findConflicts } from '../../../src-shared/calendar/conflicts';
import {
  changesSeries,
  deleteOccurrence,
  editOccurrence,
  isOccurrence,
} from '../../../src-shared/calendar/edit-scope';
import {
  detailsOf,
  timingOf,
  type CalendarEvent,
  type EditScope,
  type OccurrenceKey,
} from '../../../src-shared/calendar/event-model';
import { checkEventTiming, expandEvent } from '../../../src-shared/calendar/recurrence';
import { rulesBudget, type RulesBudget } from '../../../src-shared/calendar/rule-walk';
import { listTasks } from '../../../src-shared/plans/plan-model';
import { toHex } from '../../../src-shared/protocol/bytes';
import { SuviazError } from '../errors';
import type { DocAccess } from '../sync/engine-doc-access';
import type { OrganisationService } from '../organisations/organisations';
import { readRegistry } from '../organisations/org-registry';
import { calendarEvents, checkRoom, type SpaceCalendar } from './calendar-events';
import { getReminder, setReminder } from './reminder-store';
import type { Db } from '../vault/migrations';

const newId = (): string => randomBytes(16).toString('hex');
const deviceZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface CalendarDeps {
  db: Db;
  access: DocAccess;
  orgs: OrganisationService;
  /** The viewer's zone; the device's own by default. */
  zone?: () => string;
}

/** The occurrence a change names is not in the series as it is now (changed on another device). */
const occurrenceChanged = (): SuviazError =>
  new SuviazError('occurrence-changed', 'The occurrence is no longer in the series.');

/** A series holds at most so many changed (or deleted) occurrences: refused past that. */
const tooManyExceptions = (what: 'changed' | 'deleted'): SuviazError =>
  new SuviazError(
    'invalid-args',
    `This series already has ${CALENDAR_LIMITS.exceptionsPerEvent} ${what} occurrences, the most it can hold.`,
  );

export function calendarService(deps: CalendarDeps) {
  const { access, orgs } = deps;
  const events = calendarEvents(access, orgs);
  const zone = deps.zone ?? deviceZone;

  function itemsOf(
    calendar: SpaceCalendar,
    from: number,
    to: number,
    budget: RulesBudget,
  ): CalendarItem[] {
    const spaceId = toHex(calendar.space.groupId);
    const orgNames = readRegistry(calendar.doc).orgs;
    const items: CalendarItem[] = [];
    for (const { event, busyOnly } of calendar.events) {
      const canEdit = !busyOnly && events.canEdit(calendar, event);
      const orgName = event.orgId
        ? (calendar.orgs.get(event.orgId)?.group.name ?? orgNames.get(event.orgId)?.name ?? null)
        : null;
      const spending = { budget, author: event.createdBy };
      for (const o of expandEvent(event, from, to, zone(), undefined, spending)) {
        const override = event.overrides[o.key];
        items.push({
          spaceId,
          spaceName: calendar.space.name,
          eventId: event.id,
          key: o.key,
          startMs: o.startMs,
          endMs: o.endMs,
          allDay: o.allDay,
          startDate: o.startDate,
          endDate: o.endDate,
          tz: event.tz,
          recurring: o.recurring,
          title: busyOnly ? null : (override?.title ?? event.title),
          location: busyOnly ? null : (override?.location ?? event.location),
          busyOnly,
          visibility: event.visibility,
          orgId: event.orgId,
          orgName,
          conflict: false,
          canEdit,
        });
      }
    }
    return items;
  }

  /** Mine: events I made, and my organisations' events (a busy block of another is not mine). */
  function markConflicts(items: CalendarItem[], mineOrgs: Set<string>, myEvents: Set<string>) {
    const own = items.map((item) => ({
      eventId: item.eventId,
      key: item.key,
      startMs: item.startMs,
      endMs: item.endMs,
      allDay: item.allDay,
      own: myEvents.has(item.eventId) || (item.orgId !== null && mineOrgs.has(item.orgId)),
    }));
    const conflicting = findConflicts(own);
    for (const item of items) item.conflict = conflicting.has(`${item.eventId}|${item.key}`);
  }

  function tasksOf(calendar: SpaceCalendar, from: number, to: number): CalendarTask[] {
    // Due dates are calendar days: compared as the viewer's own days, not UTC ones.
    const fromDay = DateTime.fromMillis(from, { zone: zone() }).toISODate() ?? '';
    const toDay = DateTime.fromMillis(to, { zone: zone() }).toISODate() ?? '';
    return listTasks(calendar.doc)
      .filter((t) => t.due !== null && t.due >= fromDay && t.due <= toDay)
      .map((t) => ({
        spaceId: toHex(calendar.space.groupId),
        spaceName: calendar.space.name,
        planId: t.planId,
        taskId: t.id,
        title: t.title,
        due: t.due ?? '',
        done: t.status === 'done',
      }));
  }

  /**
   * One budget for every series of every space (rule-walk.ts): a view or reminder pass never holds
   * main for long. A caller that must know whether a series was cut short passes its own.
   */
  function range(
    args: { from: number; to: number; spaceId?: string },
    budget: RulesBudget = rulesBudget(),
  ): CalendarRange {
    const spaces = args.spaceId ? [events.space(args.spaceId)] : events.spaces();
    const items: CalendarItem[] = [];
    const tasks: CalendarTask[] = [];
    const mineOrgs = new Set<string>();
    const myEvents = new Set<string>();
    for (const space of spaces) {
      const calendar = events.read(space);
      if (!calendar) continue;
      for (const id of calendar.orgs.keys()) mineOrgs.add(id);
      for (const { event } of calendar.events) {
        if (event.createdBy === access.meHex) myEvents.add(event.id);
      }
      items.push(...itemsOf(calendar, args.from, args.to, budget));
      tasks.push(...tasksOf(calendar, args.from, args.to));
    }
    markConflicts(items, mineOrgs, myEvents);
    items.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
    return { items, tasks };
  }

  function readable(spaceId: string): SpaceCalendar {
    const calendar = events.read(events.space(spaceId));
    if (!calendar) throw new SuviazError('not-found', 'This space has no copy on this device.');
    return calendar;
  }

  function get(spaceId: string, eventId: string, occurrence?: OccurrenceKey): CalendarEventView {
    const calendar = readable(spaceId);
    const { event, busyOnly } = events.find(calendar, eventId);
    const own = occurrence === undefined ? undefined : event.overrides[occurrence];
    return {
      ...timingOf(event),
      spaceId,
      id: event.id,
      orgId: event.orgId,
      visibility: event.visibility,
      details: busyOnly ? null : detailsOf(event),
      occurrenceDetails:
        busyOnly || occurrence === undefined
          ? null
          : {
              title: own?.title ?? event.title,
              description: own?.description ?? event.description,
              location: own?.location ?? event.location,
            },
      canEdit: !busyOnly && events.canEdit(calendar, event),
      createdByName: access.nameOf(event.createdBy),
      reminderMinutes: getReminder(deps.db, spaceId, eventId),
    };
  }

  /** Refuses what no calendar could show: an unknown zone, an end before the start, a bad rule. */
  function checked(input: EventInput, calendar: SpaceCalendar): EventInput {
    const problem = checkEventTiming(input);
    if (problem) throw new SuviazError('invalid-args', problem);
    checkAudience(input, calendar);
    return input;
  }

  /** Who an event is for: only an organisation's event can be hidden, and only by its members. */
  function checkAudience(input: Pick<EventInput, 'orgId' | 'visibility'>, calendar: SpaceCalendar) {
    if (input.orgId === null && input.visibility !== 'coalition') {
      throw new SuviazError(
        'invalid-args',
        'Only an organisation’s event can be hidden from others.',
      );
    }
    if (input.orgId !== null && !calendar.orgs.has(input.orgId)) {
      throw new SuviazError(
        'not-member',
        'Only members of the organisation can add or change its events.',
      );
    }
  }

  async function save(args: {
    spaceId: string;
    eventId?: string;
    event: EventInput;
    occurrence?: { key: OccurrenceKey; scope: EditScope };
  }): Promise<{ eventId: string }> {
    const calendar = readable(args.spaceId);
    const input = checked(args.event, calendar);
    const now = Date.now();
    if (!args.eventId) {
      checkRoom(calendar, 1);
      const event: CalendarEvent = {
        ...input,
        id: newId(),
        overrides: {},
        createdBy: access.meHex,
        updatedAt: now,
      };
      await events.write(calendar, event, null);
      return { eventId: event.id };
    }
    const { event: before, busyOnly } = events.find(calendar, args.eventId);
    if (busyOnly || !events.canEdit(calendar, before)) {
      throw new SuviazError('not-member', 'This device cannot change this event.');
    }
    if (!args.occurrence || before.rrule === null) {
      const event: CalendarEvent = { ...before, ...input, updatedAt: now };
      await events.write(calendar, event, before);
      return { eventId: event.id };
    }
    const { key, scope } = args.occurrence;
    if (!isOccurrence(before, key)) throw occurrenceChanged();
    if (
      scope === 'this' &&
      !Object.hasOwn(before.overrides, key) &&
      Object.keys(before.overrides).length >= CALENDAR_LIMITS.exceptionsPerEvent
    ) {
      throw tooManyExceptions('changed');
    }
    if (scope === 'this' && changesSeries(before, input)) {
      throw new SuviazError(
        'invalid-args',
        'Who sees an event, its time zone, whether it lasts all day and how it repeats belong to the whole series: save this change for this and the following events, or for all of them.',
      );
    }
    const { updated, created } = editOccurrence(before, key, input, scope, newId(), now);
    // One change per document: the series cut short and the rest split off are stored together.
    // The rest is this device's own, with the reminder the series had.
    await events.writeAll(calendar, [
      updated ? { event: updated, before } : { removed: before },
      ...(created ? [{ event: { ...created, createdBy: access.meHex }, before: null }] : []),
    ]);
    if (created) {
      const reminder = getReminder(deps.db, args.spaceId, before.id);
      if (reminder !== null) setReminder(deps.db, args.spaceId, created.id, reminder);
    }
    return { eventId: created?.id ?? before.id };
  }

  async function remove(args: {
    spaceId: string;
    eventId: string;
    occurrence?: { key: OccurrenceKey; scope: EditScope };
  }): Promise<void> {
    const calendar = readable(args.spaceId);
    const { event, busyOnly } = events.find(calendar, args.eventId);
    if (busyOnly || !events.canEdit(calendar, event)) {
      throw new SuviazError('not-member', 'This device cannot delete this event.');
    }
    const next =
      args.occurrence && event.rrule !== null
        ? deleteOccurrence(event, args.occurrence.key, args.occurrence.scope, Date.now())
        : null;
    if (next === event) {
      if (event.exdates.length >= CALENDAR_LIMITS.exceptionsPerEvent) {
        throw tooManyExceptions('deleted');
      }
      throw occurrenceChanged();
    }
    if (next) await events.write(calendar, next, event);
    else await events.remove(calendar, event);
  }

  return { range, get, save, remove, events, readable, checkAudience, zone, me: access.meHex };
}

export type CalendarService = ReturnType<typeof calendarService>;
