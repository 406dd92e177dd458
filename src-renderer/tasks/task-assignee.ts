// Who a task is assigned to, as the panel shows it. Tasks name a device key; the name comes from the
// space (member-names.ts): a current member by name, someone who was removed or left by name with the
// reason, so nobody's work silently changes hands or turns anonymous, and never a key.
import type { TFunction } from 'i18next';
import { deviceName, standingOf, type KnownDevices } from '../plans/member-names';

export type AssigneeStanding = 'none' | 'member' | 'removed' | 'left' | 'unknown';

export interface AssigneeView {
  standing: AssigneeStanding;
  label: string;
  /**
   * The assignee when they are not a current member: the picker keeps them as an extra option, so
   * the select shows who the task is assigned to instead of falling back to "Unassigned".
   */
  kept: string | null;
}

export function assigneeView(
  assignee: string | null,
  space: KnownDevices,
  t: TFunction,
): AssigneeView {
  if (assignee === null) return { standing: 'none', label: t('tasks.unassigned'), kept: null };
  const standing = standingOf(assignee, space);
  const label = deviceName(assignee, space, t);
  if (standing.kind === 'member') return { standing: 'member', label, kept: null };
  return {
    standing: standing.kind === 'former' ? standing.how : 'unknown',
    label,
    kept: assignee,
  };
}
