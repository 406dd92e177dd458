// MAIL_PUT, MAIL_FETCH, MAIL_RECALL and CHUNK_PUT, CHUNK_GET, CHUNK_COUNT (protocol v5): briefings
// as sealed items addressed to one member device each, and their attachments' encrypted chunks.
// The relay checks membership, addressing, quotas and expiry; it never sees a key or a plaintext.
import { LIMITS } from '../../src-shared/limits';
import { MailKind } from '../../src-shared/protocol/briefing-frames';
import { bytesEqual, toHex } from '../../src-shared/protocol/bytes';
import { encodeRelayFrame, type ClientFrame } from '../../src-shared/protocol/frames';
import { isMember } from '../../src-shared/protocol/membership-state';
import { deviceTopic } from '../fanout/fanout';
import { refuse } from '../refusal';
import { StoreQuotaError } from '../store/relay-store';
import type { RelayContext, Session } from '../relay-context';
import { existingGroup, requireMember, withGroupLock } from './group-access';

type Frame<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;

const DAY_MS = 24 * 60 * 60 * 1000;
const STEP_MS = LIMITS.relay.shareExpiryStepMs;
const MAX_AHEAD_MS = LIMITS.relay.briefingMaxDays * DAY_MS + STEP_MS;
/** A MAIL_ITEMS answer stays under the frame cap with room for its framing. */
const PAGE_BYTES = LIMITS.relay.maxFrameBytes - 64 * 1024;

/** 0 (until recalled) or a whole hour ahead: the relay learns an expiry to the hour and no closer. */
function requireExpiry(expiresAt: number, now: number): void {
  if (expiresAt === 0) return;
  if (expiresAt % STEP_MS !== 0) refuse('badExpiry', 'a briefing expires on a whole hour');
  if (expiresAt <= now) refuse('badExpiry', 'the expiry is past by the relay clock');
  if (expiresAt > now + MAX_AHEAD_MS) {
    refuse('badExpiry', `a briefing lives at most ${LIMITS.relay.briefingMaxDays} days`);
  }
}

async function requireRoom(ctx: RelayContext, groupId: Uint8Array, bytes: number): Promise<void> {
  const usage = await ctx.store.groupUsage(groupId);
  if (usage.bytes + bytes > ctx.limits.bytesPerGroup) {
    refuse('quotaBytes', 'the group has used its storage');
  }
}

/** Another relay process may use the room between the check above and the commit (PostgreSQL). */
async function quotaChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StoreQuotaError) refuse('quotaBytes', 'the group has used its storage');
    throw error;
  }
}

export async function mailPut(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'mailPut'>,
): Promise<void> {
  const { requestId, groupId, briefingId, kind, recipient, expiresAt, ciphertext } = frame;
  requireExpiry(expiresAt, Date.now());
  const seq = await withGroupLock(ctx, groupId, async () => {
    const state = await existingGroup(ctx, groupId);
    requireMember(state, session.device);
    // Addressed to a member only: a departed device gets nothing more of the group.
    if (!isMember(state, recipient)) refuse('notMember', 'the recipient is not a member');
    const author = await ctx.store.briefingAuthor(groupId, briefingId);
    if (kind === MailKind.copy || kind === MailKind.recall) {
      // Copies and recalls come from the briefing's author alone (its first copy makes it that).
      if (author && !bytesEqual(author, session.device)) {
        refuse('forbidden', 'another device wrote this briefing');
      }
      if (kind === MailKind.recall && !author) refuse('unknownBriefing', 'no such briefing');
    } else if (!author || !bytesEqual(author, recipient)) {
      // A receipt goes to the author of a briefing the relay still holds, and only there.
      refuse('unknownBriefing', 'no such briefing, or the receipt is not addressed to its author');
    }
    await requireRoom(ctx, groupId, ciphertext.length);
    return quotaChecked(() =>
      ctx.metrics.timeStore(() =>
        ctx.store.putMail(
          { groupId, briefingId, kind, sender: session.device, recipient, expiresAt, ciphertext },
          { maxBytes: ctx.limits.bytesPerGroup },
        ),
      ),
    );
  });
  session.send({ type: 'ack', requestId, seq });
  const notice = encodeRelayFrame({ type: 'mailChanged', groupId });
  ctx.fanout.publish(deviceTopic(toHex(recipient)), { frame: notice, origin: session.id });
}

