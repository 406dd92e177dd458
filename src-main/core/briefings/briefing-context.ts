// What the parts of one engine's briefing service share: the vault, the engine's access to its
// spaces and the relay, the events it reports, and its clock.
import { SuviazError } from '../errors';
import type { StoredGroup } from '../groups/group-store';
import type { DocAccess } from '../sync/engine-doc-access';
import type { Db } from '../vault/migrations';

export interface BriefingEvents {
  changed(): void;
  /** `newest`: the title of the newest briefing received. */
  received(count: number, newest: string): void;
  /** A briefing was wiped: its attachments' files go too. */
  wiped(blobIds: string[]): void;
}

export interface BriefingContext {
  db: Db;
  access: DocAccess;
  events: BriefingEvents;
  now: () => number;
}

/** The space, if this device is an active member of it; else a not-member error. */
export function memberSpace(access: DocAccess, spaceId: string): StoredGroup {
  const group = access.group(spaceId);
  if (!group || group.status !== 'active' || group.wiped) {
    throw new SuviazError('not-member', 'This device is not a member of that space.');
  }
  return group;
}
