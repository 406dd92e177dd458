// The membership side of the sync engine: keeping each group's verified log and epoch keys current,
// and every change a member makes to a group (create, add, invite, join, roles, approvals, removal
// with a new key epoch, leaving). Documents are the engine's business; it is told when keys change.
import { toHex } from '../../../src-shared/protocol/bytes';
import { inviteFetchSigningBytes } from '../../../src-shared/protocol/invite-fetch';
import { decodeEntry, type MembershipOp } from '../../../src-shared/protocol/membership-entry';
import {
  entryHash,
  memberAddedBy,
  MembershipError,
  type GroupState,
} from '../../../src-shared/protocol/membership-state';
import { PolicyFlag, type RoleName } from '../../../src-shared/protocol/wire-constants';
import { LIMITS } from '../../../src-shared/limits';
import { fromHex, randomBytes, sign as signWith, signingKeyPairFromSeed } from '../crypto/sodium';
import { parseDeviceCode } from '../groups/device-code';
import {
  buildAddMember,
  buildCreateGroup,
  buildEntry,
  buildJoin,
  buildNewEpoch,
  checkedEpochKeys,
  extendLog,
  GroupVerificationError,
  lockboxesFor,
  openMyEpochKey,
  readMetadata,
  type Sign,
} from '../groups/group-ops';
import {
  deleteGroup,
  saveGroup,
  wipeGroupContent,
  type GroupStatus,
  type StoredGroup,
} from '../groups/group-store';
import { encodeInviteLink, INVITE_SEED_BYTES, parseInviteLink } from '../groups/invite-link';
import { protocolCrypto } from '../groups/group-crypto';
import { openInviteMaterial, sealInviteMaterial } from '../groups/invite-material';
import { SuviazError } from '../errors';
import type { Db } from '../vault/migrations';
import { RelayRequestError, type RelayConnection } from './relay-connection';

const MAX_SPACE_NAME = 200;
const DAY_MS = 24 * 60 * 60 * 1000;
/** GROUP_FETCH answers are cut at this many entries (or the frame size); fetch again after a full one. */
const FULL_PAGE_ENTRIES = 256;
const KEY_RETRY_MS = 300;
const KEY_RETRIES = 20;

class NothingToDo extends Error {}

/** Hex hash of a log's first entry, which names its creator and group for good. */
function genesisOf(entries: readonly Uint8Array[]): string {
  const first = entries[0];
  if (!first) return '';
  return toHex(entryHash(decodeEntry(first), protocolCrypto));
}

export interface MembershipContext {
  db: Db;
  relayUrl: string;
  me: Uint8Array;
  myBoxKey: Uint8Array;
  sign: Sign;
  openSealed(sealed: Uint8Array): Uint8Array;
  groups: Map<string, StoredGroup>;
  connection(): RelayConnection | null;
  /** The engine swaps the group into its open documents and emits spaces.changed. */
  groupUpdated(next: StoredGroup, previous: StoredGroup | null): void;
  /** I started a new epoch: the engine snapshots the group's documents under its key. */
  rotated(group: StoredGroup): void;
  warn(reason: string): void;
  isStopped(): boolean;
}

export interface CreatedInvite {
  id: string;
  link: string;
  expiresAt: number;
  role: RoleName;
}

export type SpacePolicy = {
  twoAdminApproval: boolean;
  joinApproval: boolean;
  wipeOnRemoval: boolean;
};

export function policyBits(policy: SpacePolicy | undefined): number {
  if (!policy) return 0;
  return (
    (policy.twoAdminApproval ? PolicyFlag.twoAdminApproval : 0) |
    (policy.joinApproval ? PolicyFlag.joinApproval : 0) |
    (policy.wipeOnRemoval ? PolicyFlag.wipeOnRemoval : 0)
  );
}

type VerifiedLog = { state: GroupState; entries: Uint8Array[] };

