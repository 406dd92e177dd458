// The calendar's and organisations' part of the API contract (src-shared/api.ts registers the
// methods): what the renderer may ask and what it gets. Keys never cross; names and details only
// when this device may read them.
import { z } from 'zod';
import { CALENDAR_LIMITS } from './calendar-limits';
import {
  EditScope,
  EventDetails,
  EventId,
  EventTiming,
  OccurrenceKey,
  OccurrenceOverride,
  OrgId,
  Visibility,
} from './event-model';

const Hex32 = z.string().regex(/^[0-9a-f]{32}$/);
const DeviceKey = z.string().regex(/^[0-9a-f]{64}$/, 'not a device key');

export const OrganisationMember = z.object({
  deviceKey: DeviceKey,
  name: z.string().nullable(),
  role: z.enum(['admin', 'member']),
});
/** An organisation of a coalition as this device sees it; members only for my own organisation. */
export const OrganisationSummary = z.object({
  id: OrgId,
  name: z.string(),
  mine: z.boolean(),
  myRole: z.enum(['admin', 'member']).nullable(),
  /** Members this device can vouch for: its own organisation's log; empty for the others. */
  members: z.array(OrganisationMember),
  /** Space members the coalition's document assigns to it (display only, may lag the log). */
  memberCount: z.number().int().nonnegative(),
  /** Waiting for the organisation's key (an admin's app has not sealed it to me yet). */
  waitingForKey: z.boolean(),
});

/** One occurrence as a view shows it. Busy-only blocks come with no title, place or description. */
export const CalendarItem = z.object({
  spaceId: Hex32,
  spaceName: z.string(),
  eventId: EventId,
  key: OccurrenceKey,
  startMs: z.number(),
  endMs: z.number(),
  allDay: z.boolean(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  tz: z.string(),
  recurring: z.boolean(),
  /** Null for a busy block whose details this device cannot read. */
  title: z.string().nullable(),
  location: z.string().nullable(),
  busyOnly: z.boolean(),
  visibility: Visibility,
  orgId: OrgId.nullable(),
  orgName: z.string().nullable(),
  /** Overlaps another event of mine (mine: I created it or it belongs to my organisation). */
  conflict: z.boolean(),
  canEdit: z.boolean(),
});

/** A plan task with a due date, shown on its day. */
export const CalendarTask = z.object({
  spaceId: Hex32,
  spaceName: z.string(),
  planId: z.string(),
  taskId: z.string(),
  title: z.string(),
  due: z.string(),
  done: z.boolean(),
});

export const CalendarRange = z.object({
  items: z.array(CalendarItem),
  tasks: z.array(CalendarTask),
});

/** The whole event for the editor; details null where this device sees only a busy block. */
export const CalendarEventView = EventTiming.extend({
  spaceId: Hex32,
  id: EventId,
  orgId: OrgId.nullable(),
  visibility: Visibility,
  details: EventDetails.nullable(),
  /** The asked occurrence's details (its own where it has them), when it was asked and readable. */
  occurrenceDetails: EventDetails.nullable(),
  canEdit: z.boolean(),
  createdByName: z.string().nullable(),
  reminderMinutes: z.number().int().nullable(),
});

/** What the editor sends: a new event (no id) or a change to one. */
export const EventInput = EventTiming.extend({
  ...EventDetails.shape,
  orgId: OrgId.nullable(),
  visibility: Visibility,
});

export const EventSaveArgs = z
  .object({
    spaceId: Hex32,
    eventId: EventId.optional(),
    event: EventInput,
    /** For a change to one occurrence of a series: which one, and how far the change reaches. */
    occurrence: z.object({ key: OccurrenceKey, scope: EditScope }).strict().optional(),
  })
  .strict();

export const EventDeleteArgs = z
  .object({
    spaceId: Hex32,
    eventId: EventId,
    occurrence: z.object({ key: OccurrenceKey, scope: EditScope }).strict().optional(),
  })
  .strict();

/**
 * What calendar.delete answers: the member shares of what was deleted that could not be withdrawn
 * now (this device can no longer write in the space each went through), counted per space by its
 * name (null when this device no longer knows it), never a device key. Their recipients keep their
 * copies; each stays recorded and is withdrawn once this device can write there again.
 */
export const EventDeleteResult = z.object({
  notWithdrawn: z.array(
    z.object({ throughName: z.string().nullable(), count: z.number().int().positive() }),
  ),
});

export const RangeArgs = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    /** One space, or every space together when absent. */
    spaceId: Hex32.optional(),
  })
  .strict()
  .refine((a) => a.to > a.from && a.to - a.from <= CALENDAR_LIMITS.maxRangeDays * 86_400_000, {
    message: 'the range is empty or too long',
  });

