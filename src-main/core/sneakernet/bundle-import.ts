// "Import" of a bundle another member carried here: every item is checked as if the relay had sent
// it (the log byte for byte against mine and by the shared rules and length limit, lockboxes by
// admin signature and key commitment, the exporter's membership and write right, the counter
// against replay) and only then is anything stored. What is new goes on to my relay: the content
// through my outbox, the log entries at the next connection (docs/network.md "Sync by file").
import * as Y from 'yjs';
import { BoundedUpdateDecoderV2 } from '../../../src-shared/yjs-bounded-decoder';
import { bytesEqual, toHex } from '../../../src-shared/protocol/bytes';
import { forkIndex } from '../../../src-shared/protocol/log-fork';
import { decodeLockbox, type Lockbox } from '../../../src-shared/protocol/lockbox';
import { canWrite, isMember, type GroupState } from '../../../src-shared/protocol/membership-state';
import { PolicyFlag } from '../../../src-shared/protocol/wire-constants';
import type { BundleContents, BundleHeader } from '../../../src-shared/protocol/bundle';
import { SuviazError } from '../errors';
import { mapStorageError } from '../vault/vault-disk';
import { extendLog, GroupVerificationError, openMyEpochKey } from '../groups/group-checks';
import { wipeGroupContent, type StoredGroup } from '../groups/group-store';
import { statusIn, type VerifiedLog } from '../sync/membership-rules';
import { openBundle } from './bundle-seal';
import { lastCounter, queueForward, setCounter } from './bundle-store';
import type { SneakernetDeps } from './sneakernet-deps';

export interface ImportedBundle {
  spaceId: string;
  /** The exporting member's name as this device knows it; null when unknown. */
  member: string | null;
  madeAt: number;
  newEntries: number;
  newContent: boolean;
  /** Something new waits to go on to this device's relay (sent when connected). */
  passedOn: boolean;
}

const conflict = (why: string) => new SuviazError('bundle-conflict', why);

const notMember = () =>
  new SuviazError('bundle-not-member', 'the bundle was made by a device that is not a member');

/** The space a bundle names, as this device holds it: as a member, not wiped. */
function memberGroup(deps: SneakernetDeps, groupId: Uint8Array): StoredGroup {
  const group = deps.groups.get(toHex(groupId));
  if (!group || group.status !== 'active' || group.wiped) {
    throw new SuviazError('not-member', 'This device does not hold this space as a member.');
  }
  return group;
}

/**
 * Judged on the bundle's signed header, before any of its lists is read: the space is mine and the
 * exporter is a member in my own log (checkedGroup asks again in the bundle's). Anyone else (the
 * relay, a removed member) can seal a file to me, but I read no more of it.
 */
function admit(deps: SneakernetDeps, header: BundleHeader): void {
  if (!isMember(memberGroup(deps, header.groupId).state, header.exporter)) throw notMember();
}

/**
 * My log and the bundle's must be one history: the longer one wins, a fork is refused. Its new
 * entries are checked on top of mine as the relay's are (extendLog): by the shared rules, and past
 * the relay's length limit only what lets people out (log-room.ts).
 */
function mergedLog(group: StoredGroup, theirs: readonly Uint8Array[]): VerifiedLog {
  const mine = group.entries;
  const fork = forkIndex(mine, theirs);
  if (fork !== null) {
    throw conflict(`the bundle shows another membership history from entry ${fork} on`);
  }
  if (theirs.length <= mine.length) return { entries: mine, state: group.state };
  try {
    return extendLog(group, theirs.slice(mine.length), mine.length);
  } catch (error) {
    const why = error instanceof GroupVerificationError ? error.message : String(error);
    throw conflict(`the bundle's membership log breaks the rules: ${why}`);
  }
}

/**
 * Epoch keys sealed to me in the bundle's lockboxes, checked as those from the relay are. The
 * lockboxes are gone through once, keeping those for me, here, for an epoch I lack; not once per
 * epoch: a bundle may carry thousands, and a log thousands of epochs from before I joined, whose
 * product would hold main for minutes.
 */
function withMyKeys(
  deps: SneakernetDeps,
  state: GroupState,
  held: ReadonlyMap<number, Uint8Array>,
  lockboxes: readonly Uint8Array[],
): Map<number, Uint8Array> {
  const keys = new Map(held);
  const candidates = new Map<number, Uint8Array[]>();
  for (const bytes of lockboxes) {
    let box: Lockbox;
    try {
      box = decodeLockbox(bytes);
    } catch {
      continue; // openMyEpochKey passes over it too
    }
    if (
      box.epoch > state.epoch ||
      keys.has(box.epoch) ||
      !bytesEqual(box.recipient, deps.me) ||
      !bytesEqual(box.groupId, state.groupId)
    ) {
      continue;
    }
    const forEpoch = candidates.get(box.epoch);
    if (forEpoch) forEpoch.push(bytes);
    else candidates.set(box.epoch, [bytes]);
  }
  for (const epoch of [...candidates.keys()].sort((x, y) => x - y)) {
    const mine = candidates.get(epoch) ?? [];
    try {
      keys.set(
        epoch,
        openMyEpochKey({ state, me: deps.me, epoch, lockboxes: mine, openSealed: deps.openSealed }),
      );
    } catch (error) {
      if (!(error instanceof GroupVerificationError)) throw error;
      // A bad one: the key comes from the relay later, as it would have anyway.
      deps.warn(`group-${error.reason}`);
    }
  }
  return keys;
}