/**
 * Reads a log page by page from what is known (GROUP_FETCH or INVITE_FETCH answers), verifying each
 * page on top of the last; a page shorter than a full one is the end.
 */
async function pagedLog(
  known: VerifiedLog | null,
  page: (fromIndex: number) => Promise<{ fromIndex: number; entries: Uint8Array[] }>,
): Promise<VerifiedLog> {
  let log = known ? { state: known.state, entries: known.entries } : null;
  for (;;) {
    const answer = await page(log ? log.entries.length : 0);
    if (answer.entries.length === 0 && log) return log;
    log = extendLog(log, answer.entries, answer.fromIndex);
    if (answer.entries.length < FULL_PAGE_ENTRIES) return log;
  }
}

/** Where this device stands in a verified log. */
function statusIn(state: GroupState, meHex: string, previous: GroupStatus | null): GroupStatus {
  if (state.members.has(meHex)) return 'active';
  // A join waiting for approval outranks an earlier departure (someone who left may come back).
  for (const pending of state.pending.values()) {
    if (pending.op.type === 'join' && toHex(pending.op.member) === meHex) return 'pending';
  }
  const departed = state.departed.get(meHex);
  if (departed) return departed.how;
  return previous ?? 'pending';
}

/** The shared rules refused our own entry before it was sent: say why in the API's words. */
function membershipProblem(error: MembershipError): SuviazError {
  switch (error.reason) {
    case 'not-admin':
      return new SuviazError('not-admin', 'Only an admin of this space can do that.');
    case 'not-member':
    case 'unknown-member':
      return new SuviazError('not-member', 'That device is not a member of this space.');
    case 'already-member':
      return new SuviazError('already-member', 'This device is already a member of the space.');
    case 'last-admin':
      return new SuviazError(
        'last-admin',
        'The last admin cannot leave, be removed or step down while others remain.',
      );
    case 'removed-member':
      return new SuviazError(
        'not-member',
        'This device was removed from the space; only an admin adding it again brings it back.',
      );
    case 'invite-used':
      return new SuviazError('invite-used', 'This invite was already used.');
    case 'invite-revoked':
      return new SuviazError('invite-revoked', 'This invite was revoked.');
    case 'invite-expired':
      return new SuviazError('invite-expired', 'This invite has expired.');
    default:
      return new SuviazError('relay-refused', `refused by the membership rules: ${error.reason}`);
  }
}

