// Which of the SQLite store's methods wait for the WAL fsync, and how: a write resolves once it is
// durable; a read that hands stored content out resolves once everything written before it is, so
// no client learns of a write a power cut could still undo. Validation reads do not wait.
import type { RelayStore } from './relay-store';

/** Writes: durable when they resolve. */
const WRITES = [
  'appendGroupEntry',
  'putLockbox',
  'putInviteMaterial',
  'putShare',
  'deleteShare',
  'deleteExpiredShares',
  'putMail',
  'recallBriefing',
  'putChunk',
  'deleteExpiredMail',
] as const;

/** Reads whose results reach clients. */
const HANDED_OUT = [
  'groupEntries',
  'groupsOfDevice',
  'getLockbox',
  'lockboxesFor',
  'getInviteMaterial',
  'getShare',
  'mailFor',
  'briefingAuthor',
  'getChunk',
  'countChunks',
  'findUpdate',
  'findSnapshot',
  'snapshotLinks',
  'getMessage',
  'updates',
] as const;

/**
 * Left as they are: checks against the relay's own latest writes (whatever they decide is
 * acknowledged only after a later fsync), commitEnvelope (its result carries `durable`), and the
 * store's life.
 */
type Unwrapped =
  | 'getDoc'
  | 'groupExists'
  | 'groupUsage'
  | 'countShares'
  | 'countDocuments'
  | 'commitEnvelope'
  | 'shared'
  | 'ping'
  | 'close';

// Every method of the interface is in exactly one of the three lists: a new one fails to compile
// until someone decides whether it waits.
type Listed = (typeof WRITES)[number] | (typeof HANDED_OUT)[number] | Unwrapped;
const everyMethodListed: Exclude<keyof RelayStore, Listed> extends never ? true : never = true;
void everyMethodListed;

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;

function waitAfter(store: RelayStore, name: keyof RelayStore, wait: () => Promise<void>): void {
  const methods = store as unknown as Record<string, AsyncMethod>;
  const method = methods[name];
  if (!method) throw new Error(`the store has no ${name}`);
  methods[name] = async (...args: unknown[]) => {
    const result = await method(...args);
    await wait();
    return result;
  };
}

/** Makes `store`'s writes and handed-out reads wait as described above; returns it. */
export function withDurableMethods(
  store: RelayStore,
  afterWrite: () => Promise<void>,
  settled: () => Promise<void>,
): RelayStore {
  for (const name of WRITES) waitAfter(store, name, afterWrite);
  for (const name of HANDED_OUT) waitAfter(store, name, settled);
  return store;
}
