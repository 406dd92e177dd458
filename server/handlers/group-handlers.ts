// GROUP_APPEND, GROUP_FETCH, LOCKBOX_PUT and LIST_GROUPS: the membership side of the relay. The
// rules are the shared ones (membership-state.ts), so relay and clients agree on who may do what.
import { bytesEqual, toHex } from '../../src-shared/protocol/bytes';
import { encodeRelayFrame, type ClientFrame } from '../../src-shared/protocol/frames';
import {
  decodeLockbox,
  lockboxSigningBytes,
  type Lockbox,
} from '../../src-shared/protocol/lockbox';
import { logRoomProblem } from '../../src-shared/protocol/log-room';
import { decodeEntry, type MembershipEntry } from '../../src-shared/protocol/membership-entry';
import {
  applyEntry,
  memberAddedBy,
  MembershipError,
  type GroupState,
  type MembershipRejection,
} from '../../src-shared/protocol/membership-state';
import type { RelayErrorName } from '../../src-shared/protocol/wire-constants';
import { nodeProtocolCrypto, verifyEd25519 } from '../crypto';
import { deviceTopic } from '../fanout/fanout';
import { refuse } from '../refusal';
import type { RelayContext, Session } from '../relay-context';
import { StoreConflictError, StoreQuotaError } from '../store/relay-store';
import { decodeOrRefuse } from './envelope-auth';
import {
  changeRecipients,
  existingGroup,
  readAccess,
  requireAdmin,
  withGroupLock,
} from './group-access';
import { framedBytes, readLogPage } from './log-page';
import { putOnce } from './put-once';

type Frame<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;

const REJECTION_CODES: Record<MembershipRejection, RelayErrorName> = {
  'wrong-group': 'wrongGroup',
  'wrong-index': 'logConflict',
  'wrong-previous-hash': 'logConflict',
  'bad-signature': 'badSignature',
  'first-entry-must-create': 'invalidEntry',
  'only-first-entry-creates': 'invalidEntry',
  'not-admin': 'forbidden',
  'not-member': 'notMember',
  'already-member': 'invalidEntry',
  'unknown-member': 'invalidEntry',
  'last-admin': 'invalidEntry',
  'unknown-invite': 'unknownInvite',
  'invite-used': 'inviteUsed',
  'invite-revoked': 'inviteRevoked',
  'invite-expired': 'inviteExpired',
  'bad-member-signature': 'badSignature',
  'removed-member': 'forbidden',
  'not-pending': 'invalidEntry',
  'self-approval': 'forbidden',
};

function notifyDevices(ctx: RelayContext, groupId: Uint8Array, devices: Iterable<string>): void {
  const frame = encodeRelayFrame({ type: 'groupChanged', groupId });
  for (const device of devices) ctx.fanout.publish(deviceTopic(device), { frame, origin: '' });
}

/** Is this exact entry already stored at its index (a retry after a lost OK)? */
async function alreadyStored(ctx: RelayContext, entry: MembershipEntry): Promise<boolean> {
  const [stored] = await ctx.store.groupEntries(entry.groupId, entry.index, 1);
  return stored !== undefined && bytesEqual(stored, entry.bytes);
}

function applyOrRefuse(state: GroupState | null, entry: MembershipEntry): GroupState {
  try {
    return applyEntry(state, entry, nodeProtocolCrypto, { now: Date.now() });
  } catch (error) {
    if (error instanceof MembershipError) refuse(REJECTION_CODES[error.reason], error.reason);
    throw error;
  }
}

export async function groupAppend(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'groupAppend'>,
): Promise<void> {
  const entry = decodeOrRefuse(() => decodeEntry(frame.entry), 'membership entry');
  await withGroupLock(ctx, entry.groupId, async () => {
    for (let attempt = 1; ; attempt++) {
      const state = await ctx.groups.get(entry.groupId);
      if (state && entry.index < state.length && (await alreadyStored(ctx, entry))) {
        session.send({ type: 'ok', requestId: frame.requestId });
        return;
      }
      const full = logRoomProblem(state, entry, ctx.limits.maxLogEntries);
      if (full) refuse('invalidEntry', full);
      if (entry.index === 0) {
        if (state) refuse('logConflict', 'the group already exists');
        if (!bytesEqual(entry.author, session.device)) {
          refuse('notAuthor', 'a group is created by the device that sends its first entry');
        }
      } else if (!state) {
        refuse('unknownGroup', 'no such group');
      }
      const next = applyOrRefuse(state, entry);
      const newMember = memberAddedBy(state, next)[0] ?? null;
      try {
        await ctx.metrics.timeStore(() =>
          ctx.store.appendGroupEntry({
            groupId: entry.groupId,
            index: entry.index,
            entry: entry.bytes,
            newMember,
          }),
        );
      } catch (error) {
        // Another relay process appended first: forget our view of the log and check again.
        ctx.groups.forget(entry.groupId);
        if (error instanceof StoreConflictError && attempt < 3) continue;
        throw error;
      }
      ctx.groups.remember(next);
      session.send({ type: 'ok', requestId: frame.requestId });
      notifyDevices(ctx, entry.groupId, changeRecipients(next, entry.index));
      return;
    }
  });
}

