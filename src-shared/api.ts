// The one typed contract between the renderer and main (docs/design.md, "Processes"). Every method and event the
// renderer can use is named here with zod schemas; the preload, the IPC wiring and the browser host are
// all generated from this table, and main validates every argument against it.
import { z } from 'zod';
import { LIMITS } from './limits';
import { noteContentProblem, type NoteDoc } from './notes/note-content';
import { TASK_STATUSES } from './plans/task-status';
import {
  CalendarEventView,
  CalendarRange,
  EventDeleteArgs,
  EventSaveArgs,
  IcsExportArgs,
  IcsImportArgs,
  OrganisationSummary,
  RangeArgs,
  ReminderNotice,
  SharedEventView,
  ShareLinkArgs,
} from './calendar/calendar-api';
import { EventId, OccurrenceKey, OrgId } from './calendar/event-model';
import { Disguise } from './disguise';

export const Passphrase = z.string().min(1).max(LIMITS.passphraseMaxChars);
export const NoteId = z.string().regex(/^[0-9a-f]{32}$/, 'not a note id');
export const Tag = z.string().trim().min(1).max(LIMITS.tagMaxChars);

export const VaultState = z.enum(['none', 'locked', 'unlocked', 'damaged']);
export const VaultStatus = z.object({
  state: VaultState,
  /** Set when state is 'damaged': what is wrong with the files on disk. */
  problem: z.enum(['keyfile-missing', 'database-missing']).nullable(),
});

/** A relay's address: ws:// or wss://. */
export const RelayAddress = z
  .string()
  .max(500)
  .regex(/^wss?:\/\/[^\s]+$/, 'not a ws:// or wss:// address');

/**
 * How this device reaches its relay: directly, through Tor's SOCKS port (9050 for the tor service,
 * 9150 for Tor Browser), or through any SOCKS5 proxy. Host names are resolved by the proxy, so no
 * DNS query leaves the machine.
 */
export const ProxySetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('tor'), port: z.union([z.literal(9050), z.literal(9150)]) }).strict(),
  z
    .object({
      kind: z.literal('socks5'),
      host: z
        .string()
        .min(1)
        .max(253)
        .regex(/^[A-Za-z0-9.:[\]-]+$/, 'not a host name or address'),
      port: z.number().int().min(1).max(65535),
    })
    .strict(),
]);

export const Settings = z.object({
  /** Minutes of inactivity before the vault locks itself; 0 means never. */
  autoLockMinutes: z.number().int().min(0).max(LIMITS.autoLockMaxMinutes),
  /** The relay that shared spaces sync through (ws:// or wss://); empty: shared spaces stay offline. */
  relayUrl: z.union([z.literal(''), RelayAddress]),
  /** The name other members see next to this device's cursor. */
  displayName: z.string().trim().max(LIMITS.displayNameMaxChars),
  /** How to reach the relay: directly, through Tor, or through a SOCKS5 proxy. */
  proxy: ProxySetting,
  /** Calendar reminders name the event; off by default, so a glance at the screen tells nothing. */
  remindersShowTitle: z.boolean(),
  /** A neutral name and icon the app wears instead of its own (a copy lives outside the vault). */
  disguise: Disguise,
  /**
   * Keep the window out of screenshots, screen recordings and screen sharing (the desktop app on
   * Windows and macOS only: app.capabilities says whether it applies here). Off by default.
   */
  screenCaptureProtection: z.boolean(),
});

/** What the shell running the core can do beyond the vault (the browser host has no windows or clipboard). */
export const ShellCapabilities = z.object({
  /** Quick exit can hide every window of the app. */
  hideWindows: z.boolean(),
  /** Main can write, read and clear the system clipboard (clipboard.copySensitive copies). */
  clipboard: z.boolean(),
  /** settings.screenCaptureProtection takes effect here. */
  screenCaptureProtection: z.boolean(),
});

