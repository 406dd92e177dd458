// The one line that says what an approval is about. Removing an admin names who would be removed,
// by the name this device knows for them.
import type { TFunction } from 'i18next';
import type { PendingApproval, SpaceMember } from '../../src-shared/api';

export function approvalTitle(
  t: TFunction,
  approval: Pick<PendingApproval, 'kind' | 'deviceKey'>,
  members: readonly Pick<SpaceMember, 'deviceKey' | 'name'>[],
): string {
  if (approval.kind === 'remove') {
    const member = members.find((m) => m.deviceKey === approval.deviceKey);
    const name = member ? member.name?.trim() || t('members.unnamed') : t('members.unknownDevice');
    return t('approvals.kinds.remove', { name });
  }
  return t(`approvals.kinds.${approval.kind}`);
}
