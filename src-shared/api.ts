// The one typed contract between the renderer and main (docs/design.md, "Processes"). Every method and event the
// renderer can use is named here with zod schemas; the preload, the IPC wiring and the browser host are
// all generated from this table, and main validates every argument against it.
//
// The schemas live by concept under src-shared/api/ (and src-shared/calendar/calendar-api.ts); this
// file registers them and re-exports them, so every importer names one module.
import { z } from 'zod';
import { LIMITS } from './limits';
import {
  CalendarEventView,
  CalendarRange,
  EventDeleteArgs,
  EventDeleteResult,
  EventSaveArgs,
  IcsExportArgs,
  IcsImportArgs,
  OrganisationSummary,
  RangeArgs,
  ReminderNotice,
  SharedEventView,
  LinkMadeView,
  MemberShareView,
  ShareLinkArgs,
} from './calendar/calendar-api';
import { EventId, OccurrenceKey, OrgId } from './calendar/event-model';
import { Disguise } from './disguise';
import {
  BriefingFileArgs,
  BriefingFileBytes,
  BriefingId,
  BriefingList,
  BriefingListArgs,
  BriefingProgress,
  BriefingSendArgs,
  BriefingView,
  LeakTraceResult,
  StageAppendArgs,
  StageBeginArgs,
  StagedFile,
} from './api/briefings-schemas';
import { LanInterface, LanRelayStatus } from './api/lan-relay-schemas';
import {
  BundleExport,
  BundleExportArgs,
  BundleImport,
  BundleImportArgs,
} from './api/bundle-schemas';
import {
  Note,
  NoteContent,
  NoteId,
  NoteSummary,
  NoteText,
  ONE_BODY,
  oneBody,
  SearchHit,
  SNIPPET_MARK_END,
  SNIPPET_MARK_START,
  Tag,
  TagCount,
} from './api/notes-schemas';
import { ProxySetting, RelayAddress, Settings, ShellCapabilities } from './api/settings-schemas';
import {
  CreatedInvite,
  DeviceKey,
  DocId,
  InviteId,
  InviteLink,
  MyTask,
  PendingApproval,
  PendingInvite,
  Role,
  SpaceId,
  SpaceMember,
  SpacePolicy,
  SpaceStatus,
  SpaceSummary,
} from './api/spaces-schemas';
import { Cursor, PresencePeer, SyncState, SyncWarning, YjsUpdate } from './api/sync-schemas';
import {
  DeviceIdentity,
  DuressStatus,
  Passphrase,
  VaultState,
  VaultStatus,
} from './api/vault-schemas';

// Each name is both a schema and (where it had one) its type: `export { X }` re-exports both.
export {
  CreatedInvite,
  Cursor,
  DeviceIdentity,
  DeviceKey,
  DocId,
  DuressStatus,
  InviteId,
  InviteLink,
  LanInterface,
  LanRelayStatus,
  MyTask,
  Note,
  NoteContent,
  NoteId,
  NoteSummary,
  Passphrase,
  PendingApproval,
  PendingInvite,
  PresencePeer,
  ProxySetting,
  RelayAddress,
  Role,
  SearchHit,
  Settings,
  ShellCapabilities,
  SNIPPET_MARK_END,
  SNIPPET_MARK_START,
  SpaceId,
  SpaceMember,
  SpacePolicy,
  SpaceStatus,
  SpaceSummary,
  SyncState,
  SyncWarning,
  Tag,
  TagCount,
  VaultState,
  VaultStatus,
  YjsUpdate,
};

const empty = z.object({}).strict();

/**
 * whenLocked: the call is allowed while the vault is locked (or does not exist yet). Every other call
 * is refused with the 'locked' error.
 */
function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, whenLocked = false) {
  return { args, result, whenLocked } as const;
}