export const BlurChoice = z.enum(['none', 'hour', 'day']);
export const IcsExportArgs = z
  .object({
    spaceId: Hex32.optional(),
    eventId: EventId.optional(),
    blur: BlurChoice,
  })
  .strict();

export const IcsImportArgs = z
  .object({
    spaceId: Hex32,
    text: z.string().max(CALENDAR_LIMITS.icsMaxBytes),
    orgId: OrgId.nullable(),
    visibility: Visibility,
  })
  .strict();

export const ShareLinkArgs = z
  .object({
    spaceId: Hex32,
    eventId: EventId,
    occurrence: OccurrenceKey.optional(),
    days: z.number().int().min(1).max(CALENDAR_LIMITS.shareMaxDays),
  })
  .strict();

/**
 * A single event someone shared with me: read-only, with who shared it and until when. One
 * occurrence of a series comes as a one-off: nothing says which series or slot it was.
 */
export const SharedEventView = z.object({
  id: z.string(),
  details: EventDetails,
  timing: EventTiming,
  /**
   * A series' changed occurrences by original slot, as its sharer sees them (empty for a one-off):
   * shown through shared-occurrences.ts, so a moved meeting is not shown at its old time.
   */
  overrides: z.record(OccurrenceKey, OccurrenceOverride),
  /** The sender's name as this device knows it (null when it does not know that key's name). */
  fromName: z.string().nullable(),
  /** The name the sender gave itself in the share: shown as a claim when fromName is null. */
  claimedName: z.string().nullable(),
  fromDevice: DeviceKey,
  expiresAt: z.number().nullable(),
});

/** A link to an event that this device made: for "Stop sharing" (its key is not kept). */
export const LinkMadeView = z.object({
  id: z.string(),
  occurrence: OccurrenceKey.nullable(),
  madeAt: z.number(),
  expiresAt: z.number(),
});

/**
 * An event this device shared with a member of another space: for "Stop sharing". Names only, as
 * this device knows them (null when it does not), never a device key.
 */
export const MemberShareView = z.object({
  id: z.string(),
  occurrence: OccurrenceKey.nullable(),
  madeAt: z.number(),
  toName: z.string().nullable(),
  throughName: z.string().nullable(),
  /**
   * Its withdrawal was asked ("Stop sharing", or what it shows was deleted) but cannot be written:
   * this device can no longer write in the space it went through (removed, made a viewer, left).
   * The recipient keeps it; it is withdrawn once this device can write there again.
   */
  cannotWithdraw: z.boolean(),
});

export const ReminderNotice = z.object({
  spaceId: Hex32,
  eventId: EventId,
  startMs: z.number(),
  /** Only when the user chose reminders that show the title; otherwise null (content-free). */
  title: z.string().nullable(),
});

export type OrganisationSummary = z.infer<typeof OrganisationSummary>;
export type OrganisationMember = z.infer<typeof OrganisationMember>;
export type CalendarItem = z.infer<typeof CalendarItem>;
export type CalendarTask = z.infer<typeof CalendarTask>;
export type CalendarRange = z.infer<typeof CalendarRange>;
export type CalendarEventView = z.infer<typeof CalendarEventView>;
export type EventInput = z.infer<typeof EventInput>;
export type SharedEventView = z.infer<typeof SharedEventView>;
export type LinkMadeView = z.infer<typeof LinkMadeView>;
export type MemberShareView = z.infer<typeof MemberShareView>;
export type EventDeleteResult = z.infer<typeof EventDeleteResult>;
export type ReminderNotice = z.infer<typeof ReminderNotice>;
export type BlurChoice = z.infer<typeof BlurChoice>;
