// The list of shared spaces: loaded once, reloaded on 'spaces.changed' and after a lost bridge
// connection; only the answer to the latest request counts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, SpaceSummary } from '../../src-shared/api';
import { call, onEvent } from '../bridge/call';
import { subscribeConnectionStatus } from '../bridge/connection-status';

export interface SpacesView {
  /** null until the first answer. */
  spaces: SpaceSummary[] | null;
  error: ApiError | null;
  reload: () => void;
  /** Puts a space main just returned into the list (new or changed). */
  upsert: (space: SpaceSummary) => void;
  /** Takes a space out of the list at once (a declined invitation main has forgotten). */
  drop: (spaceId: string) => void;
}

export function useSpaces(): SpacesView {
  const [spaces, setSpaces] = useState<SpaceSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    void call('spaces.list', {}).then((outcome) => {
      if (mine !== seq.current) return;
      if (outcome.ok) {
        setSpaces(outcome.value);
        setError(null);
      } else {
        setError(outcome.error);
      }
    });
  }, []);

  const upsert = useCallback((space: SpaceSummary) => {
    setSpaces((list) => {
      const current = list ?? [];
      return current.some((s) => s.id === space.id)
        ? current.map((s) => (s.id === space.id ? space : s))
        : [...current, space];
    });
  }, []);

  const drop = useCallback((spaceId: string) => {
    setSpaces((list) => list && list.filter((s) => s.id !== spaceId));
  }, []);

  useEffect(() => {
    reload();
    const offChanged = onEvent('spaces.changed', reload);
    const offConnection = subscribeConnectionStatus((status) => {
      if (status === 'connected') reload();
    });
    return () => {
      offChanged();
      offConnection();
    };
  }, [reload]);

  return { spaces, error, reload, upsert, drop };
}
