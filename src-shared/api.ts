// The one typed contract between the renderer and main (DESIGN.md §2). Every method and event the
// renderer can use is named here with zod schemas; the preload, the IPC wiring and the browser host are
// all generated from this table, and main validates every argument against it.
import { z } from 'zod';
import { LIMITS } from './limits';

export const Passphrase = z.string().min(1).max(LIMITS.passphraseMaxChars);
export const NoteId = z.string().regex(/^[0-9a-f]{32}$/, 'not a note id');
export const Tag = z.string().trim().min(1).max(LIMITS.tagMaxChars);

export const VaultState = z.enum(['none', 'locked', 'unlocked', 'damaged']);
export const VaultStatus = z.object({
  state: VaultState,
  /** Set when state is 'damaged': what is wrong with the files on disk. */
  problem: z.enum(['keyfile-missing', 'database-missing']).nullable(),
});

export const Settings = z.object({
  /** Minutes of inactivity before the vault locks itself; 0 means never. */
  autoLockMinutes: z.number().int().min(0).max(LIMITS.autoLockMaxMinutes),
});

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
export const Note = NoteSummary.extend({ body: z.string() });

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

const NoteText = {
  title: z.string().max(LIMITS.noteTitleMaxChars),
  body: z.string().max(LIMITS.noteBodyMaxChars),
  tags: z.array(Tag).max(LIMITS.tagsPerNote),
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
  'vault.changePassphrase': method(
    z.object({ current: Passphrase, next: Passphrase }).strict(),
    z.null(),
  ),
  /** The renderer reports user activity (throttled) so that auto-lock counts idle time. */
  'session.activity': method(empty, z.null()),
  'settings.get': method(empty, Settings),
  'settings.update': method(Settings.partial().strict(), Settings),
  'device.identity': method(empty, DeviceIdentity),
  'notes.list': method(
    z.object({ view: z.enum(['active', 'trash']), tag: Tag.optional() }).strict(),
    z.array(NoteSummary),
  ),
  'notes.get': method(z.object({ id: NoteId }).strict(), Note),
  'notes.create': method(z.object(NoteText).partial().strict(), Note),
  'notes.update': method(
    z
      .object({ id: NoteId, ...NoteText })
      .partial({ title: true, body: true, tags: true })
      .strict(),
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
} as const;

export type MethodName = keyof typeof methods;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export type MethodArgs<M extends MethodName> = z.input<(typeof methods)[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<(typeof methods)[M]['result']>;

export const events = {
  /** The vault was locked: by the user, by the idle timer, or because the app is quitting. */
  'vault.locked': z.object({ reason: z.enum(['user', 'idle', 'quit']) }),
  'vault.unlocked': z.object({}),
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
export type VaultStatus = z.infer<typeof VaultStatus>;
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;

/** The IPC channel names: one for calls, one for events. */
export const IPC_CALL_CHANNEL = 'suviaz:call';
export const IPC_EVENT_CHANNEL = 'suviaz:event';
