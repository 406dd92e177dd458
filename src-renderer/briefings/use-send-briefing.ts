// Sending a briefing: one briefings.send at a time, its progress from 'briefings.progress' and a
// cancel that reaches main. Main reports the upload per staged file (the event's id is the file's
// stage id), so the bar adds up the files of this send; a cancel names one of them, which stops the
// whole send. Events of other phases of this send (seal, send) are taken by the id they carry.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, MethodArgs } from '../../src-shared/api';
import type { BriefingProgress } from '../../src-shared/api/briefings-schemas';
import type { z } from 'zod';
import { call, onEvent } from '../bridge/call';

type Progress = z.infer<typeof BriefingProgress>;

export interface SendProgress {
  phase: Progress['phase'];
  done: number;
  total: number;
}

export interface BriefingSend {
  sending: boolean;
  progress: SendProgress | null;
  error: ApiError | null;
  /** Resolves to the new briefing's id, or null when it failed (the error is kept). */
  send: (args: MethodArgs<'briefings.send'>) => Promise<string | null>;
  cancel: () => void;
}

const SEND_PHASES: ReadonlySet<Progress['phase']> = new Set(['seal', 'upload', 'send']);

/** The whole send's progress from the latest event of each file. */
function addUp(files: ReadonlyMap<string, Progress>): SendProgress | null {
  const all = [...files.values()];
  const last = all.at(-1);
  if (!last) return null;
  return {
    phase: last.phase,
    done: all.reduce((sum, p) => sum + p.done, 0),
    total: all.reduce((sum, p) => sum + p.total, 0),
  };
}

export function useSendBriefing(): BriefingSend {
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<SendProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  /** The stage ids of this send's files, and the ids main's events named. */
  const ids = useRef<string[]>([]);
  const perFile = useRef(new Map<string, Progress>());
  const cancelWanted = useRef(false);

  useEffect(
    () =>
      onEvent('briefings.progress', (event) => {
        if (!running.current || !SEND_PHASES.has(event.phase)) return;
        const ours = ids.current.includes(event.id) || event.phase !== 'upload';
        if (!ours) return;
        if (!ids.current.includes(event.id)) {
          ids.current.push(event.id);
          if (cancelWanted.current) void call('briefings.cancel', { id: event.id });
        }
        perFile.current.set(event.id, event);
        setProgress(addUp(perFile.current));
      }),
    [],
  );

  const send = useCallback(async (args: MethodArgs<'briefings.send'>) => {
    if (running.current) return null;
    running.current = true;
    ids.current = [...args.stagedFiles];
    perFile.current = new Map();
    cancelWanted.current = false;
    setSending(true);
    setProgress(null);
    setError(null);
    try {
      const outcome = await call('briefings.send', args);
      if (outcome.ok) return outcome.value.id;
      setError(outcome.error);
      return null;
    } finally {
      running.current = false;
      setSending(false);
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    if (!running.current) return;
    cancelWanted.current = true;
    for (const id of ids.current) void call('briefings.cancel', { id });
  }, []);

  return { sending, progress, error, send, cancel };
}
