// The tasks assigned to this device across every space, from main: loaded once, reloaded when spaces
// change, after a lost bridge connection, and (at most twice a second) when remote edits arrive;
// only the answer to the latest request counts.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, MyTask } from '../../src-shared/api';
import { call, onEvent } from '../bridge/call';
import { subscribeConnectionStatus } from '../bridge/connection-status';
import { throttle } from './throttle';

export const MY_TASKS_REFRESH_MS = 500;

export interface MyTasksState {
  /** null until the first answer. */
  tasks: MyTask[] | null;
  error: ApiError | null;
  reload: () => void;
  /** A throttled reload, for changes that come in bursts (remote updates, typing in a task). */
  refreshSoon: () => void;
}

/** Numbers requests, so an answer can tell whether a newer request was made after it. */
class RequestOrder {
  private last = 0;

  /** Starts a request; the returned check is true while no later one has started. */
  start(): () => boolean {
    const mine = ++this.last;
    return () => mine === this.last;
  }
}

export function useMyTasks(): MyTasksState {
  const [tasks, setTasks] = useState<MyTask[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [order] = useState(() => new RequestOrder());

  const reload = useCallback(() => {
    const latest = order.start();
    void call('tasks.mine', {}).then((outcome) => {
      if (!latest()) return;
      if (outcome.ok) {
        setTasks(outcome.value);
        setError(null);
      } else {
        setError(outcome.error);
      }
    });
  }, [order]);
  const [refreshSoon] = useState(() => throttle(reload, MY_TASKS_REFRESH_MS));

  useEffect(() => {
    reload();
    const offRemote = onEvent('docs.remoteUpdate', refreshSoon);
    const offSpaces = onEvent('spaces.changed', reload);
    const offConnection = subscribeConnectionStatus((status) => {
      if (status === 'connected') reload();
    });
    return () => {
      offRemote();
      offSpaces();
      offConnection();
      refreshSoon.cancel();
    };
  }, [reload, refreshSoon]);

  return { tasks, error, reload, refreshSoon };
}
