// Who last restored a version of a plan, so the other members can be told ("Alesia restored
// “Before the press release”") rather than see the text change under them without a word.
//
// Stored in the space's shared document, additively: the plan's own entry of the `plans` map
// (src-shared/plans/plan-model.ts) gets a field `lastRestore`, a plain object
//   { by: device key (64 hex), versionId: 32 hex, name: the version's name or null, at: ms }
// written in the same transaction as the restored body. Older apps ignore the field. Like every
// read of this document, reading it checks the shape: another member wrote it.
import type { TFunction } from 'i18next';
import * as Y from 'yjs';
import { LIMITS } from '../../src-shared/limits';
import { restoreVersion, type PlanVersion } from '../../src-shared/plans/plan-model';
import { formatFullDate } from '../lib/format-date';
import { deviceName, type KnownDevices } from './member-names';

export interface RestoreRecord {
  by: string;
  versionId: string;
  /** The version's name when it was restored; null for an automatic version. */
  name: string | null;
  at: number;
}

const FIELD = 'lastRestore';
const DEVICE = /^[0-9a-f]{64}$/;
const ID = /^[0-9a-f]{32}$/;

function planEntry(doc: Y.Doc, planId: string): Y.Map<unknown> | null {
  const entry = doc.getMap<unknown>('plans').get(planId);
  return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : null;
}

/** Restores the version and records who did it, as one edit every member receives at once. */
export function restoreAndRecord(doc: Y.Doc, version: PlanVersion, by: string, at: number): void {
  doc.transact(() => {
    restoreVersion(doc, version);
    const record: RestoreRecord = {
      by,
      versionId: version.id,
      name: version.name?.slice(0, LIMITS.plans.versionNameMaxChars) ?? null,
      at,
    };
    planEntry(doc, version.planId)?.set(FIELD, record);
  });
}

/** The last restore of the plan, or null when there was none or what is there does not fit. */
export function lastRestore(doc: Y.Doc, planId: string): RestoreRecord | null {
  const value = planEntry(doc, planId)?.get(FIELD);
  if (typeof value !== 'object' || value === null) return null;
  const { by, versionId, name, at } = value as Record<string, unknown>;
  if (typeof by !== 'string' || !DEVICE.test(by)) return null;
  if (typeof versionId !== 'string' || !ID.test(versionId)) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  if (name !== null && (typeof name !== 'string' || name.length > LIMITS.plans.versionNameMaxChars))
    return null;
  return { by, versionId, name, at };
}

/**
 * The notice the other members see: the member's name as the space knows it (never a key), and the
 * version's name, or for an automatic version its date.
 */
export function restoreNotice(
  record: RestoreRecord,
  space: KnownDevices,
  versions: readonly Pick<PlanVersion, 'id' | 'name' | 'at'>[],
  t: TFunction,
  language: string,
): string {
  const name = deviceName(record.by, space, t);
  const version = versions.find((v) => v.id === record.versionId);
  const versionName = (version ? version.name : record.name)?.trim();
  if (versionName) return t('plans.versions.restoredBy', { name, version: versionName });
  return version
    ? t('plans.versions.restoredByAuto', { name, when: formatFullDate(version.at, language) })
    : t('plans.versions.restoredByUnknown', { name });
}
