// The bridge's connection status as React state.
import { useSyncExternalStore } from 'react';
import {
  getConnectionStatus,
  subscribeConnectionStatus,
  type ConnectionStatus,
} from '../bridge/connection-status';

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(subscribeConnectionStatus, getConnectionStatus);
}
