// Where a calendar event lives in the shared documents, by its visibility (docs/calendar.md):
// the coalition's document holds what every member may see, an organisation's document what only
// its members may. Every record read is checked; a bad one is skipped, never thrown.
import { z } from 'zod';
import {
  CalendarEvent,
  detailsOf,
  EventDetails,
  EventId,
  EventTiming,
  OccurrenceOverride,
  OrgId,
  timingOf,
  Visibility,
  WITHIN_OCCURRENCE_LIMIT,
} from '../../../src-shared/calendar/event-model';
import type * as Y from 'yjs';

/** The Y.Map of events in a space's document and in an organisation's document. */
export const CALENDAR_MAP = 'calendar';

const TimesOnly = OccurrenceOverride.pick({ start: true, end: true });
const DetailsOnly = OccurrenceOverride.pick({ title: true, description: true, location: true });

/** The coalition's half of a 'busy' event: the times, never the details. */
const BusyRecord = EventTiming.extend({
  kind: z.literal('busy'),
  id: EventId,
  orgId: OrgId,
  visibility: z.literal('busy'),
  overrides: z.record(z.string(), TimesOnly).refine(...WITHIN_OCCURRENCE_LIMIT),
  createdBy: CalendarEvent.shape.createdBy,
  updatedAt: CalendarEvent.shape.updatedAt,
}).strict();

/** The organisation's half of a 'busy' event: the details and the details of single occurrences. */
const SealedDetails = EventDetails.extend({
  kind: z.literal('details'),
  id: EventId,
  overrides: z.record(z.string(), DetailsOnly).refine(...WITHIN_OCCURRENCE_LIMIT),
}).strict();

const WholeEvent = CalendarEvent.extend({ kind: z.literal('event') }).strict();

const StoredRecord = z.discriminatedUnion('kind', [WholeEvent, BusyRecord, SealedDetails]);
type StoredRecord = z.infer<typeof StoredRecord>;

/** An event as this device can see it: whole, or a busy block with no details. */
export interface VisibleEvent {
  event: CalendarEvent;
  /** The details are sealed under an organisation key this device does not hold. */
  busyOnly: boolean;
}

function parseRecord(key: string, value: unknown): StoredRecord | null {
  const parsed = StoredRecord.safeParse(value);
  // A record whose key and id differ was not written by a Suviaz app: skipped like any bad one.
  return parsed.success && parsed.data.id === key ? parsed.data : null;
}

/**
 * The checked records of each document, kept current key by key as the map changes: a view of a
 * 5,000-event coalition would otherwise check every record again on every range it asks for.
 */
const checked = new WeakMap<Y.Doc, Map<string, StoredRecord>>();

function readRecords(doc: Y.Doc): Map<string, StoredRecord> {
  const cached = checked.get(doc);
  if (cached) return cached;
  const map = doc.getMap<unknown>(CALENDAR_MAP);
  const records = new Map<string, StoredRecord>();
  const take = (key: string): void => {
    const record = parseRecord(key, map.get(key));
    if (record) records.set(key, record);
    else records.delete(key);
  };
  map.forEach((_value, key) => take(key));
  map.observe((event) => event.keysChanged.forEach(take));
  checked.set(doc, records);
  return records;
}

/** The record without its storage tag (a copy: the record read stays as it was). */
function stripKind<T extends { kind: string }>(record: T): Omit<T, 'kind'> {
  const rest: Partial<T> = { ...record };
  delete rest.kind;
  return rest as Omit<T, 'kind'>;
}

const NO_DETAILS = { title: '', description: '', location: '' };

/**
 * The events of one space: those of the coalition's document, with a busy block's details added
 * from the owning organisation's document when this device holds it (`orgDocs` by org id), and
 * the organisation-only events of those organisations.
 */
export function readCalendar(spaceDoc: Y.Doc, orgDocs: ReadonlyMap<string, Y.Doc>): VisibleEvent[] {
  const visible: VisibleEvent[] = [];
  const sealed = new Map<string, Map<string, StoredRecord>>();
  for (const [orgId, doc] of orgDocs) sealed.set(orgId, readRecords(doc));
  for (const record of readRecords(spaceDoc).values()) {
    if (record.kind === 'event' && record.visibility !== 'organisation') {
      visible.push({ event: stripKind(record), busyOnly: false });
    } else if (record.kind === 'busy') {
      const details = sealed.get(record.orgId)?.get(record.id);
      visible.push(withDetails(record, details?.kind === 'details' ? details : null));
    }
  }
  for (const [orgId, records] of sealed) {
    for (const record of records.values()) {
      // Only events owned by the organisation whose document holds them.
      if (
        record.kind === 'event' &&
        record.visibility === 'organisation' &&
        record.orgId === orgId
      ) {
        visible.push({ event: stripKind(record), busyOnly: false });
      }
    }
  }
  return visible;
}

function withDetails(
  busy: z.infer<typeof BusyRecord>,
  details: z.infer<typeof SealedDetails> | null,
): VisibleEvent {
  const overrides: Record<string, OccurrenceOverride> = {};
  for (const [key, times] of Object.entries(busy.overrides)) {
    overrides[key] = { ...times, ...(details?.overrides[key] ?? {}) };
  }
  const timing = stripKind(busy);
  const text = details
    ? { title: details.title, description: details.description, location: details.location }
    : NO_DETAILS;
  return { event: { ...timing, ...text, overrides }, busyOnly: details === null };
}

/** The records one event becomes, per document, by its visibility. */
export function splitEvent(event: CalendarEvent): {
  space: StoredRecord | null;
  org: StoredRecord | null;
} {
  if (event.orgId === null || event.visibility === 'coalition') {
    return { space: { ...event, kind: 'event', visibility: 'coalition' }, org: null };
  }
  if (event.visibility === 'organisation') return { space: null, org: { ...event, kind: 'event' } };
  const times: Record<string, { start?: string; end?: string }> = {};
  const texts: Record<string, { title?: string; description?: string; location?: string }> = {};
  for (const [key, o] of Object.entries(event.overrides)) {
    times[key] = pick(o, ['start', 'end']);
    texts[key] = pick(o, ['title', 'description', 'location']);
  }
  const timing = {
    ...timingOf(event),
    id: event.id,
    createdBy: event.createdBy,
    updatedAt: event.updatedAt,
  };
  return {
    space: { ...timing, kind: 'busy', orgId: event.orgId, visibility: 'busy', overrides: times },
    org: { kind: 'details', id: event.id, ...detailsOf(event), overrides: texts },
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** Writes a record (or deletes it, for null) into one document's calendar map. */
export function putRecord(doc: Y.Doc, id: string, record: StoredRecord | null): void {
  const map = doc.getMap<unknown>(CALENDAR_MAP);
  if (record === null) map.delete(id);
  else map.set(id, record);
}

/** Is this id an event of the space or of one of these organisations (any visibility)? */
export function holdsEvent(doc: Y.Doc, id: string): boolean {
  return doc.getMap<unknown>(CALENDAR_MAP).has(id);
}

export type { StoredRecord };
export { Visibility };
