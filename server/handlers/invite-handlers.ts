// INVITE_PUT and INVITE_FETCH: an admin leaves an invite's encrypted material at the relay, and a
// device that holds the invite link's seed (proved by a signature with the invite key) fetches it
// with the group's log before it is a member. The relay never sees the seed or what it decrypts.
import { bytesEqual, toHex } from '../../src-shared/protocol/bytes';
import type { ClientFrame } from '../../src-shared/protocol/frames';
import { inviteFetchSigningBytes } from '../../src-shared/protocol/invite-fetch';
import type { GroupState, InviteState } from '../../src-shared/protocol/membership-state';
import { verifyEd25519 } from '../crypto';
import { refuse } from '../refusal';
import type { RelayContext, Session } from '../relay-context';
import { StoreQuotaError } from '../store/relay-store';
import { existingGroup, requireAdmin, withGroupLock } from './group-access';
import { putOnce } from './put-once';
import { readLogPage } from './log-page';

type Frame<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;

/** Is this an invite of the group, open or waiting for a second admin's approval? */
function inviteAwaitsMaterial(state: GroupState, inviteKey: Uint8Array): boolean {
  if (state.invites.get(toHex(inviteKey))?.status === 'open') return true;
  for (const { op } of state.pending.values()) {
    if (op.type === 'invite' && bytesEqual(op.inviteKey, inviteKey)) return true;
  }
  return false;
}

/** Refuses an invite that can no longer be joined with, naming why. */
function requireJoinable(invite: InviteState | undefined, now: number): void {
  if (!invite) refuse('unknownInvite', 'no such invite in the group');
  if (invite.status === 'used') refuse('inviteUsed', 'the invite has been used');
  if (invite.status === 'revoked') refuse('inviteRevoked', 'the invite has been revoked');
  if (now > invite.expiresAt) refuse('inviteExpired', 'the invite has expired');
}

export async function invitePut(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'invitePut'>,
): Promise<void> {
  const { groupId, inviteKey, material, requestId } = frame;
  await withGroupLock(ctx, groupId, async () => {
    const group = await existingGroup(ctx, groupId);
    requireAdmin(group, session.device, 'only admins make invites');
    // Material is written once: a retry after a lost OK is fine, a replacement is not.
    await putOnce({
      read: () => ctx.store.getInviteMaterial(groupId, inviteKey),
      same: (stored) => bytesEqual(stored, material),
      conflict: () => refuse('logConflict', 'other material is stored for this invite'),
      put: async () => {
        if (!inviteAwaitsMaterial(group, inviteKey)) {
          refuse('unknownInvite', 'no open invite with this key in the group');
        }
        const usage = await ctx.store.groupUsage(groupId);
        if (usage.bytes + material.length > ctx.limits.bytesPerGroup) {
          refuse('quotaBytes', 'the group has used its storage');
        }
        const guard = { maxBytes: ctx.limits.bytesPerGroup };
        try {
          await ctx.metrics.timeStore(() =>
            ctx.store.putInviteMaterial({ groupId, inviteKey, material, guard }),
          );
        } catch (error) {
          // Another relay process used the room between our check and the commit.
          if (!(error instanceof StoreQuotaError)) throw error;
          refuse('quotaBytes', 'the group has used its storage');
        }
      },
    });
    session.send({ type: 'ok', requestId });
  });
}

export async function inviteFetch(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'inviteFetch'>,
): Promise<void> {
  const { groupId, inviteKey, fromIndex, requestId } = frame;
  // Checked before the lock and any store read: it needs nothing stored.
  const proof = inviteFetchSigningBytes(groupId, inviteKey, session.device);
  if (!verifyEd25519(inviteKey, proof, frame.signature)) {
    refuse('badSignature', 'the invite signature does not verify');
  }
  await withGroupLock(ctx, groupId, async () => {
    const group = await existingGroup(ctx, groupId);
    const material = await ctx.store.getInviteMaterial(groupId, inviteKey);
    if (!material) refuse('unknownInvite', 'no material is stored for this invite');
    requireJoinable(group.invites.get(toHex(inviteKey)), Date.now());
    const entries = await readLogPage(ctx, {
      groupId,
      fromIndex,
      lastIndex: Infinity,
      besides: material.length,
    });
    session.send({ type: 'invite', requestId, groupId, fromIndex, entries, material });
  });
}
