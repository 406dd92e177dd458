// Who a task is assigned to, as the panel shows it. Tasks name a device key; the member behind it can
// have no announced name yet (shown with a short safety number, so two unnamed devices differ) or
// have left the space (the task stays, marked, so nobody's work silently disappears).
import type { SpaceMember } from '../../src-shared/api';
import { shortFingerprint } from '../lib/fingerprint';

export type Assignee =
  { kind: 'none' } | { kind: 'member'; member: SpaceMember } | { kind: 'gone'; deviceKey: string };

export function findAssignee(deviceKey: string | null, members: readonly SpaceMember[]): Assignee {
  if (deviceKey === null) return { kind: 'none' };
  const member = members.find((m) => m.deviceKey === deviceKey);
  return member ? { kind: 'member', member } : { kind: 'gone', deviceKey };
}

/** A member's name, or the "unnamed device" text followed by the first groups of their number. */
export function memberLabel(
  member: Pick<SpaceMember, 'name' | 'fingerprint'>,
  unnamed: string,
): string {
  const name = member.name?.trim();
  if (name) return name;
  const short = shortFingerprint(member.fingerprint);
  return short ? `${unnamed} ${short}` : unnamed;
}

/** A device that left: all that is known is its key, so show its start to tell such devices apart. */
export function goneLabel(deviceKey: string): string {
  return `${deviceKey.slice(0, 8)}…`;
}
