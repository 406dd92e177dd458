// The occurrences and due tasks of the range on screen, from main: asked when the range or space
// changes, again when 'calendar.changed' fires (an edit here or a member's), when spaces change and
// after a lost bridge connection. Only the answer to the latest request counts; the last answer
// stays on screen while a new one is on its way, so the view does not flash empty.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { CalendarRange } from '../../src-shared/calendar/calendar-api';
import { call, onEvent } from '../bridge/call';
import { subscribeConnectionStatus } from '../bridge/connection-status';
import { throttle } from '../tasks/throttle';

export interface RangeQuery {
  from: number;
  to: number;
  spaceId?: string;
}

export interface CalendarRangeState {
  range: CalendarRange | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Bursts of remote edits (a member importing a calendar) cost at most two requests a second. */
const CHANGED_REFRESH_MS = 500;

export function useCalendarRange(query: RangeQuery): CalendarRangeState {
  const [answer, setAnswer] = useState<{ key: string; range: CalendarRange } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const { from, to, spaceId } = query;
  const key = `${from}:${to}:${spaceId ?? ''}`;

  const reload = useCallback(() => {
    const mine = ++seq.current;
    const args = spaceId === undefined ? { from, to } : { from, to, spaceId };
    void call('calendar.range', args).then((outcome) => {
      if (mine !== seq.current) return;
      if (outcome.ok) {
        setAnswer({ key: `${from}:${to}:${spaceId ?? ''}`, range: outcome.value });
        setError(null);
      } else {
        setError(outcome.error);
      }
    });
  }, [from, to, spaceId]);

  useEffect(() => {
    reload();
    const soon = throttle(reload, CHANGED_REFRESH_MS);
    const offChanged = onEvent('calendar.changed', soon);
    const offSpaces = onEvent('spaces.changed', soon);
    const offConnection = subscribeConnectionStatus((status) => {
      if (status === 'connected') reload();
    });
    return () => {
      offChanged();
      offSpaces();
      offConnection();
      soon.cancel();
    };
  }, [reload]);

  return {
    range: answer?.range ?? null,
    error,
    loading: answer?.key !== key && error === null,
    reload,
  };
}