/** A network address of this computer that a relay for the local network can listen on. */
export const LanInterface = z.object({
  /** The system's name for the interface, e.g. "eth0", "Wi-Fi", "en0". */
  name: z.string(),
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** Loopback: only this computer can reach it. */
  internal: z.boolean(),
});
/** The relay this app hosts for the local network (Settings → "Host a relay on this computer"). */
export const LanRelayStatus = z.discriminatedUnion('running', [
  z.object({ running: z.literal(false) }),
  z.object({
    running: z.literal(true),
    /** The interface's name and address it listens on, and the port. */
    name: z.string(),
    address: z.string(),
    port: z.number().int(),
    /** What other devices enter as their relay, e.g. ws://192.168.1.20:8787. */
    url: z.string(),
    /** The relay identity's fingerprint, to pin: on plain ws:// it is what tells it from a look-alike. */
    fingerprint: z.string(),
    /** The relay's identity key (base64url), for the QR code: scanned, it is pinned at once. */
    relayKey: z.string(),
    startedAt: z.number(),
  }),
]);

export const DeviceIdentity = z.object({
  signingPublicKey: z.string(),
  boxPublicKey: z.string(),
  /** Safety number: 12 groups of 5 digits, derived from both public keys. */
  fingerprint: z.string(),
});

export const NoteSummary = z.object({
  id: NoteId,
  title: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  trashedAt: z.number().nullable(),
});
/**
 * A note's rich text: the editor's ProseMirror JSON, checked node by node (note-content.ts) so a
 * refusal names what was wrong and where.
 */