export function createSpaceMembership(ctx: MembershipContext) {
  const meHex = toHex(ctx.me);
  const myKeys = { signingKey: ctx.me, boxKey: ctx.myBoxKey };

  function requireConnection(): RelayConnection {
    const c = ctx.connection();
    if (!c || c.status() !== 'connected') {
      throw new RelayRequestError('offline', 'Not connected to the relay. Try again when online.');
    }
    return c;
  }

  /**
   * Stores a group. Refreshes and my own appends can overlap (the relay tells me of my own entry):
   * the longer log wins and epoch keys are only ever added, so neither can undo the other.
   */
  function commit(proposed: StoredGroup, previous: StoredGroup | null): StoredGroup {
    const current = ctx.groups.get(toHex(proposed.groupId));
    let next = proposed;
    if (current && !proposed.wiped) {
      const base = current.entries.length > proposed.entries.length ? current : proposed;
      next = { ...base, epochKeys: new Map([...current.epochKeys, ...proposed.epochKeys]) };
    }
    saveGroup(ctx.db, next, Date.now());
    ctx.groups.set(toHex(next.groupId), next);
    ctx.groupUpdated(next, previous);
    return next;
  }

  /** Opens every epoch key sealed to me that I do not hold yet; false if the current one is missing. */
  function collectEpochKeys(
    state: GroupState,
    held: ReadonlyMap<number, Uint8Array>,
    lockboxes: readonly Uint8Array[],
  ): Map<number, Uint8Array> {
    const keys = new Map(held);
    for (let epoch = 0; epoch <= state.epoch; epoch++) {
      if (keys.has(epoch)) continue;
      try {
        keys.set(
          epoch,
          openMyEpochKey({ state, me: ctx.me, epoch, lockboxes, openSealed: ctx.openSealed }),
        );
      } catch (error) {
        if (!(error instanceof GroupVerificationError)) throw error;
        // A missing lockbox for an old epoch is normal (I joined later); a bad one is an attack.
        if (error.reason !== 'no-lockbox') ctx.warn(`group-${error.reason}`);
      }
    }
    return keys;
  }

  async function fetchLog(c: RelayConnection, groupId: Uint8Array, known: StoredGroup | null) {
    let lockboxes: Uint8Array[] = [];
    const log = await pagedLog(known, async (fromIndex) => {
      const answer = await c.request({ type: 'groupFetch', groupId, fromIndex });
      if (answer.type !== 'groupEntries') throw new Error('unexpected answer to GROUP_FETCH');
      lockboxes = answer.lockboxes;
      return answer;
    });
    return { log, lockboxes };
  }

  /** Fetches a group's log from what we know, verifies it, takes my new keys; true if it changed. */
  async function refreshGroup(groupId: Uint8Array): Promise<boolean> {
    const c = requireConnection();
    const hex = toHex(groupId);
    const known = ctx.groups.get(hex) ?? null;
    let fetched;
    try {
      fetched = await fetchLog(c, groupId, known);
    } catch (error) {
      if (error instanceof GroupVerificationError) {
        ctx.warn(`group-${error.reason}`);
        return false;
      }
      throw error;
    }
    const { log, lockboxes } = fetched;
    try {
      const status = statusIn(log.state, meHex, known?.status ?? null);
      const epochKeys =
        status === 'active'
          ? collectEpochKeys(log.state, known?.epochKeys ?? new Map(), lockboxes)
          : new Map(known?.epochKeys ?? []);
      let next: StoredGroup;
      if (known) {
        if (
          log.entries.length === known.entries.length &&
          epochKeys.size === known.epochKeys.size &&
          status === known.status
        ) {
          if (status === 'active' && !epochKeys.has(log.state.epoch)) retryLater(groupId);
          return false;
        }
        // Added again after a removal: a wiped copy starts afresh from the relay.
        const wiped = known.wiped && status !== 'active';
        next = { ...known, entries: log.entries, state: log.state, epochKeys, status, wiped };
      } else {
        // Added by an admin with a device code: the metadata needs the epoch-0 key.
        const epoch0 = epochKeys.get(0);
        if (!epoch0) {
          retryLater(groupId);
          return false;
        }
        const metadata = readMetadata(log.state, epoch0);
        next = {
          groupId,
          relayUrl: ctx.relayUrl,
          name: metadata.name.slice(0, MAX_SPACE_NAME),
          docId: fromHex(metadata.docId),
          entries: log.entries,
          state: log.state,
          epochKeys,
          status,
          wiped: false,
        };
      }
      if (
        next.status === 'removed' &&
        !next.wiped &&
        (next.state.policy & PolicyFlag.wipeOnRemoval) !== 0
      ) {
        wipeGroupContent(ctx.db, groupId);
        next = { ...next, epochKeys: new Map(), wiped: true };
      }
      const stored = commit(next, known);
      if (stored.status === 'active' && !stored.epochKeys.has(stored.state.epoch)) {
        retryLater(groupId);
      }
      await adminDuties(stored, known?.state ?? null);
      return true;
    } catch (error) {
      if (error instanceof GroupVerificationError) {
        ctx.warn(`group-${error.reason}`);
        return false;
      }
      throw error;
    }
  }

  /**
   * What an admin's app does on seeing the log change: seal the epoch keys to members who just
   * joined (the invite may predate a rotation, or joins needed approval), and start a new epoch
   * after someone left.
   */
  const dutiesRunning = new Set<string>();
  /** group:epoch:member for which the member's lockbox is known to be on the relay. */
  const confirmedSeals = new Set<string>();
  const sealKey = (group: StoredGroup, memberHex: string): string =>
    `${toHex(group.groupId)}:${group.state.epoch}:${memberHex}`;
  async function adminDuties(group: StoredGroup, before: GroupState | null): Promise<void> {
    if (group.status !== 'active' || group.state.members.get(meHex)?.role !== 'admin') return;
    const c = ctx.connection();
    if (!c || c.status() !== 'connected') return;
    // A rotation refreshes the group, which would start these duties again from inside.
    const hex = toHex(group.groupId);
    if (dutiesRunning.has(hex)) return;
    dutiesRunning.add(hex);
    try {
      await sealAndRotate(c, group, before);
    } finally {
      dutiesRunning.delete(hex);
    }
  }

  async function sealAndRotate(
    c: RelayConnection,
    group: StoredGroup,
    before: GroupState | null,
  ): Promise<void> {
    if (before) {
      for (const key of memberAddedBy(before, group.state)) {
        if (toHex(key) === meHex) continue;
        const member = group.state.members.get(toHex(key));
        if (!member) continue;
        await sealTo(c, group, { signingKey: member.key, boxKey: member.boxKey });
        confirmedSeals.add(sealKey(group, toHex(key)));
      }
    }
    // The current epoch reaches every member even if the admin who started it went offline before
    // all its lockboxes were out: each admin app makes sure once per member and epoch.
    const current = group.epochKeys.get(group.state.epoch);
    if (current) {
      for (const member of group.state.members.values()) {
        const hex = toHex(member.key);
        if (hex === meHex || confirmedSeals.has(sealKey(group, hex))) continue;
        const boxes = lockboxesFor({
          groupId: group.groupId,
          recipient: { signingKey: member.key, boxKey: member.boxKey },
          epochKeys: new Map([[group.state.epoch, current]]),
          me: ctx.me,
          sign: ctx.sign,
        });
        await putLockboxes(c, boxes);
        confirmedSeals.add(sealKey(group, hex));
      }
    }
    if (group.state.rotationNeeded) {
      await rotate(group.groupId, null, true).catch((error: unknown) => {
        // Another admin rotated first; the next refresh shows it.
        if (!(error instanceof RelayRequestError)) throw error;
      });
    }
  }

  async function sealTo(
    c: RelayConnection,
    group: StoredGroup,
    recipient: { signingKey: Uint8Array; boxKey: Uint8Array },
  ): Promise<void> {
    const boxes = lockboxesFor({
      groupId: group.groupId,
      recipient,
      epochKeys: group.epochKeys,
      me: ctx.me,
      sign: ctx.sign,
    });
    await putLockboxes(c, boxes);
  }

  /** Puts lockboxes; one already there (another admin's app, or ours before) is as good as ours. */
  async function putLockboxes(c: RelayConnection, boxes: readonly Uint8Array[]): Promise<void> {
    for (const lockbox of boxes) {
      try {
        await c.request({ type: 'lockboxPut', lockbox });
      } catch (error) {
        if (!(error instanceof RelayRequestError) || error.code !== 'logConflict') throw error;
      }
    }
  }

  const retries = new Map<string, number>();
  function retryLater(groupId: Uint8Array): void {
    const hex = toHex(groupId);
    const count = retries.get(hex) ?? 0;
    if (count >= KEY_RETRIES) return;
    retries.set(hex, count + 1);
    setTimeout(
      () => {
        if (ctx.isStopped()) return;
        void refreshGroup(groupId)
          .then((changed) => {
            if (changed) retries.delete(hex);
          })
          .catch(() => undefined);
      },
      KEY_RETRY_MS * Math.min(count + 1, 10),
    ).unref();
  }

  async function refreshAllGroups(): Promise<void> {
    const c = requireConnection();
    const answer = await c.request({ type: 'listGroups' });
    if (answer.type !== 'groupList') return;
    const ids = new Map(answer.groupIds.map((id) => [toHex(id), id]));
    // A pending joiner is not listed until approved: ask about the groups I know of too.
    for (const group of ctx.groups.values()) ids.set(toHex(group.groupId), group.groupId);
    for (const groupId of ids.values()) await refreshGroup(groupId);
  }

  function activeGroup(spaceId: string): StoredGroup {
    const group = ctx.groups.get(spaceId);
    if (!group) throw new SuviazError('not-found', 'There is no such space.');
    if (group.status !== 'active') {
      throw new SuviazError('not-member', 'This device is no longer a member of this space.');
    }
    return group;
  }

  /**
   * Appends one entry of mine: built against the freshest log, checked by the shared rules, sent,
   * and on a lost race (someone appended first) built again once against the new log.
   */
  async function appendMine<T extends { entry: Uint8Array }>(
    spaceId: string,
    build: (group: StoredGroup) => T,
  ): Promise<{ built: T; group: StoredGroup; before: StoredGroup }> {
    const c = requireConnection();
    for (let attempt = 1; ; attempt++) {
      await refreshGroup(fromHex(spaceId)).catch(() => false);
      const group = activeGroup(spaceId);
      let built: T;
      try {
        built = build(group);
      } catch (error) {
        if (error instanceof MembershipError) throw membershipProblem(error);
        throw error;
      }
      try {
        await c.request({ type: 'groupAppend', entry: built.entry });
      } catch (error) {
        if (error instanceof RelayRequestError && error.code === 'logConflict' && attempt < 3)
          continue;
        throw error;
      }
      const log = extendLog(group, [built.entry], group.entries.length);
      const next: StoredGroup = {
        ...group,
        entries: log.entries,
        state: log.state,
        status: statusIn(log.state, meHex, group.status),
      };
      return { built, group: next, before: group };
    }
  }

  async function simpleOp(
    spaceId: string,
    op: (group: StoredGroup) => MembershipOp,
  ): Promise<void> {
    const { group, before } = await appendMine(spaceId, (g) =>
      buildEntry({ state: g.state, author: ctx.me, op: op(g), sign: ctx.sign, now: Date.now() }),
    );
    const stored = commit(group, before);
    await adminDuties(stored, before.state);
  }

  /** remove (member given) or rotate: new epoch, key sealed to who stays, documents re-snapshotted. */
  async function rotate(
    groupId: Uint8Array,
    remove: Uint8Array | null,
    onlyIfNeeded = false,
  ): Promise<void> {
    const spaceId = toHex(groupId);
    const c = requireConnection();
    const { built, group } = (await appendMine(spaceId, (g) => {
      // Another admin may have rotated since: then there is nothing left to do.
      if (onlyIfNeeded && !g.state.rotationNeeded) throw new NothingToDo();
      return buildNewEpoch({ state: g.state, me: ctx.me, remove, sign: ctx.sign, now: Date.now() });
    }).catch((error: unknown) => {
      if (error instanceof NothingToDo) return null;
      throw error;
    })) ?? { built: null, group: null };
    if (!built || !group) return;
    // The key is mine before the lockboxes go out: a crash in between loses nothing, the next
    // refresh (adminDuties) or a retry seals it again.
    const next: StoredGroup = {
      ...group,
      epochKeys: new Map(group.epochKeys).set(built.epoch, built.epochKey),
    };
    const stored = commit(next, group);
    // If some of these do not go out (offline, closed), sealAndRotate seals the current epoch to
    // every member it has not confirmed at the next refresh.
    await putLockboxes(c, built.lockboxes);
    for (const member of stored.state.members.keys()) confirmedSeals.add(sealKey(stored, member));
    ctx.rotated(stored);
  }

  return {
    refreshGroup,
    refreshAllGroups,

    async createSpace(name: string, policy: SpacePolicy | undefined): Promise<StoredGroup> {
      const trimmed = name.trim().slice(0, MAX_SPACE_NAME);
      if (!trimmed) throw new SuviazError('invalid-args', 'A space needs a name.');
      const c = requireConnection();
      const created = buildCreateGroup({
        me: myKeys,
        name: trimmed,
        sign: ctx.sign,
        now: Date.now(),
        policy: policyBits(policy),
      });
      await c.request({ type: 'groupAppend', entry: created.entry });
      await c.request({ type: 'lockboxPut', lockbox: created.lockbox });
      const log = extendLog(null, [created.entry], 0);
      const group: StoredGroup = {
        groupId: created.groupId,
        relayUrl: ctx.relayUrl,
        name: trimmed,
        docId: created.docId,
        entries: log.entries,
        state: log.state,
        epochKeys: new Map([[0, created.epochKey]]),
        status: 'active',
        wiped: false,
      };
      commit(group, null);
      return group;
    },

    async addMember(spaceId: string, deviceCode: string, role: 'editor' | 'viewer'): Promise<void> {
      const member = parseDeviceCode(deviceCode);
      const c = requireConnection();
      const { built, group, before } = await appendMine(spaceId, (g) =>
        buildAddMember({
          state: g.state,
          me: ctx.me,
          member,
          role,
          epochKeys: g.epochKeys,
          sign: ctx.sign,
          now: Date.now(),
        }),
      );
      // Under the two-admin rule the member waits for approval; the approving admin seals the keys.
      if (group.state.members.has(toHex(member.signingKey))) await putLockboxes(c, built.lockboxes);
      commit(group, before);
    },

    async createInvite(
      spaceId: string,
      role: 'editor' | 'viewer',
      days: number,
    ): Promise<CreatedInvite> {
      const c = requireConnection();
      const seed = randomBytes(INVITE_SEED_BYTES);
      const invite = signingKeyPairFromSeed(seed);
      const expiresAt = Date.now() + Math.min(Math.max(days, 1), LIMITS.inviteMaxDays) * DAY_MS;
      try {
        const { group, before } = await appendMine(spaceId, (g) =>
          buildEntry({
            state: g.state,
            author: ctx.me,
            op: { type: 'invite', inviteKey: invite.publicKey, role, expiresAt },
            sign: ctx.sign,
            now: Date.now(),
          }),
        );
        // With join approval the keys wait for the approving admin; only the name travels.
        // Otherwise epoch 0 (the name's key) and the current one, so the material stays small
        // however many epochs there were; an admin's app seals the rest once the joiner is in.
        const withKeys = (group.state.policy & PolicyFlag.joinApproval) === 0;
        const epochKeys = new Map<number, Uint8Array>();
        for (const epoch of [0, group.state.epoch]) {
          const key = group.epochKeys.get(epoch);
          if (withKeys && key) epochKeys.set(epoch, key);
        }
        const material = sealInviteMaterial(seed, group.groupId, invite.publicKey, {
          name: group.name,
          docId: toHex(group.docId),
          genesis: genesisOf(group.entries),
          epochKeys,
        });
        await c.request({
          type: 'invitePut',
          groupId: group.groupId,
          inviteKey: invite.publicKey,
          material,
        });
        commit(group, before);
        return {
          id: toHex(invite.publicKey),
          link: encodeInviteLink({ relayUrl: ctx.relayUrl, groupId: group.groupId, seed }),
          expiresAt,
          role,
        };
      } finally {
        invite.secretKey.fill(0);
      }
    },

    revokeInvite: (spaceId: string, inviteId: string) =>
      simpleOp(spaceId, () => ({ type: 'revoke-invite', inviteKey: fromHex(inviteId) })),

    async join(link: string): Promise<StoredGroup> {
      const data = parseInviteLink(link);
      if (data.relayUrl !== ctx.relayUrl) {
        throw new SuviazError(
          'invite-other-relay',
          `This invite is for the relay ${data.relayUrl}; this device syncs through ${ctx.relayUrl || 'no relay'}.`,
        );
      }
      const known = ctx.groups.get(toHex(data.groupId));
      if (known && (known.status === 'active' || known.status === 'pending')) {
        throw new SuviazError('already-member', 'This device is already in that space.');
      }
      const c = requireConnection();
      const invite = signingKeyPairFromSeed(data.seed);
      try {
        const signature = signWith(
          invite.secretKey,
          inviteFetchSigningBytes(data.groupId, invite.publicKey, ctx.me),
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
          throw new SuviazError(
            'invite-invalid',
            'The invite does not match what the relay holds.',
          );
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
        const epochKeys = checkedEpochKeys(log.state, opened.epochKeys);
        const secret = invite.secretKey;
        const { entry } = buildJoin({
          state: log.state,
          inviteKey: invite.publicKey,
          signWithInvite: (message) => signWith(secret, message),
          me: myKeys,
          signWithDevice: ctx.sign,
          now: Date.now(),
        });
        await c.request({ type: 'groupAppend', entry });
        const joined = extendLog(log, [entry], log.entries.length);
        if (known) deleteGroup(ctx.db, data.groupId);
        const group: StoredGroup = {
          groupId: data.groupId,
          relayUrl: ctx.relayUrl,
          name: opened.name.slice(0, MAX_SPACE_NAME),
          docId: fromHex(opened.docId),
          entries: joined.entries,
          state: joined.state,
          epochKeys,
          status: statusIn(joined.state, meHex, 'pending'),
          wiped: false,
        };
        commit(group, null);
        // Keys of a newer epoch than the invite's come as lockboxes from an admin's app.
        if (group.status === 'pending' || !epochKeys.has(group.state.epoch))
          retryLater(group.groupId);
        return group;
      } catch (error) {
        if (error instanceof MembershipError) throw membershipProblem(error);
        throw error;
      } finally {
        invite.secretKey.fill(0);
      }
    },

    setRole: (spaceId: string, deviceKey: string, role: RoleName) =>
      simpleOp(spaceId, () => ({ type: 'set-role', member: fromHex(deviceKey), role })),

    approve: (spaceId: string, index: number) =>
      simpleOp(spaceId, () => ({ type: 'approve', index })),

    decline: (spaceId: string, index: number) =>
      simpleOp(spaceId, (group) => {
        const waiting = group.state.pending.get(index);
        if (!waiting || waiting.op.type !== 'join') {
          throw new SuviazError('not-found', 'Nobody is waiting to join with that request.');
        }
        // The join's author is the invite key: revoking that invite declines the join.
        return { type: 'revoke-invite', inviteKey: waiting.author };
      }),

    setPolicy: (spaceId: string, policy: SpacePolicy) =>
      simpleOp(spaceId, () => ({ type: 'set-policy', policy: policyBits(policy) })),

    async removeMember(spaceId: string, deviceKey: string): Promise<void> {
      const group = activeGroup(spaceId);
      if (!group.state.members.has(deviceKey)) {
        throw new SuviazError('not-member', 'That device is not a member of this space.');
      }
      if (deviceKey === meHex) {
        throw new SuviazError('invalid-args', 'To remove this device, leave the space instead.');
      }
      await rotate(group.groupId, fromHex(deviceKey));
    },

    async leave(spaceId: string): Promise<void> {
      await simpleOp(spaceId, () => ({ type: 'leave' }));
    },

    forget(spaceId: string): void {
      const group = ctx.groups.get(spaceId);
      if (!group) throw new SuviazError('not-found', 'There is no such space.');
      if (group.status === 'active') {
        throw new SuviazError(
          'invalid-args',
          'Leave the space before removing it from this device.',
        );
      }
      deleteGroup(ctx.db, group.groupId);
      ctx.groups.delete(spaceId);
      ctx.groupUpdated({ ...group, wiped: true }, group);
    },
  };
}

export type SpaceMembership = ReturnType<typeof createSpaceMembership>;
