// The briefings of one space or of all spaces, as main lists them for a search (or none): asked
// again on 'briefings.changed' and after a lost bridge connection; only the latest answer counts.
// The refusals come with the list: they are shown above it as a warning.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, MethodResult } from '../../src-shared/api';
import type { BriefingSummary } from '../../src-shared/api/briefings-schemas';
import { call, onEvent } from '../bridge/call';
import { subscribeConnectionStatus } from '../bridge/connection-status';
import { sortBriefings } from './briefing-order';

export interface BriefingsListState {
  /** null until the first answer. */
  items: BriefingSummary[] | null;
  refused: MethodResult<'briefings.list'>['refused'];
  error: ApiError | null;
  reload: () => void;
}

/** How long typing may pause before the search is asked, so each key does not start one. */
const SEARCH_DELAY_MS = 200;

export function useBriefingsList(spaceId: string | undefined, query: string): BriefingsListState {
  const [items, setItems] = useState<BriefingSummary[] | null>(null);
  const [refused, setRefused] = useState<BriefingsListState['refused']>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const trimmed = query.trim();

  const reload = useCallback(() => {
    const mine = ++seq.current;
    const args = {
      ...(spaceId !== undefined ? { spaceId } : {}),
      ...(trimmed !== '' ? { query: trimmed } : {}),
    };
    void call('briefings.list', args).then((outcome) => {
      if (mine !== seq.current) return;
      if (outcome.ok) {
        setItems(sortBriefings(outcome.value.items));
        setRefused(outcome.value.refused);
        setError(null);
      } else {
        setError(outcome.error);
      }
    });
  }, [spaceId, trimmed]);

  useEffect(() => {
    const timer = setTimeout(reload, trimmed === '' ? 0 : SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [reload, trimmed]);

  useEffect(() => {
    const offChanged = onEvent('briefings.changed', reload);
    const offConnection = subscribeConnectionStatus((status) => {
      if (status === 'connected') reload();
    });
    return () => {
      offChanged();
      offConnection();
    };
  }, [reload]);

  return { items, refused, error, reload };
}
