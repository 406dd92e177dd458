// How the sidebar lays out the spaces: invitations apart (they are not spaces this device is in
// yet), the rest in the order main gave them.
import type { SpaceSummary } from '../../src-shared/api';

export interface SpaceGroups<S> {
  /** An admin added this device by its code: the person accepts or declines. */
  invitations: S[];
  spaces: S[];
}

export function groupSpaces<S extends Pick<SpaceSummary, 'status'>>(
  list: readonly S[],
): SpaceGroups<S> {
  const invitations: S[] = [];
  const spaces: S[] = [];
  for (const space of list) (space.status === 'invited' ? invitations : spaces).push(space);
  return { invitations, spaces };
}

/** What the space view shows in its main column. */
export type SpaceContent = 'invitation' | 'waiting-for-keys' | 'wiped' | 'content';

export function spaceContent(
  space: Pick<SpaceSummary, 'status' | 'waitingForKeys' | 'wiped'>,
): SpaceContent {
  // An invitation never opens: nothing of the space syncs until it is accepted.
  if (space.status === 'invited') return 'invitation';
  if (space.wiped) return 'wiped';
  // Without the key there is nothing to decrypt yet; say why instead of showing an empty editor.
  if (space.status === 'active' && space.waitingForKeys) return 'waiting-for-keys';
  return 'content';
}