export const methods = {
  'vault.status': method(empty, VaultStatus, true),
  'vault.create': method(z.object({ passphrase: Passphrase }).strict(), DeviceIdentity, true),
  'vault.unlock': method(z.object({ passphrase: Passphrase }).strict(), z.null(), true),
  'vault.lock': method(empty, z.null(), true),
  /** Panic wipe: destroys the vault at once (key file shredded, files deleted), locked or not. */
  'vault.panicWipe': method(empty, z.null(), true),
  /** The disguise the app wears, readable while locked: the locked screen is what a searcher sees. */
  'appearance.get': method(empty, z.object({ disguise: Disguise }), true),
  'vault.changePassphrase': method(
    z.object({ current: Passphrase, next: Passphrase }).strict(),
    z.null(),
  ),
  /** The duress passphrase of the open vault (docs/vault-format.md, "Duress"). */
  'duress.status': method(empty, DuressStatus),
  /** Sets or replaces it: a fresh empty decoy; destroysVault: its use also destroys this vault. */
  'duress.set': method(
    z.object({ passphrase: Passphrase, destroysVault: z.boolean() }).strict(),
    z.null(),
  ),
  'duress.remove': method(empty, z.null()),
  /** Forgets that a set was cut short by a crash (duress.status' unfinished), changing nothing else. */
  'duress.dismissUnfinished': method(empty, z.null()),
  /** Locks this vault and opens its decoy with the duress passphrase, without the destroy effect. */
  'duress.prepare': method(z.object({ passphrase: Passphrase }).strict(), z.null()),
  /** The renderer reports user activity (throttled) so that auto-lock counts idle time. */
  'session.activity': method(empty, z.null()),
  'settings.get': method(empty, Settings),
  'settings.update': method(Settings.partial().strict(), Settings),
  'device.identity': method(empty, DeviceIdentity),
  /**
   * Asks a relay whether it answers, before the user saves it (only when the user asks): reached
   * and speaking this protocol, reached but another version, or not reached (with why).
   */
  'relay.check': method(
    z.object({ url: RelayAddress, proxy: ProxySetting.optional() }).strict(),
    z.object({
      result: z.enum(['ok', 'other-version', 'not-a-relay', 'unreachable']),
      detail: z.string(),
      /** The relay's identity fingerprint (relayFingerprint), when it answered with a signed one. */
      fingerprint: z.string().nullable(),
      /** Whether that key is the one pinned for this address; null when none is pinned. */
      matchesPin: z.boolean().nullable(),
    }),
  ),
  /** The relay key this device pinned for an address (shown in Settings), or null. */
  'relay.pin': method(
    z.object({ url: RelayAddress }).strict(),
    z.object({ fingerprint: z.string(), pinnedAt: z.number() }).nullable(),
  ),
  /**
   * Forgets the pinned key of a relay address, for a deliberate change of relay key: the next
   * connection pins the key it is shown (trust on first use) and sync resumes.
   */
  'relay.forgetPin': method(z.object({ url: RelayAddress }).strict(), z.null()),
  'notes.list': method(
    z.object({ view: z.enum(['active', 'trash']), tag: Tag.optional() }).strict(),
    z.array(NoteSummary),
  ),
  'notes.get': method(z.object({ id: NoteId }).strict(), Note),
  'notes.create': method(z.object(NoteText).partial().strict().refine(oneBody, ONE_BODY), Note),
  'notes.update': method(
    z
      .object({ id: NoteId, ...NoteText })
      .partial({ title: true, body: true, content: true, tags: true })
      .strict()
      .refine(oneBody, ONE_BODY),
    NoteSummary,
  ),
  'notes.trash': method(z.object({ id: NoteId }).strict(), z.null()),
  'notes.restore': method(z.object({ id: NoteId }).strict(), z.null()),
  'notes.purge': method(z.object({ id: NoteId }).strict(), z.null()),
  'notes.emptyTrash': method(empty, z.null()),
  'notes.search': method(
    z.object({ query: z.string().max(LIMITS.searchQueryMaxChars) }).strict(),
    z.array(SearchHit),
  ),
  'notes.tags': method(empty, z.array(TagCount)),
  /** This device's code, which another member pastes to add this device to a space. */
  'device.code': method(empty, z.string()),
  'sync.state': method(empty, SyncState),
  /** Not connected: try the relay now ("Try now") instead of waiting out the backoff. */
  'sync.retryNow': method(empty, z.null()),
  'spaces.list': method(empty, z.array(SpaceSummary)),
  'spaces.create': method(
    z
      .object({
        name: z.string().trim().min(1).max(LIMITS.spaceNameMaxChars),
        policy: SpacePolicy.optional(),
      })
      .strict(),
    SpaceSummary,
  ),
  'spaces.addMember': method(
    z
      .object({
        spaceId: SpaceId,
        deviceCode: z.string().trim().max(LIMITS.deviceCodeMaxChars),
        role: z.enum(['editor', 'viewer']),
      })
      .strict(),
    z.null(),
  ),
  /** Creates a single-use invite; the link carries the one-time secret and is shown once. */
  'spaces.createInvite': method(
    z
      .object({
        spaceId: SpaceId,
        role: z.enum(['editor', 'viewer']),
        expiresInDays: z.number().int().min(1).max(LIMITS.inviteMaxDays),
      })
      .strict(),
    CreatedInvite,
  ),
  'spaces.revokeInvite': method(
    z.object({ spaceId: SpaceId, inviteId: InviteId }).strict(),
    z.null(),
  ),
  /** Joins the space an invite link names (on the relay the link names). */
  'spaces.join': method(z.object({ link: InviteLink }).strict(), SpaceSummary),
  'spaces.setRole': method(
    z.object({ spaceId: SpaceId, deviceKey: DeviceKey, role: Role }).strict(),
    z.null(),
  ),
  /** Removes a member: a new key epoch, re-sealed to the others, every document snapshotted. */
  'spaces.removeMember': method(
    z.object({ spaceId: SpaceId, deviceKey: DeviceKey }).strict(),
    z.null(),
  ),
  'spaces.leave': method(z.object({ spaceId: SpaceId }).strict(), z.null()),
  /** Accepts an invitation (an admin added this device by its code): the space starts syncing. */
  'spaces.acceptInvitation': method(z.object({ spaceId: SpaceId }).strict(), SpaceSummary),
  /** Declines an invitation: this device leaves the space's log and forgets it. */
  'spaces.declineInvitation': method(z.object({ spaceId: SpaceId }).strict(), z.null()),
  'spaces.approve': method(
    z.object({ spaceId: SpaceId, index: z.number().int().min(0) }).strict(),
    z.null(),
  ),
  /** Turns away someone waiting to join (revokes the invite they used). */
  'spaces.decline': method(
    z.object({ spaceId: SpaceId, index: z.number().int().min(0) }).strict(),
    z.null(),
  ),
  'spaces.setPolicy': method(
    z.object({ spaceId: SpaceId, policy: SpacePolicy }).strict(),
    z.null(),
  ),
  /** Deletes this device's copy of a space it was removed from or left. */
  'spaces.forget': method(z.object({ spaceId: SpaceId }).strict(), z.null()),
  /** Sync by file (docs/network.md): a signed bundle of the space, sealed to its other members. */
  'spaces.exportBundle': method(BundleExportArgs, BundleExport),
  /** Checks a carried bundle whole, applies it and passes it on to the relay; refused whole. */
  'spaces.importBundle': method(BundleImportArgs, BundleImport),
  /** Marks a device's safety number as checked (or not); kept in the vault, never sent. */
  'contacts.setVerified': method(
    z.object({ deviceKey: DeviceKey, verified: z.boolean() }).strict(),
    z.null(),
  ),
  /** Tasks assigned to this device across every plan of every space it is a member of. */
  'tasks.mine': method(empty, z.array(MyTask)),
  /** Opens a shared document: its current state (works offline) and live updates from now on. */
  'docs.open': method(
    z.object({ docId: DocId }).strict(),
    // Applied in order; together they are the document's state (the vault's rows, or one update).
    z.object({ updates: z.array(YjsUpdate).min(1).max(LIMITS.sync.openRowsMax) }),
  ),
  'docs.close': method(z.object({ docId: DocId }).strict(), z.null()),
  /**
   * Local edits as one Yjs V1 update (the 'update' event's format, the cheapest to make per
   * transaction); resolves once they are on disk in the encrypted outbox.
   */
  'docs.update': method(z.object({ docId: DocId, update: YjsUpdate }).strict(), z.null()),
  'docs.presence': method(z.object({ docId: DocId, cursor: Cursor.nullable() }).strict(), z.null()),

  // Organisations of a coalition (docs/groups.md) and the calendar (docs/calendar.md).
  'orgs.list': method(z.object({ spaceId: SpaceId }).strict(), z.array(OrganisationSummary)),
  'orgs.create': method(
    z
      .object({
        spaceId: SpaceId,
        name: z.string().trim().min(1).max(LIMITS.spaceNameMaxChars),
        /**
         * Another member to be its first admin: a coalition admin sets up an organisation for
         * others, then steps out of it (and its key moves on without them).
         */
        admin: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      })
      .strict(),
    OrganisationSummary,
  ),
  'orgs.addMember': method(
    z
      .object({
        spaceId: SpaceId,
        orgId: OrgId,
        deviceKey: z.string().regex(/^[0-9a-f]{64}$/),
        role: z.enum(['admin', 'member']),
      })
      .strict(),
    z.null(),
  ),
  'orgs.removeMember': method(
    z
      .object({ spaceId: SpaceId, orgId: OrgId, deviceKey: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict(),
    z.null(),
  ),
  'briefings.list': method(BriefingListArgs, BriefingList),
  /** Opens a briefing: marks it read (and tells its author, when receipts are on). */
  'briefings.get': method(z.object({ id: BriefingId }).strict(), BriefingView),
  'briefings.send': method(BriefingSendArgs, z.object({ id: BriefingId })),
  'briefings.acknowledge': method(z.object({ id: BriefingId }).strict(), z.null()),
  /** Delete for everyone: the relay's copies and every recipient's app wipe it. */
  'briefings.recall': method(z.object({ id: BriefingId }).strict(), z.null()),
  'briefings.traceLeak': method(
    z.object({ id: BriefingId, text: z.string().max(200_000) }).strict(),
    LeakTraceResult,
  ),
  'briefings.stageBegin': method(StageBeginArgs, StagedFile),
  'briefings.stageAppend': method(StageAppendArgs, StagedFile),
  'briefings.stageCancel': method(z.object({ stageId: z.string().uuid() }).strict(), z.null()),
  /** Fetches an attachment's encrypted chunks (resuming), with briefings.progress events. */
  'briefings.download': method(BriefingFileArgs, z.null()),
  /** Stops a send's upload or a download; what was transferred is kept for a resume. */
  'briefings.cancel': method(z.object({ id: z.string().max(64) }).strict(), z.null()),
  'briefings.openFile': method(BriefingFileArgs, BriefingFileBytes),
  'calendar.range': method(RangeArgs, CalendarRange),
  'calendar.get': method(
    // With an occurrence of a series: its own title, place and description come too.
    z.object({ spaceId: SpaceId, eventId: EventId, occurrence: OccurrenceKey.optional() }).strict(),
    CalendarEventView,
  ),
  'calendar.save': method(EventSaveArgs, z.object({ eventId: EventId })),
  'calendar.delete': method(EventDeleteArgs, EventDeleteResult),
  'calendar.setReminder': method(
    z
      .object({
        spaceId: SpaceId,
        eventId: EventId,
        minutes: z
          .number()
          .int()
          .min(0)
          .max(7 * 24 * 60)
          .nullable(),
      })
      .strict(),
    z.null(),
  ),
  'calendar.importIcs': method(IcsImportArgs, z.object({ imported: z.number().int() })),
  'calendar.exportIcs': method(IcsExportArgs, z.object({ ics: z.string(), fileName: z.string() })),
  'calendar.shareLink': method(
    ShareLinkArgs,
    z.object({ link: z.string(), expiresAt: z.number() }),
  ),
  'calendar.shareWith': method(
    z
      .object({
        spaceId: SpaceId,
        eventId: EventId,
        occurrence: OccurrenceKey.optional(),
        toSpaceId: SpaceId,
        deviceKey: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
    z.null(),
  ),
  'calendar.openShared': method(
    z.object({ link: z.string().max(LIMITS.inviteLinkMaxChars) }).strict(),
    SharedEventView,
  ),
  'calendar.shared': method(empty, z.array(SharedEventView)),
  /** The event's links this device made that still open it. */
  'calendar.links': method(
    z.object({ spaceId: SpaceId, eventId: EventId }).strict(),
    z.array(LinkMadeView),
  ),
  /** Stops one: false while the relay is out of reach (the stop goes out when it is back). */
  'calendar.stopLink': method(
    z.object({ id: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
    z.object({ stopped: z.boolean() }),
  ),
  /** The event's shares with members of other spaces that this device made and did not stop. */
  'calendar.memberShares': method(
    z.object({ spaceId: SpaceId, eventId: EventId }).strict(),
    z.array(MemberShareView),
  ),
  /** Withdraws one; waiting: offline, the withdrawal goes out with the space's next sync. */
  'calendar.stopMemberShare': method(
    z.object({ id: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
    z.object({ waiting: z.boolean() }),
  ),
  // A relay for the local network, hosted by this app (docs/network.md). It keeps running while the
  // app runs, locked or not (other devices depend on it), and stops when the app quits; status and
  // stop therefore work while locked, starting needs the vault open.
  'lanRelay.interfaces': method(empty, z.array(LanInterface)),
  /** address: one of this computer's (checked in main); port 0 picks any free one. */
  'lanRelay.start': method(
    z
      .object({
        address: z.union([z.ipv4(), z.ipv6()]),
        port: z
          .number()
          .int()
          .min(0)
          .max(65535)
          .refine((port) => port === 0 || port >= 1024, 'port 0 or 1024–65535'),
      })
      .strict(),
    LanRelayStatus,
  ),
  'lanRelay.stop': method(empty, LanRelayStatus, true),
  'lanRelay.status': method(empty, LanRelayStatus, true),
  /** What this shell can do (hide windows, use the clipboard, keep windows out of screen capture). */
  'app.capabilities': method(empty, ShellCapabilities, true),
  /**
   * Quick exit, locked or not: every window hidden, the clipboard cleared, the vault locked
   * ('vault.locked' with reason 'exit'). Says what the shell could do, so the renderer does the rest.
   */
  'app.quickExit': method(
    empty,
    z.object({ windowsHidden: z.boolean(), clipboardCleared: z.boolean() }),
    true,
  ),
  /**
   * Copies a sensitive text (an invite link, a device code, a share link); main clears it from the
   * clipboard 60 s later if the clipboard still holds exactly it. copied: false where main has no
   * clipboard (the browser host): the renderer then copies it itself.
   */
  'clipboard.copySensitive': method(
    z.object({ text: z.string().min(1).max(LIMITS.sensitiveCopyMaxChars) }).strict(),
    z.object({ copied: z.boolean() }),
  ),
} as const;

export type MethodName = keyof typeof methods;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export type MethodArgs<M extends MethodName> = z.input<(typeof methods)[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<(typeof methods)[M]['result']>;

export const events = {
  /** The vault was locked: by the user, by the idle timer, the app quitting, or a quick exit. */
  'vault.locked': z.object({ reason: z.enum(['user', 'idle', 'quit', 'wipe', 'exit']) }),
  'vault.unlocked': z.object({}),
  /** The disguise changed (Settings): window title, icon and screens follow at once. */
  'appearance.changed': z.object({ disguise: Disguise }),
  'sync.state': SyncState,
  'spaces.changed': z.object({}),
  /** A verified remote edit to apply to the renderer's replica. */
  'docs.remoteUpdate': z.object({ docId: DocId, update: z.string() }),
  'docs.presence': z.object({ docId: DocId, peers: z.array(PresencePeer) }),
  /** Some calendar changed (an edit here or a member's): views ask for their range again. */
  'calendar.changed': z.object({}),
  'calendar.importProgress': z.object({ done: z.number().int(), total: z.number().int() }),
  /** A reminder is due; shown on this device only. */
  'calendar.reminder': ReminderNotice,
  /** Briefings arrived, were read, acknowledged, recalled or expired: lists ask again. */
  'briefings.changed': z.object({}),
  /**
   * New briefings for this device: the notification says only "New briefing"; `title` is the
   * newest one's title, and only when Settings allows notifications to name it.
   */
  'briefings.received': z.object({ count: z.number().int(), title: z.string().nullable() }),
  'briefings.progress': BriefingProgress,
  /** The relay hosted for the local network started or stopped. */
  'lanRelay.changed': LanRelayStatus,
} as const;
export type EventName = keyof typeof events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** Every error a call can end with; the renderer turns each code into a message that says what to do. */
export const ERROR_CODES = [
  'invalid-args',
  'unknown-method',
  'locked',
  'wrong-passphrase',
  'weak-passphrase',
  'same-passphrase',
  'passphrase-unusable',
  'vault-exists',
  'vault-missing',
  'keyfile-missing',
  'keyfile-corrupt',
  'database-missing',
  'database-corrupt',
  'not-found',
  'disk-full',
  'forbidden-sender',
  'invalid-device-code',
  'already-member',
  'not-admin',
  'relay-unreachable',
  'relay-refused',
  'invite-invalid',
  'invite-other-relay',
  'relay-key-mismatch',
  'invite-expired',
  'invite-used',
  'invite-revoked',
  'last-admin',
  'not-member',
  'ics-invalid',
  'share-invalid',
  'share-expired',
  'other-organisation',
  'occurrence-changed',
  'share-too-large',
  'lan-relay-port-in-use',
  'lan-relay-address-unavailable',
  // Sync by file (docs/network.md): why a bundle was refused, nothing of it applied.
  'bundle-unreadable',
  'bundle-damaged',
  'bundle-replayed',
  'bundle-not-member',
  'bundle-conflict',
  'bundle-no-recipients',
  'bundle-too-large',
  // Briefings (docs/briefings.md).
  'briefing-expired',
  'attachment-too-large',
  'attachment-too-large-to-open',
  'attachment-unreadable',
  'attachment-damaged',
  'transfer-cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ApiError = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

/** Every call resolves (never rejects across the boundary) to one of these. */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload (Electron) or the host bridge (browser) puts on window.suviaz. */
export type SuviazBridge = {
  [M in MethodName]: (args: MethodArgs<M>) => Promise<CallOutcome<MethodResult<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The IPC channel names: one for calls, one for events. */
export const IPC_CALL_CHANNEL = 'suviaz:call';
export const IPC_EVENT_CHANNEL = 'suviaz:event';