/** What the bundle's document state adds to mine, as one update; null when nothing. */
function contentDelta(current: Uint8Array, incoming: Uint8Array): Uint8Array | null {
  const scratch = new Y.Doc({ gc: true });
  const changes: Uint8Array[] = [];
  try {
    Y.applyUpdateV2(scratch, current);
    scratch.on('updateV2', (update: Uint8Array) => changes.push(update));
    // Another member's bytes: read on a budget (a few bytes can claim billions of structs).
    Y.applyUpdateV2(scratch, incoming, undefined, BoundedUpdateDecoderV2);
  } catch (error) {
    throw conflict(`the bundle's document does not apply: ${String(error)}`);
  } finally {
    scratch.destroy();
  }
  if (changes.length === 0) return null;
  return changes.length === 1 ? (changes[0] as Uint8Array) : Y.mergeUpdatesV2(changes);
}

function checkedGroup(deps: SneakernetDeps, contents: BundleContents) {
  const group = memberGroup(deps, contents.groupId);
  if (!bytesEqual(group.docId, contents.docId)) throw conflict('the bundle names another document');
  const log = mergedLog(group, contents.entries);
  // Judged in the longest log known: someone removed there cannot bring anything any more. And a
  // member already in mine: a join this device has not seen could be one no relay would accept
  // (clients judge an invite's expiry by the time its joiner signed), so its own bundle cannot
  // be what makes it a member here; the relay, or an older member's bundle, brings it first.
  if (!isMember(log.state, contents.exporter) || !isMember(group.state, contents.exporter)) {
    throw notMember();
  }
  if (contents.docState.length > 0 && !canWrite(log.state, contents.exporter)) {
    throw new SuviazError(
      'bundle-not-member',
      'the bundle carries content from a member who may not write',
    );
  }
  const last = lastCounter(deps.db, contents.exporter, contents.groupId);
  if (contents.counter <= last) {
    throw new SuviazError(
      'bundle-replayed',
      `this device already imported bundle ${last} of that member for this space; this is ${contents.counter}`,
    );
  }
  return { group, log };
}

export async function importBundle(
  deps: SneakernetDeps,
  file: Uint8Array,
): Promise<ImportedBundle> {
  const contents = openBundle(file, deps.openSealed, (header) => admit(deps, header));
  const { group, log } = checkedGroup(deps, contents);
  const meHex = toHex(deps.me);
  const status = statusIn(log.state, meHex, group.status);
  const docHex = toHex(group.docId);
  // A bundle may tell me of my own removal: then its content is not mine to read.
  const sync = status === 'active' ? deps.document(docHex) : null;
  // Everything is checked before anything is stored: a refusal above leaves no trace.
  const delta =
    sync && contents.docState.length > 0 ? contentDelta(sync.state(), contents.docState) : null;
  let next: StoredGroup = {
    ...group,
    entries: log.entries,
    state: log.state,
    status,
    epochKeys:
      status === 'active'
        ? withMyKeys(deps, log.state, group.epochKeys, contents.lockboxes)
        : group.epochKeys,
  };
  const removedAndWiped =
    status === 'removed' && (log.state.policy & PolicyFlag.wipeOnRemoval) !== 0;
  const newEntries = log.entries.length - group.entries.length;
  if (removedAndWiped) next = { ...next, epochKeys: new Map(), wiped: true };
  deps.db.transaction(() => {
    // With the log that removes me, never before it: the app stopping in between would leave me a
    // member on the old log with my content and keys already deleted.
    if (removedAndWiped) wipeGroupContent(deps.db, group.groupId);
    queueForward(deps.db, group.groupId, group.entries.length, log.entries.length);
    if (newEntries > 0 || next.epochKeys.size !== group.epochKeys.size) deps.adopt(next, group);
  })();
  const writer = status === 'active' && canWrite(log.state, deps.me);
  try {
    if (sync && delta) {
      // A writer passes it on as its own edit (the relay takes envelopes only from their author);
      // anyone else keeps it here.
      if (writer) await sync.applyLocalUpdate(delta);
      else sync.applyCarried(delta);
      // In main's document now (on disk, or kept there and stored again shortly): shown at once.
      deps.toRenderer(docHex, delta);
    }
    // Stored, not only in memory: an earlier import of this file whose content could not be
    // stored left it in the document, and this one then finds nothing new to add.
    if (sync && !sync.storeNow()) throw new SuviazError('disk-full', 'not stored');
  } catch (error) {
    const mapped = mapStorageError(error);
    if (!(mapped instanceof SuviazError) || mapped.code !== 'disk-full') throw mapped;
    throw new SuviazError(
      'disk-full',
      'The carried changes could not be stored: the disk is full. Free some space and import the file again.',
    );
  }
  // The counter last, in a transaction whose sync also covers the content written before it: the
  // app stopping before this point leaves the same file importable again (a replay of it adds
  // nothing), never refused as already imported with its content lost.
  deps.db.transaction(() => {
    // Another import may have moved it on while this one stored its content: never backwards.
    if (contents.counter > lastCounter(deps.db, contents.exporter, contents.groupId)) {
      setCounter(deps.db, contents.exporter, contents.groupId, contents.counter);
    }
  })();
  return {
    spaceId: toHex(group.groupId),
    member: deps.nameOf(toHex(contents.exporter)),
    madeAt: contents.createdAt,
    newEntries,
    newContent: delta !== null,
    passedOn: newEntries > 0 || (delta !== null && writer),
  };
}
