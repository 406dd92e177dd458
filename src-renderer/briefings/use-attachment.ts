// Fetching one attachment's encrypted chunks onto this device (briefings.download), with its
// progress and a cancel, both named `<briefing id>/<index>` (the contract's transfer id). A read
// view fetches its attachments one at a time (DownloadQueue), so they do not compete.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { call, onEvent } from '../bridge/call';

/** Runs a read view's downloads one after another, and knows which attachment is running. */
export class DownloadQueue {
  private tail: Promise<unknown> = Promise.resolve();
  active: number | null = null;

  run<T>(index: number, task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(async () => {
      this.active = index;
      try {
        return await task();
      } finally {
        this.active = null;
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export type AttachmentPhase = 'idle' | 'queued' | 'downloading' | 'ready' | 'failed' | 'cancelled';

export interface AttachmentTransfer {
  phase: AttachmentPhase;
  done: number;
  total: number;
  error: ApiError | null;
  /** Resolves true once the chunks are all on this device. */
  download: () => Promise<boolean>;
  cancel: () => void;
}

export function useAttachment(
  briefingId: string,
  index: number,
  downloaded: boolean,
  queue: DownloadQueue,
): AttachmentTransfer {
  const [phase, setPhase] = useState<AttachmentPhase>(downloaded ? 'ready' : 'idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [error, setError] = useState<ApiError | null>(null);
  const cancelled = useRef(false);
  const running = useRef<Promise<boolean> | null>(null);
  const transferId = `${briefingId}/${index}`;

  useEffect(
    () =>
      onEvent('briefings.progress', (event) => {
        if (event.phase !== 'download' || event.id !== transferId) return;
        setProgress({ done: event.done, total: event.total });
      }),
    [transferId],
  );

  const download = useCallback((): Promise<boolean> => {
    if (phase === 'ready') return Promise.resolve(true);
    if (running.current) return running.current;
    cancelled.current = false;
    setError(null);
    setPhase('queued');
    const started = queue
      .run(index, async () => {
        if (cancelled.current) return false;
        setPhase('downloading');
        const outcome = await call('briefings.download', { id: briefingId, index });
        if (outcome.ok) {
          setPhase('ready');
          return true;
        }
        if (outcome.error.code === 'transfer-cancelled' || cancelled.current) {
          setPhase('cancelled');
        } else {
          setError(outcome.error);
          setPhase('failed');
        }
        return false;
      })
      .finally(() => {
        running.current = null;
      });
    running.current = started;
    return started;
  }, [phase, queue, index, briefingId]);

  const cancel = useCallback(() => {
    cancelled.current = true;
    if (queue.active === index) {
      void call('briefings.cancel', { id: transferId });
    } else {
      setPhase('cancelled');
    }
  }, [queue, index, transferId]);

  return { phase, done: progress.done, total: progress.total, error, download, cancel };
}