export async function groupFetch(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'groupFetch'>,
): Promise<void> {
  const { groupId, fromIndex, requestId } = frame;
  await withGroupLock(ctx, groupId, async () => {
    const access = readAccess(await existingGroup(ctx, groupId), session.device);
    if (!access) refuse('notMember', 'this device is not a member of the group');
    // A departed device keeps the keys of the epochs it could read, never a later one.
    const lockboxes = (await ctx.store.lockboxesFor(groupId, session.device)).filter(
      (box) => decodeLockbox(box).epoch < access.epochBefore,
    );
    const entries = await readLogPage(ctx, {
      groupId,
      fromIndex,
      lastIndex: access.lastIndex,
      besides: framedBytes(lockboxes),
    });
    session.send({ type: 'groupEntries', requestId, groupId, fromIndex, entries, lockboxes });
  });
}

export async function lockboxPut(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'lockboxPut'>,
): Promise<void> {
  const box = decodeOrRefuse(() => decodeLockbox(frame.lockbox), 'lockbox');
  if (!bytesEqual(box.author, session.device)) {
    refuse('notAuthor', 'the lockbox names another device as its author');
  }
  await withGroupLock(ctx, box.groupId, async () => {
    const group = await existingGroup(ctx, box.groupId);
    requireAdmin(group, session.device, 'only admins seal epoch keys');
    if (!group.members.has(toHex(box.recipient))) {
      refuse('notMember', 'the recipient is not a member of the group');
    }
    if (box.epoch > group.epoch) refuse('wrongEpoch', `the group is at epoch ${group.epoch}`);
    if (!verifyEd25519(box.author, lockboxSigningBytes(box), box.signature)) {
      refuse('badSignature', 'the lockbox signature does not verify');
    }
    // One lockbox per admin for each (epoch, recipient): another admin's, good or bogus, is no
    // reason to refuse this one; the recipient tries them all (docs/protocol.md §5).
    const outcome = await putOnce({
      read: () => ctx.store.getLockbox(box.groupId, box.epoch, box.recipient, box.author),
      same: (stored) => bytesEqual(stored, frame.lockbox),
      conflict: () =>
        refuse('logConflict', 'you already stored another lockbox for this recipient and epoch'),
      put: () => storeLockbox(ctx, box, frame.lockbox),
    });
    session.send({ type: 'ok', requestId: frame.requestId });
    if (outcome === 'stored') notifyDevices(ctx, box.groupId, [toHex(box.recipient)]);
  });
}

/**
 * Lockboxes count in the group's bytes: their number grows with epochs × members × admins, which
 * a group of strangers could otherwise drive up without bound. They may use a reserve past the
 * quota that documents may not, so a member who filled the group's storage cannot stop its admins
 * from handing out the key of the epoch that removes them.
 */
async function storeLockbox(ctx: RelayContext, box: Lockbox, bytes: Uint8Array): Promise<void> {
  const maxBytes = ctx.limits.bytesPerGroup + ctx.limits.lockboxReserveBytes;
  const usage = await ctx.store.groupUsage(box.groupId);
  if (usage.bytes + bytes.length > maxBytes) {
    refuse('quotaBytes', 'the group has used its storage');
  }
  const { groupId, epoch, recipient, author } = box;
  const guard = { maxBytes };
  try {
    await ctx.metrics.timeStore(() =>
      ctx.store.putLockbox({ groupId, epoch, recipient, author, lockbox: bytes, guard }),
    );
  } catch (error) {
    // Another relay process used the room between our check and the commit.
    if (!(error instanceof StoreQuotaError)) throw error;
    refuse('quotaBytes', 'the group has used its storage');
  }
}

export async function listGroups(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'listGroups'>,
): Promise<void> {
  const groupIds = await ctx.store.groupsOfDevice(session.device, ctx.limits.maxGroupsListed);
  session.send({ type: 'groupList', requestId: frame.requestId, groupIds });
}
