// Texts the plan panels show about people and versions.
import type { TFunction } from 'i18next';
import type { Comment, PlanVersion } from '../../src-shared/plans/plan-model';
import { deviceName, type KnownDevices } from './member-names';

/**
 * Who wrote a comment or version: the member's current name while they are in the space (so a
 * renamed member shows as they are known now), a former member's name with "removed" or "left",
 * else the name they had when they wrote it; never their key.
 */
export function authorName(
  item: Pick<Comment, 'author' | 'authorName'>,
  space: KnownDevices,
  t: TFunction,
): string {
  return deviceName(item.author, space, t, { recorded: item.authorName });
}

/** "Resolved by Alesia"; a thread resolved by an app that did not record who says "Resolved". */
export function resolvedText(
  root: Pick<Comment, 'resolvedBy'>,
  space: KnownDevices,
  t: TFunction,
): string {
  return root.resolvedBy
    ? t('plans.comments.resolvedBy', { name: deviceName(root.resolvedBy, space, t) })
    : t('plans.comments.resolved');
}

export function versionLabel(version: Pick<PlanVersion, 'name'>, automatic: string): string {
  return version.name?.trim() || automatic;
}

/** A quote short enough for a label, on one line. */
export function shorten(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * A name short enough for the label over another member's cursor: one line, at most `max`
 * characters (whole code points, so no emoji is cut in half), with an ellipsis when cut.
 */
export function cursorLabel(name: string, max = 16): string {
  const line = name.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : line;
}
