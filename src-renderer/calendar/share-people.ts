// Whom one event can be shared with beyond its space: my other active spaces, and in each the other
// members by name. Never a key prefix: an unnamed member is told apart by role and since when.
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';

export function otherSpaces(spaces: readonly SpaceSummary[], fromSpaceId: string): SpaceSummary[] {
  return spaces.filter((space) => space.id !== fromSpaceId && space.status === 'active');
}

export function shareableMembers(space: SpaceSummary | undefined): SpaceMember[] {
  return (space?.members ?? [])
    .filter((member) => !member.isMe)
    .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
}

/** The days typed for a share link, or null unless a whole number from 1 to the maximum. */
export function parseShareDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= 1 && days <= CALENDAR_LIMITS.shareMaxDays ? days : null;
}
