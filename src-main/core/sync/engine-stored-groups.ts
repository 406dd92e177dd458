// The groups the engine starts from: this relay's, as the vault holds them, and those the vault
// could not give back whole, for the user to hear about.
import { toHex } from '../../../src-shared/protocol/bytes';
import { loadGroups, type StoredGroup } from '../groups/group-store';
import type { Db } from '../vault/migrations';

export interface StoredGroups {
  groups: Map<string, StoredGroup>;
  outdated: string[];
  forked: string[];
}

export function loadStoredGroups(db: Db, relayUrl: string): StoredGroups {
  const groups = new Map<string, StoredGroup>();
  const outdated: string[] = [];
  const forked: string[] = [];
  const loadProblems = {
    outdated: (name: string) => outdated.push(name),
    forked: (name: string) => forked.push(name),
  };
  for (const group of loadGroups(db, relayUrl, loadProblems)) {
    groups.set(toHex(group.groupId), group);
  }
  return { groups, outdated, forked };
}

export function warnLoadProblems(
  stored: StoredGroups,
  warn: (docId: string | null, reason: string) => void,
): void {
  // Spaces an older protocol wrote are not misread: the user hears why they are missing.
  stored.outdated.forEach(() => warn(null, 'outdated-space'));
  // A stored log cut back to where it replays: the relay showed this device two histories.
  stored.forked.forEach(() => warn(null, 'group-forked-log'));
}
