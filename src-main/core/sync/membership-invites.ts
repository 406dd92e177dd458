// Invite links: an admin seals what a joiner needs next to the log; a joiner fetches the log with
// the link's one-time key, checks it is the log the admin saw, and appends its join.
import type { CreatedInvite } from '../../../src-shared/api';
import { toHex } from '../../../src-shared/protocol/bytes';
import { inviteFetchSigningBytes } from '../../../src-shared/protocol/invite-fetch';
import { MembershipError } from '../../../src-shared/protocol/membership-state';
import { LIMITS } from '../../../src-shared/limits';
import { fromHex, randomBytes, sign as signWith, signingKeyPairFromSeed } from '../crypto/sodium';
import { extendLog } from '../groups/group-checks';
import { buildEntry, buildJoin } from '../groups/group-ops';
import { deleteGroup, type StoredGroup } from '../groups/group-store';
import { encodeInviteLink, INVITE_SEED_BYTES, parseInviteLink } from '../groups/invite-link';
import { openInviteMaterial, sealInviteMaterial } from '../groups/invite-material';
import { SuviazError } from '../errors';
import type { AppendMine } from './membership-append';
import { adoptLinkRelayKey, getRelayPin } from './relay-pins';
import { genesisOf, membershipProblem, pagedLog, statusIn } from './membership-rules';
import { commitGroup, requireConnection, type MembershipEnv } from './membership-store';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createInvite(
  env: MembershipEnv,
  appendMine: AppendMine,
  spaceId: string,
  role: 'editor' | 'viewer',
  days: number,
): Promise<CreatedInvite> {
  const c = requireConnection(env);
  const seed = randomBytes(INVITE_SEED_BYTES);
  const invite = signingKeyPairFromSeed(seed);
  const expiresAt = Date.now() + Math.min(Math.max(days, 1), LIMITS.inviteMaxDays) * DAY_MS;
  try {
    const { group, before } = await appendMine(spaceId, (g) =>
      buildEntry({
        state: g.state,
        author: env.me,
        op: { type: 'invite', inviteKey: invite.publicKey, role, expiresAt },
        sign: env.sign,
        now: Date.now(),
      }),
    );
    const material = sealInviteMaterial(seed, group.groupId, invite.publicKey, {
      docId: toHex(group.docId),
      genesis: genesisOf(group.entries),
    });
    await c.request({
      type: 'invitePut',
      groupId: group.groupId,
      inviteKey: invite.publicKey,
      material,
    });
    commitGroup(env, group, before);
    return {
      id: toHex(invite.publicKey),
      // The key this app pinned for its relay travels with the link: the joiner checks it, not TOFU.
      link: encodeInviteLink({
        relayUrl: env.relayUrl,
        groupId: group.groupId,
        seed,
        relayKey: getRelayPin(env.db, env.relayUrl)?.key ?? null,
      }),
      expiresAt,
      role,
    };
  } finally {
    invite.secretKey.fill(0);
  }
}

/**
 * What can be refused before any connection: a link for another relay, a space already joined, a
 * relay key that is not the one pinned here. A join waits for the relay only after this.
 */
export function checkJoinLink(env: MembershipEnv, link: string): void {
  refuseJoinEarly(env, parseInviteLink(link));
}

function refuseJoinEarly(env: MembershipEnv, data: ReturnType<typeof parseInviteLink>): void {
  if (data.relayUrl !== env.relayUrl) {
    throw new SuviazError(
      'invite-other-relay',
      `This invite is for the relay ${data.relayUrl}; this device syncs through ${env.relayUrl || 'no relay'}.`,
    );
  }
  const known = env.groups.get(toHex(data.groupId));
  if (known && (known.status === 'active' || known.status === 'pending')) {
    throw new SuviazError('already-member', 'This device is already in that space.');
  }
  // A link naming another key for this relay than the one pinned here: refused, nothing sent.
  adoptLinkRelayKey(env.db, env.relayUrl, data.relayKey);
}

/** retryLater: the epoch keys come as lockboxes from an admin's app once the join is in the log. */
export async function join(
  env: MembershipEnv,
  retryLater: (groupId: Uint8Array) => void,
  link: string,
): Promise<StoredGroup> {
  const data = parseInviteLink(link);
  refuseJoinEarly(env, data);
  const known = env.groups.get(toHex(data.groupId));
  const c = requireConnection(env);
  const invite = signingKeyPairFromSeed(data.seed);
  try {
    const signature = signWith(
      invite.secretKey,
      inviteFetchSigningBytes(data.groupId, invite.publicKey, env.me),
    );
    let material: Uint8Array = new Uint8Array();
    const log = await pagedLog(null, async (fromIndex) => {
      const answer = await c.request({
        type: 'inviteFetch',
        groupId: data.groupId,
        inviteKey: invite.publicKey,
        fromIndex,
        signature,
      });
      if (answer.type !== 'invite') throw new Error('unexpected answer to INVITE_FETCH');
      material = answer.material;
      return answer;
    });
    let opened;
    try {
      opened = openInviteMaterial(data.seed, data.groupId, invite.publicKey, material);
    } catch {
      throw new SuviazError('invite-invalid', 'The invite does not match what the relay holds.');
    }
    // The log must be the one the inviting admin saw: same group, same first entry.
    if (
      toHex(log.state.groupId) !== toHex(data.groupId) ||
      genesisOf(log.entries) !== opened.genesis
    ) {
      throw new SuviazError(
        'invite-invalid',
        'The relay served a membership log that is not the one this invite was made in.',
      );
    }
    const secret = invite.secretKey;
    const { entry } = buildJoin({
      state: log.state,
      inviteKey: invite.publicKey,
      signWithInvite: (message) => signWith(secret, message),
      me: { signingKey: env.me, boxKey: env.myBoxKey },
      signWithDevice: env.sign,
      now: Date.now(),
    });
    await c.request({ type: 'groupAppend', entry });
    const joined = extendLog(log, [entry], log.entries.length);
    if (known) deleteGroup(env.db, data.groupId);
    const group: StoredGroup = {
      groupId: data.groupId,
      relayUrl: env.relayUrl,
      // The name is in the log's metadata, readable once an admin's app seals the keys to me.
      name: '',
      docId: fromHex(opened.docId),
      entries: joined.entries,
      state: joined.state,
      epochKeys: new Map(),
      status: statusIn(joined.state, env.meHex, 'pending'),
      wiped: false,
      parentId: null,
    };
    commitGroup(env, group, null);
    // The keys come as lockboxes from an admin's app, sealed to this device once the join is in.
    retryLater(group.groupId);
    return group;
  } catch (error) {
    if (error instanceof MembershipError) throw membershipProblem(error);
    throw error;
  } finally {
    invite.secretKey.fill(0);
  }
}
