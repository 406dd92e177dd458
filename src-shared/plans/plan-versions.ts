// Versions of a plan's body: named or automatic snapshots, each a Yjs document of its own, which can
// be opened for viewing or restored as a new edit on top of the history.
import * as Y from 'yjs';
import { LIMITS } from '../limits';
import { PLAN_BODY_IN_VERSION, planBody, replaceBody, snapshotPlanBody } from './plan-body';
import {
  deviceOf,
  entries,
  idOf,
  insert,
  mapOf,
  newId,
  optional,
  str,
  timeOf,
  VERSIONS,
} from './plan-doc';

export interface PlanVersion {
  id: string;
  planId: string;
  /** A name the user gave it; null for an automatic version. */
  name: string | null;
  auto: boolean;
  at: number;
  author: string;
  authorName: string;
  /** A Yjs update of a document whose XmlFragment PLAN_BODY_IN_VERSION holds the plan's body. */
  content: Uint8Array;
}

function readVersion(id: string, m: Y.Map<unknown>): PlanVersion | null {
  const planId = idOf(m.get('planId'));
  const name = optional(m.get('name'), (v) => str(v, LIMITS.plans.versionNameMaxChars));
  const at = timeOf(m.get('at'));
  const author = deviceOf(m.get('author'));
  const authorName = str(m.get('authorName'), LIMITS.displayNameMaxChars) ?? '';
  const content = m.get('content');
  if (!planId || name === undefined || at === null || !author || !(content instanceof Uint8Array)) {
    return null;
  }
  return { id, planId, name, auto: m.get('auto') === true, at, author, authorName, content };
}

/**
 * A version's body, loaded into a document of its own for viewing. Throws on content that is not
 * a Yjs update (a member's modified app); tryOpenVersion says null instead.
 */
export function openVersion(version: PlanVersion): { doc: Y.Doc; body: Y.XmlFragment } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, version.content);
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return { doc, body: doc.getXmlFragment(PLAN_BODY_IN_VERSION) };
}

export function tryOpenVersion(version: PlanVersion): { doc: Y.Doc; body: Y.XmlFragment } | null {
  try {
    return openVersion(version);
  } catch {
    return null;
  }
}

/**
 * Saves a version of the body; null when the body is too long to copy as one edit
 * (LIMITS.plans.copyMaxBytes), and nothing is saved.
 */
export function saveVersion(
  doc: Y.Doc,
  v: {
    planId: string;
    name: string | null;
    auto: boolean;
    at: number;
    author: string;
    authorName: string;
  },
): string | null {
  const id = newId();
  const content = snapshotPlanBody(doc, v.planId);
  if (content.length > LIMITS.plans.copyMaxBytes) return null;
  doc.transact(() => {
    insert(doc, VERSIONS, id, {
      ...v,
      name: v.name?.slice(0, LIMITS.plans.versionNameMaxChars) ?? null,
      content,
    });
    pruneAutoVersions(doc, v.planId, id);
  });
  return id;
}

/** Newest first. */
export function listVersions(doc: Y.Doc, planId: string): PlanVersion[] {
  return entries(doc, VERSIONS, readVersion)
    .filter((v) => v.planId === planId)
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

/**
 * Keeps the newest automatic versions only, and always the one just saved: versions dated ahead
 * (a member's clock runs fast) must not push out the copy a restore saves of the text it replaces.
 * Named ones are kept for good.
 */
function pruneAutoVersions(doc: Y.Doc, planId: string, saved: string): void {
  const others = listVersions(doc, planId).filter((v) => v.auto && v.id !== saved);
  for (const old of others.slice(LIMITS.plans.autoVersionsKept - 1)) {
    mapOf(doc, VERSIONS).delete(old.id);
  }
}

/**
 * Puts a version's body back as a new edit on top of the history: nothing is rewritten, so the
 * state before the restore stays one version back.
 */
export function restoreVersion(doc: Y.Doc, version: PlanVersion): void {
  const { doc: old, body } = openVersion(version);
  try {
    doc.transact(() => replaceBody(planBody(doc, version.planId), body));
  } finally {
    old.destroy();
  }
}
