// The coalition's register of its organisations, in the coalition's shared document: each
// organisation's name, and which organisation each member belongs to. For display and for the
// "at most one organisation" check; who holds an organisation's key is its own log's business.
import { z } from 'zod';
import { LIMITS } from '../../../src-shared/limits';
import { OrgId } from '../../../src-shared/calendar/event-model';
import type * as Y from 'yjs';

export const ORGS_MAP = 'organisations';
export const ORG_MEMBERS_MAP = 'orgMembers';

const OrgEntry = z.object({
  name: z.string().max(LIMITS.spaceNameMaxChars),
  createdAt: z.number(),
});

export interface Registry {
  orgs: Map<string, { name: string; createdAt: number }>;
  /** Organisation id by member device (hex). */
  memberOrg: Map<string, string>;
}

export function readRegistry(doc: Y.Doc): Registry {
  const orgs = new Map<string, { name: string; createdAt: number }>();
  doc.getMap<unknown>(ORGS_MAP).forEach((value, key) => {
    const entry = OrgEntry.safeParse(value);
    if (entry.success && OrgId.safeParse(key).success) orgs.set(key, entry.data);
  });
  const memberOrg = new Map<string, string>();
  doc.getMap<unknown>(ORG_MEMBERS_MAP).forEach((value, key) => {
    if (typeof value === 'string' && orgs.has(value) && /^[0-9a-f]{64}$/.test(key)) {
      memberOrg.set(key, value);
    }
  });
  return { orgs, memberOrg };
}

export function registerOrg(doc: Y.Doc, orgId: string, name: string, now: number): void {
  doc.getMap<unknown>(ORGS_MAP).set(orgId, { name, createdAt: now });
}

/** Says which organisation a member belongs to; null: none any more. */
export function assignMember(doc: Y.Doc, deviceHex: string, orgId: string | null): void {
  const map = doc.getMap<unknown>(ORG_MEMBERS_MAP);
  if (orgId === null) map.delete(deviceHex);
  else map.set(deviceHex, orgId);
}
