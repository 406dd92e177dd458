// Briefings' traffic with the relay: putting sealed items (copies, receipts, recalls) and fetching
// this device's items of a space from its cursor on, each opened and checked before it is used.
import { MailKind, type MailKindName } from '../../../src-shared/protocol/briefing-frames';
import { fromHex, toHex } from '../../../src-shared/protocol/bytes';
import type { MailPayload } from '../../../src-shared/briefings/briefing-model';
import { SuviazError } from '../errors';
import type { DocAccess } from '../sync/engine-doc-access';
import type { StoredGroup } from '../groups/group-store';
import { openMail, sealMail, type MailProblem } from './mail-seal';

const HOUR_MS = 3_600_000;

/** What the relay learns of an expiry: the next whole hour (0 for never). */
export const relayExpiry = (expiresAt: number | null): number =>
  expiresAt === null ? 0 : Math.ceil(expiresAt / HOUR_MS) * HOUR_MS;

export function connected(access: DocAccess) {
  const c = access.connection();
  if (!c || c.status() !== 'connected') {
    throw new SuviazError(
      'relay-unreachable',
      'Not connected to the relay. Briefings go out when you are online.',
    );
  }
  return c;
}

/** Seals the payload to `to`'s box key (a member of the group) and puts it at the relay. */
export async function putMail(
  access: DocAccess,
  group: StoredGroup,
  payload: MailPayload,
  expiresAt: number | null,
): Promise<void> {
  const member = group.state.members.get(payload.to);
  if (!member) throw new SuviazError('not-member', 'That person is not a member of this space.');
  const kind: MailKindName = payload.kind;
  await connected(access).request({
    type: 'mailPut',
    groupId: group.groupId,
    briefingId: fromHex(payload.id),
    kind: MailKind[kind],
    recipient: member.key,
    expiresAt: relayExpiry(expiresAt),
    ciphertext: sealMail(payload, member.boxKey, access.sign),
  });
}

export type FetchedItem =
  { seq: number; payload: MailPayload } | { seq: number; problem: MailProblem; briefingId: string };

const KIND_NAMES = new Map<number, MailKindName>(
  Object.entries(MailKind).map(([name, value]) => [value, name as MailKindName]),
);

/** One page of this device's items in the group after `afterSeq`, opened and checked. */
export async function fetchMail(
  access: DocAccess,
  group: StoredGroup,
  afterSeq: number,
): Promise<{ items: FetchedItem[]; more: boolean }> {
  const answer = await connected(access).request({
    type: 'mailFetch',
    groupId: group.groupId,
    afterSeq,
  });
  if (answer.type !== 'mailItems') throw new SuviazError('relay-refused', 'unexpected answer');
  const spaceHex = toHex(group.groupId);
  const items = answer.items.map((item): FetchedItem => {
    const briefingId = toHex(item.briefingId);
    const kind = KIND_NAMES.get(item.kind);
    // Seq must move forward: a relay that sends old seqs again cannot make us loop.
    if (!kind || item.seq <= afterSeq) return { seq: afterSeq, problem: 'unreadable', briefingId };
    const opened = openMail(item.ciphertext, access.openSealed, {
      spaceHex,
      briefingHex: briefingId,
      senderHex: toHex(item.sender),
      meHex: access.meHex,
      kind,
    });
    return typeof opened === 'string'
      ? { seq: item.seq, problem: opened, briefingId }
      : { seq: item.seq, payload: opened };
  });
  return { items, more: answer.more };
}
