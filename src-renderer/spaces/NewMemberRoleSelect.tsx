// The role a new member gets, by device code or by invite: editor or viewer. Admins are made from
// existing members, so that every admin was a member the others could see first.
import { useTranslation } from 'react-i18next';

export type NewMemberRole = 'editor' | 'viewer';

interface NewMemberRoleSelectProps {
  id: string;
  testId: string;
  value: NewMemberRole;
  onChange: (role: NewMemberRole) => void;
  disabled: boolean;
  autoFocus?: boolean;
}

export function NewMemberRoleSelect({ onChange, testId, ...props }: NewMemberRoleSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      {...props}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value === 'viewer' ? 'viewer' : 'editor')}
    >
      <option value="editor">{t('members.roleEditor')}</option>
      <option value="viewer">{t('members.roleViewer')}</option>
    </select>
  );
}
