// SHARE_PUT, SHARE_FETCH and SHARE_DELETE (protocol v4): a member leaves one encrypted item (a
// calendar event) under an id derived from a key that only the share link carries, until a whole
// hour; whoever holds the link fetches it. The relay never sees the key or what it decrypts.
import { LIMITS } from '../../src-shared/limits';
import { bytesEqual } from '../../src-shared/protocol/bytes';
import type { ClientFrame } from '../../src-shared/protocol/frames';
import { refuse } from '../refusal';
import type { RelayContext, Session } from '../relay-context';
import { StoreQuotaError, type StoredShare } from '../store/relay-store';
import { existingGroup, requireMember, withGroupLock } from './group-access';
import { putOnce } from './put-once';

type Frame<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;

const DAY_MS = 24 * 60 * 60 * 1000;
const STEP_MS = LIMITS.relay.shareExpiryStepMs;
/** The longest lifetime plus one step: the app rounds the expiry it wants up to the hour. */
const MAX_AHEAD_MS = LIMITS.relay.shareMaxDays * DAY_MS + STEP_MS;

/**
 * Refuses an expiry the app would not send. A whole hour only, so that what the relay stores says
 * when the share ends to the hour and no closer (the exact time would tell when it was made).
 */
function requireExpiry(expiresAt: number, now: number): void {
  if (expiresAt % STEP_MS !== 0) refuse('badExpiry', 'a share expires on a whole hour');
  if (expiresAt <= now) refuse('badExpiry', 'the expiry is past by the relay clock');
  if (expiresAt > now + MAX_AHEAD_MS) {
    refuse('badExpiry', `a share lives at most ${LIMITS.relay.shareMaxDays} days`);
  }
}

/** The same put again (a retry after a lost OK), not another share under a taken id. */
const sameShare = (a: StoredShare, b: StoredShare): boolean =>
  bytesEqual(a.author, b.author) &&
  bytesEqual(a.groupId, b.groupId) &&
  a.expiresAt === b.expiresAt &&
  bytesEqual(a.ciphertext, b.ciphertext);

/** The share if it is stored and live; an expired one is deleted now rather than at the sweep. */
async function liveShare(
  ctx: RelayContext,
  shareId: Uint8Array,
  now: number,
): Promise<StoredShare | null> {
  const share = await ctx.store.getShare(shareId);
  if (!share || share.expiresAt > now) return share;
  // Every expired share, not this id: a delete by id could take a new share put in between.
  await ctx.metrics.timeStore(() => ctx.store.deleteExpiredShares(now));
  return null;
}

export async function sharePut(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'sharePut'>,
): Promise<void> {
  const { requestId, groupId, shareId, expiresAt, ciphertext } = frame;
  const now = Date.now();
  requireExpiry(expiresAt, now);
  const share: StoredShare = { shareId, groupId, author: session.device, expiresAt, ciphertext };
  // The group's lock: its quotas are checked and counted without another put in between.
  await withGroupLock(ctx, groupId, async () => {
    requireMember(await existingGroup(ctx, groupId), session.device);
    // Expired shares go first, so that they count against no quota and hold no id.
    await ctx.metrics.timeStore(() => ctx.store.deleteExpiredShares(now));
    await putOnce({
      read: () => ctx.store.getShare(shareId),
      same: (stored) => sameShare(stored, share),
      // Share ids are not per group: a put under another group's lock may have taken this one.
      conflict: () => refuse('logConflict', 'another share has this id'),
      put: async () => {
        if ((await ctx.store.countShares(groupId)) >= ctx.limits.sharesPerGroup) {
          refuse('quotaShares', `the group has ${ctx.limits.sharesPerGroup} live shares`);
        }
        const usage = await ctx.store.groupUsage(groupId);
        if (usage.bytes + ciphertext.length > ctx.limits.bytesPerGroup) {
          refuse('quotaBytes', 'the group has used its storage');
        }
        const guard = { maxBytes: ctx.limits.bytesPerGroup, maxShares: ctx.limits.sharesPerGroup };
        try {
          await ctx.metrics.timeStore(() => ctx.store.putShare(share, guard));
        } catch (error) {
          // Another relay process used the room between our check and the commit.
          if (!(error instanceof StoreQuotaError)) throw error;
          refuse(
            error.quota === 'shares' ? 'quotaShares' : 'quotaBytes',
            'the group is at its quota',
          );
        }
      },
    });
    session.send({ type: 'ok', requestId });
  });
}

export async function shareFetch(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'shareFetch'>,
): Promise<void> {
  // Any authenticated device: the link's holder is usually outside the group.
  const share = await liveShare(ctx, frame.shareId, Date.now());
  // One answer for never stored, withdrawn and expired: the relay says no more than "not here".
  if (!share) refuse('unknownShare', 'no such share, or it has expired');
  session.send({
    type: 'share',
    requestId: frame.requestId,
    expiresAt: share.expiresAt,
    ciphertext: share.ciphertext,
  });
}

export async function shareDelete(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'shareDelete'>,
): Promise<void> {
  const share = await liveShare(ctx, frame.shareId, Date.now());
  if (share) {
    // Holding the link lets one read the share, not withdraw it from the others who hold it.
    if (!bytesEqual(share.author, session.device)) {
      refuse('forbidden', 'only the device that put a share may delete it');
    }
    await ctx.metrics.timeStore(() => ctx.store.deleteShare(frame.shareId, session.device));
  }
  // Nothing (left) to delete is done too: a retry after a lost OK must not fail.
  session.send({ type: 'ok', requestId: frame.requestId });
}
