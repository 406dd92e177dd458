// The disguise for components: read from main at start (allowed while locked), followed on every
// change in Settings and asked again after a lost connection.
import { useEffect, useSyncExternalStore } from 'react';
import type { Disguise } from '../../src-shared/disguise';
import { call, onEvent } from '../bridge/call';
import { subscribeConnectionStatus } from '../bridge/connection-status';
import { currentDisguise, setDisguise, subscribeDisguise } from './appearance-state';

/** The disguise, or null until main answered (screens then show no name at all). */
export function useDisguise(): Disguise | null {
  return useSyncExternalStore(subscribeDisguise, currentDisguise);
}

/** Mounted once, in App. */
export function useAppearanceLoader(): void {
  useEffect(() => {
    const load = (): void =>
      void call('appearance.get', {}).then((outcome) => {
        if (outcome.ok) setDisguise(outcome.value.disguise);
      });
    load();
    const offChanged = onEvent('appearance.changed', ({ disguise }) => setDisguise(disguise));
    const offConnection = subscribeConnectionStatus((status) => {
      if (status === 'connected') load();
    });
    return () => {
      offChanged();
      offConnection();
    };
  }, []);
}
