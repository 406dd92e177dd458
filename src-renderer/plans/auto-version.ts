// Automatic versions of a plan: while someone edits, at most one per LIMITS.plans.autoVersionEveryMs
// and only when the body differs from the last version; and one before a restore, so the text it
// replaces stays one click away.
import { LIMITS } from '../../src-shared/limits';
import {
  listVersions,
  tryOpenVersion,
  planBody,
  saveVersion,
  type PlanVersion,
} from '../../src-shared/plans/plan-model';
import type * as Y from 'yjs';

export interface VersionAuthor {
  deviceKey: string;
  name: string;
}

/** The newest version not dated in the future: a member's clock can run ahead of this one's. */
export function lastVersion(doc: Y.Doc, planId: string, now: number): PlanVersion | null {
  return listVersions(doc, planId).find((version) => version.at <= now) ?? null;
}

export function bodyChangedSince(doc: Y.Doc, planId: string, version: PlanVersion | null): boolean {
  const current = planBody(doc, planId);
  if (!version) return current.length > 0;
  const opened = tryOpenVersion(version);
  // A version that cannot be read holds nothing of the body: the body has changed since.
  if (!opened) return true;
  const { doc: saved, body } = opened;
  try {
    return body.toString() !== current.toString();
  } finally {
    saved.destroy();
  }
}

/** Saves the body as an automatic version unless the last version holds it already. */
export function saveAutoVersionIfChanged(
  doc: Y.Doc,
  planId: string,
  author: VersionAuthor,
  now: number,
): string | null {
  if (!bodyChangedSince(doc, planId, lastVersion(doc, planId, now))) return null;
  return saveVersion(doc, {
    planId,
    name: null,
    auto: true,
    at: now,
    author: author.deviceKey,
    authorName: author.name,
  });
}

/** After an edit: an automatic version if the last one is older than the interval. */
export function saveAutoVersionIfDue(
  doc: Y.Doc,
  planId: string,
  author: VersionAuthor,
  now: number,
): string | null {
  const last = lastVersion(doc, planId, now);
  if (last && now - last.at < LIMITS.plans.autoVersionEveryMs) return null;
  return saveAutoVersionIfChanged(doc, planId, author, now);
}