export const NoteContent = z.custom<NoteDoc>().superRefine((value, ctx) => {
  const problem = noteContentProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
export const Note = NoteSummary.extend({
  /** The plain text main extracted from the content: what search indexes and excerpts show. */
  body: z.string(),
  content: NoteContent,
  /** The stored formatting could not be read: content is the plain text, one paragraph a line. */
  contentUnreadable: z.boolean(),
});

/** Snippet text marks matches between these two control characters; the renderer turns them into <mark>. */
export const SNIPPET_MARK_START = '\u0002';
export const SNIPPET_MARK_END = '\u0003';
export const SearchHit = z.object({
  id: NoteId,
  title: z.string(),
  snippet: z.string(),
  tags: z.array(z.string()),
  updatedAt: z.number(),
});

export const TagCount = z.object({ tag: z.string(), count: z.number().int() });

/** Group, document and device ids on the API: lower-case hex. */
export const SpaceId = z.string().regex(/^[0-9a-f]{32}$/, 'not a space id');
export const DocId = z.string().regex(/^[0-9a-f]{32}$/, 'not a document id');
export const Role = z.enum(['admin', 'editor', 'viewer']);
/** Yjs V2 updates cross the API as base64 (the browser host bridge is JSON). */
export const YjsUpdate = z.base64().max(LIMITS.yjsUpdateMaxBase64Chars);

export const DeviceKey = z.string().regex(/^[0-9a-f]{64}$/, 'not a device key');
/** An invite's id on the API: the hex public key of its one-time invite key. */
export const InviteId = z.string().regex(/^[0-9a-f]{64}$/, 'not an invite id');

export const SpaceMember = z.object({
  deviceKey: DeviceKey,
  role: Role,
  /** Safety number: 12 groups of 5 digits, derived from the member's two public keys. */
  fingerprint: z.string(),
  isMe: z.boolean(),
  /** The name this device last announced in the space (encrypted presence); null until seen. */
  name: z.string().nullable(),
  /** I marked this device's safety number as checked in person or over a trusted channel. */
  verified: z.boolean(),
  /**
   * Set when this device claims the name of someone I verified, but with another key: either the
   * person got a new device, or someone is impersonating them. The UI must not let this pass unseen.
   */
  keyChangedFrom: z.object({ name: z.string(), fingerprint: z.string() }).nullable(),
  /** When the log made this device a member (ms), for "had access since". */
  memberSince: z.number(),
});

export const PendingInvite = z.object({
  id: InviteId,
  role: Role,
  expiresAt: z.number(),
  createdAt: z.number(),
});

export const SpacePolicy = z.object({
  /** Adding a member, inviting or changing a role needs a second admin. */
  twoAdminApproval: z.boolean(),
  /** Someone who joins with an invite waits for an admin's approval. */
  joinApproval: z.boolean(),
  /** A removed member's app wipes its copy instead of keeping it read-only. */
  wipeOnRemoval: z.boolean(),
});

/** An operation in the log that waits for an admin's approval (two-admin rule or join approval). */
export const PendingApproval = z.object({
  index: z.number().int().min(0),
  kind: z.enum(['join', 'add-member', 'invite', 'set-role', 'set-policy', 'remove']),
  /** The device the operation is about (join, add-member, set-role); null otherwise. */
  deviceKey: DeviceKey.nullable(),
  fingerprint: z.string().nullable(),
  role: Role.nullable(),
  requestedAt: z.number(),
  /** The admin who asked (null for a join, which the joiner asked for with the invite). */
  requestedBy: DeviceKey.nullable(),
  /** For a rule change: the rules it would set, so nobody approves it blind. */
  policy: SpacePolicy.nullable(),
  /** I am an admin other than the one who asked, so my approval counts. */
  canApprove: z.boolean(),
});

export const SpaceStatus = z.enum([
  /** A member: reads and (by role) writes. */
  'active',
  /** Joined with an invite; an admin has not approved yet. */
  'pending',
  /** An admin removed this device: what it held stays readable (or was wiped, by policy). */
  'removed',
  /** This device left. */
  'left',
  /** This device asked to join and an admin declined; it never was a member. */
  'declined',
  /**
   * An admin added this device with its device code: an invitation the person accepts or declines.
   * Nothing of the space syncs until they accept.
   */
  'invited',
]);

export const SpaceSummary = z.object({
  id: SpaceId,
  name: z.string(),
  docId: DocId,
  role: Role,
  status: SpaceStatus,
  /** For removed spaces under the wipe policy: the content is gone, only this notice is left. */
  wiped: z.boolean(),
  policy: SpacePolicy,
  members: z.array(SpaceMember),
  invites: z.array(PendingInvite),
  approvals: z.array(PendingApproval),
  /** Someone left and no admin has started a new key epoch yet. */
  rotationNeeded: z.boolean(),
  /**
   * Digits from the head of the space's membership log (its length and hash): members who read
   * the same digits to each other over a trusted channel know the relay shows them one history.
   */
  fingerprint: z.string(),
  /** A member that does not hold the current key yet: an admin's app must seal it to this device. */
  waitingForKeys: z.boolean(),
  /**
   * Devices that were members and are no longer (removed or left), with the name this device knows
   * for them: tasks, comments and the assignee list show "Bahdan — removed", never a key prefix.
   */
  formerMembers: z.array(
    z.object({
      deviceKey: DeviceKey,
      name: z.string().nullable(),
      how: z.enum(['removed', 'left']),
    }),
  ),
});

export const InviteLink = z.string().trim().min(1).max(LIMITS.inviteLinkMaxChars);
export const CreatedInvite = z.object({
  id: InviteId,
  /** suviaz://join#… — relay, group and the one-time secret, all in the fragment. */
  link: z.string(),
  expiresAt: z.number(),
  role: Role,
});

/** A task assigned to this device, in any plan of any space ("my tasks"). */
export const MyTask = z.object({
  spaceId: SpaceId,
  spaceName: z.string(),
  docId: DocId,
  planId: z.string(),
  planTitle: z.string(),
  taskId: z.string(),
  title: z.string(),
  due: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
});

export const SyncWarning = z.object({
  docId: DocId.nullable(),
  /** What the client detected, e.g. 'tampered', 'replayed', 'gap', 'rolled-back'. */
  reason: z.string(),
  at: z.number(),
  /** The member whose message caused it (a bad update, a log ahead), when one did. */
  deviceKey: DeviceKey.nullable(),
  /** That member's name as this device knows it; null when unknown (the UI says "a member"). */
  member: z.string().nullable(),
});
export const SyncState = z.object({
  connection: z.enum(['connected', 'connecting', 'offline', 'disabled']),
  /** How the relay is reached, so the UI can say "via Tor". */
  via: z.enum(['direct', 'tor', 'socks5']),
  /**
   * Why the last attempt failed when a proxy is set: the proxy itself did not answer (is Tor
   * running?), or it answered but could not reach the relay. Null when connected or direct.
   */
  problem: z
    .enum([
      'proxy-unreachable',
      'proxy-refused',
      /**
       * The relay presented another identity key than the one pinned for its address, with no
       * rotation signed by the pinned key: refused before AUTH (an interception, or a replaced relay).
       */
      'relay-key-changed',
      /** The relay's CHALLENGE is not signed by the key it presents: refused before AUTH. */
      'relay-signature-invalid',
    ])
    .nullable(),
  /** Local edits not yet acknowledged by the relay. */
  pending: z.number().int(),
  warnings: z.array(SyncWarning),
});

export const Cursor = z.object({ anchor: z.base64().max(2000), head: z.base64().max(2000) });
export const PresencePeer = z.object({
  deviceKey: z.string(),
  name: z.string(),
  cursor: Cursor.nullable(),
});

const NoteText = {
  title: z.string().max(LIMITS.noteTitleMaxChars),
  /** Plain text, stored as one paragraph a line; the editor sends content instead. */
  body: z.string().max(LIMITS.noteBodyMaxChars),
  /** Rich text; main computes the plain text for search from it and never takes it from outside. */
  content: NoteContent,
  tags: z.array(Tag).max(LIMITS.tagsPerNote),
};
const oneBody = (args: { body?: unknown; content?: unknown }) =>
  args.body === undefined || args.content === undefined;
const ONE_BODY = { message: 'give body or content, not both', path: ['content'] };

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
  /** Marks a device's safety number as checked (or not); kept in the vault, never sent. */
  'contacts.setVerified': method(
    z.object({ deviceKey: DeviceKey, verified: z.boolean() }).strict(),
    z.null(),
  ),
  /** Tasks assigned to this device across every plan of every space it is a member of. */
  'tasks.mine': method(empty, z.array(MyTask)),
  /** Opens a shared document: its current state (works offline) and live updates from now on. */
  'docs.open': method(z.object({ docId: DocId }).strict(), z.object({ update: YjsUpdate })),
  'docs.close': method(z.object({ docId: DocId }).strict(), z.null()),
  /** A local edit; resolves once it is stored in the encrypted outbox. */
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
  'calendar.range': method(RangeArgs, CalendarRange),
  'calendar.get': method(
    z.object({ spaceId: SpaceId, eventId: EventId }).strict(),
    CalendarEventView,
  ),
  'calendar.save': method(EventSaveArgs, z.object({ eventId: EventId })),
  'calendar.delete': method(EventDeleteArgs, z.null()),
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
  'lan-relay-port-in-use',
  'lan-relay-address-unavailable',
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

export type NoteSummary = z.infer<typeof NoteSummary>;
export type Note = z.infer<typeof Note>;
export type SearchHit = z.infer<typeof SearchHit>;
export type TagCount = z.infer<typeof TagCount>;
export type Settings = z.infer<typeof Settings>;
export type ProxySetting = z.infer<typeof ProxySetting>;
export type VaultStatus = z.infer<typeof VaultStatus>;
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;
export type SpaceSummary = z.infer<typeof SpaceSummary>;
export type SpaceMember = z.infer<typeof SpaceMember>;
export type PendingInvite = z.infer<typeof PendingInvite>;
export type PendingApproval = z.infer<typeof PendingApproval>;
export type SpacePolicy = z.infer<typeof SpacePolicy>;
export type CreatedInvite = z.infer<typeof CreatedInvite>;
export type MyTask = z.infer<typeof MyTask>;
export type SyncState = z.infer<typeof SyncState>;
export type PresencePeer = z.infer<typeof PresencePeer>;
export type LanInterface = z.infer<typeof LanInterface>;
export type LanRelayStatus = z.infer<typeof LanRelayStatus>;
export type ShellCapabilities = z.infer<typeof ShellCapabilities>;

/** The IPC channel names: one for calls, one for events. */
export const IPC_CALL_CHANNEL = 'suviaz:call';
export const IPC_EVENT_CHANNEL = 'suviaz:event';