export async function mailFetch(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'mailFetch'>,
): Promise<void> {
  const { requestId, groupId, afterSeq } = frame;
  const state = await existingGroup(ctx, groupId);
  requireMember(state, session.device);
  const limit = LIMITS.relay.mailPageItems;
  const rows = await ctx.store.mailFor(groupId, session.device, afterSeq, limit);
  const items = [];
  let bytes = 0;
  for (const row of rows) {
    if (items.length > 0 && bytes + row.ciphertext.length > PAGE_BYTES) break;
    bytes += row.ciphertext.length;
    items.push({
      seq: row.seq,
      briefingId: row.briefingId,
      kind: row.kind,
      sender: row.sender,
      expiresAt: row.expiresAt,
      ciphertext: row.ciphertext,
    });
  }
  const more = items.length < rows.length || rows.length === limit;
  session.send({ type: 'mailItems', requestId, items, more });
}

export async function mailRecall(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'mailRecall'>,
): Promise<void> {
  const { requestId, groupId, briefingId } = frame;
  await withGroupLock(ctx, groupId, async () => {
    requireMember(await existingGroup(ctx, groupId), session.device);
    const author = await ctx.store.briefingAuthor(groupId, briefingId);
    if (author && !bytesEqual(author, session.device)) {
      refuse('forbidden', 'only the author may delete a briefing for everyone');
    }
    // Nothing left to recall is done too: a retry after a lost OK must not fail.
    if (author) await ctx.metrics.timeStore(() => ctx.store.recallBriefing(groupId, briefingId));
  });
  session.send({ type: 'ok', requestId });
}

export async function chunkPut(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'chunkPut'>,
): Promise<void> {
  const { requestId, groupId, briefingId, blobId, index, expiresAt, bytes } = frame;
  requireExpiry(expiresAt, Date.now());
  await withGroupLock(ctx, groupId, async () => {
    requireMember(await existingGroup(ctx, groupId), session.device);
    const existing = await ctx.store.getChunk(blobId, index);
    if (existing && !bytesEqual(existing.owner, session.device)) {
      refuse('forbidden', 'another device put this chunk');
    }
    await requireRoom(ctx, groupId, bytes.length);
    await quotaChecked(() =>
      ctx.metrics.timeStore(() =>
        ctx.store.putChunk(
          { groupId, briefingId, blobId, index, owner: session.device, expiresAt, bytes },
          { maxBytes: ctx.limits.bytesPerGroup },
        ),
      ),
    );
  });
  session.send({ type: 'ok', requestId });
}

/** The chunk when this device is a member of its group and it has not expired. */
async function readableChunk(
  ctx: RelayContext,
  session: Session,
  blobId: Uint8Array,
  index: number,
) {
  const chunk = await ctx.store.getChunk(blobId, index);
  const live = chunk && (chunk.expiresAt === 0 || chunk.expiresAt > Date.now());
  if (!chunk || !live) return null;
  const state = await ctx.groups.get(chunk.groupId);
  // One answer for "not yours" and "not here": a non-member learns nothing about blob ids.
  return state && isMember(state, session.device) ? chunk : null;
}

export async function chunkGet(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'chunkGet'>,
): Promise<void> {
  const chunk = await readableChunk(ctx, session, frame.blobId, frame.index);
  if (!chunk) refuse('unknownChunk', 'no such chunk, or it has expired');
  session.send({ type: 'chunk', requestId: frame.requestId, bytes: chunk.bytes });
}

export async function chunkCount(
  ctx: RelayContext,
  session: Session,
  frame: Frame<'chunkCount'>,
): Promise<void> {
  const first = await readableChunk(ctx, session, frame.blobId, 0);
  const count = first ? await ctx.store.countChunks(frame.blobId) : 0;
  session.send({ type: 'ack', requestId: frame.requestId, seq: count });
}
