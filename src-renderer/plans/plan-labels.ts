// Texts the plan panels show about people and versions.
import type { SpaceSummary } from '../../src-shared/api';
import type { Comment, PlanVersion } from '../../src-shared/plans/plan-model';

/**
 * Who wrote a comment or version: the member's current name while they are in the space (so a
 * renamed member shows as they are known now), else the name they had when they wrote it.
 */
export function authorName(
  item: Pick<Comment, 'author' | 'authorName'>,
  space: Pick<SpaceSummary, 'members'>,
  unnamed: string,
): string {
  const member = space.members.find((m) => m.deviceKey === item.author);
  return member?.name?.trim() || item.authorName.trim() || unnamed;
}

export function versionLabel(version: Pick<PlanVersion, 'name'>, automatic: string): string {
  return version.name?.trim() || automatic;
}

/** A quote short enough for a label, on one line. */
export function shorten(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
