// The user-visible sync state: connection, edits not yet acknowledged, and the last warnings (a
// refused message, a tampered frame), kept bounded so a hostile relay cannot grow them without end.
import type { SyncState } from '../../../src-shared/api';
import type { Db } from '../vault/migrations';
import type { OpenDocs } from './open-documents';
import { outboxCount } from './outbox';
import type { RelayConnection } from './relay-connection';

const MAX_WARNINGS = 100;

export function createSyncStatus(deps: {
  db: Db;
  relayUrl: string;
  docs: OpenDocs;
  connection(): RelayConnection | null;
  emit(state: SyncState): void;
  isStopped(): boolean;
  /** A member's name as this device knows it, for warnings that name who caused them. */
  nameOf(deviceKey: string): string | null;
  via: SyncState['via'];
  /** What the last failed attempt said about the proxy (null when connected or direct). */
  problem(): SyncState['problem'];
}) {
  const warnings: SyncState['warnings'] = [];

  const state = (): SyncState => ({
    connection: deps.relayUrl ? (deps.connection()?.status() ?? 'offline') : 'disabled',
    via: deps.via,
    problem: deps.connection()?.status() === 'connected' ? null : deps.problem(),
    // Edits of this very turn count too: they are not committed yet, let alone acknowledged.
    pending:
      outboxCount(deps.db) +
      [...deps.docs.values()].reduce((n, d) => n + d.sync.uncommittedCount(), 0),
    warnings: [...warnings],
  });
  const emitState = (): void => {
    if (!deps.isStopped()) deps.emit(state());
  };
  const warn = (docId: string | null, reason: string, deviceKey: string | null = null): void => {
    const member = deviceKey ? deps.nameOf(deviceKey) : null;
    warnings.push({ docId, reason, at: Date.now(), deviceKey, member });
    if (warnings.length > MAX_WARNINGS) warnings.splice(0, warnings.length - MAX_WARNINGS);
    emitState();
  };
  return { state, emitState, warn };
}
