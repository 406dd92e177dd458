// The sync engine's state (connection, unacknowledged edits, warnings): asked for once, then kept
// current from 'sync.state' events, and asked again after a lost bridge connection.
import { useEffect, useState } from 'react';
import type { ApiError, SyncState } from '../../src-shared/api';
import { call, onEvent } from '../bridge/call';
import { subscribeConnectionStatus } from '../bridge/connection-status';

export interface SyncStateView {
  state: SyncState | null;
  error: ApiError | null;
}

export function useSyncState(): SyncStateView {
  const [view, setView] = useState<SyncStateView>({ state: null, error: null });
  useEffect(() => {
    let active = true;
    // An event is newer than any answer still on its way.
    let seenEvent = false;
    const ask = (): void => {
      seenEvent = false;
      void call('sync.state', {}).then((outcome) => {
        if (!active || seenEvent) return;
        setView((current) =>
          outcome.ok
            ? { state: outcome.value, error: null }
            : { state: current.state, error: outcome.error },
        );
      });
    };
    ask();
    const offState = onEvent('sync.state', (state) => {
      seenEvent = true;
      setView({ state, error: null });
    });
    const offConnection = subscribeConnectionStatus((status) => {
      if (status === 'connected') ask();
    });
    return () => {
      active = false;
      offState();
      offConnection();
    };
  }, []);
  return view;
}
