// A choice of one member of a space, by name and never by key. Until the user picks (or when the
// pick has left the list) the first is chosen, so the form always says whom it will act on.
import type { SpaceMember } from '../../src-shared/api';

export function chosenMember(
  members: readonly SpaceMember[],
  deviceKey: string,
): SpaceMember | null {
  return members.find((member) => member.deviceKey === deviceKey) ?? members[0] ?? null;
}

interface MemberSelectProps {
  id: string;
  testId: string;
  members: readonly SpaceMember[];
  chosen: SpaceMember | null;
  /** How a member is named here (each caller words an unnamed one its own way). */
  nameOf: (member: SpaceMember) => string;
  onChange: (deviceKey: string) => void;
  disabled?: boolean;
}

export function MemberSelect(props: MemberSelectProps) {
  return (
    <select
      id={props.id}
      data-testid={props.testId}
      value={props.chosen?.deviceKey ?? ''}
      disabled={props.disabled}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {props.members.map((member) => (
        <option key={member.deviceKey} value={member.deviceKey}>
          {props.nameOf(member)}
        </option>
      ))}
    </select>
  );
}
