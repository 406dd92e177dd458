// The one way the plan screen names a device: task assignees (list, board and picker), comment
// authors, who resolved a thread, version authors and the restore notice. The plan model only holds
// device keys; a person is looked up in the space's `members`, then in its `formerMembers`, so someone
// who was removed or left keeps their name with the reason ("Bahdan — removed") and nothing they did
// silently turns anonymous. A key, or any part of one, is never shown: a device nobody knows a name
// for is "A member".
import type { TFunction } from 'i18next';
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';
import { shortFingerprint } from '../lib/fingerprint';

export type KnownDevices = Pick<SpaceSummary, 'members' | 'formerMembers'>;

/** Where a device stands in the space now. */
export type Standing =
  | { kind: 'member'; member: SpaceMember }
  | { kind: 'former'; how: 'removed' | 'left'; name: string | null }
  | { kind: 'unknown' };

export function standingOf(deviceKey: string, space: KnownDevices): Standing {
  const member = space.members.find((m) => m.deviceKey === deviceKey);
  if (member) return { kind: 'member', member };
  const former = space.formerMembers.find((f) => f.deviceKey === deviceKey);
  if (former) return { kind: 'former', how: former.how, name: former.name };
  return { kind: 'unknown' };
}

export interface NameOptions {
  /** The name the document recorded with the item (a comment's or version's authorName). */
  recorded?: string | null;
}

/**
 * The device's name as this space knows it now: a current member's announced name (so a renamed
 * member shows as they are known today), else the name recorded with the item, else "A member". A
 * current member without any name gets the start of their safety number (digits, not their key), so
 * two unnamed devices in the picker can be told apart. A former member's name carries the reason.
 */
export function deviceName(
  deviceKey: string,
  space: KnownDevices,
  t: TFunction,
  options: NameOptions = {},
): string {
  const recorded = options.recorded?.trim();
  const standing = standingOf(deviceKey, space);
  switch (standing.kind) {
    case 'member':
      return memberName(standing.member, t, recorded);
    case 'former': {
      const name = standing.name?.trim() || recorded || t('plans.people.someone');
      return standing.how === 'removed'
        ? t('plans.people.removed', { name })
        : t('plans.people.left', { name });
    }
    case 'unknown':
      return recorded || t('plans.people.someone');
  }
}

/** A current member's name; without one, "A member" with the start of their safety number. */
export function memberName(
  member: Pick<SpaceMember, 'name' | 'fingerprint'>,
  t: TFunction,
  recorded?: string,
): string {
  const name = member.name?.trim() || recorded;
  if (name) return name;
  const number = shortFingerprint(member.fingerprint);
  return number ? t('plans.people.someoneNumbered', { number }) : t('plans.people.someone');
}
