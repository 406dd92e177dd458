// The files attached to a briefing being written: each is staged with main as soon as it is chosen
// (progress, cancel), and kept staged until the briefing is sent or the draft is thrown away. What
// main removed from a picture comes back with the staged file and is shown before sending.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';
import { call } from '../bridge/call';
import { stageFile, type StageCalls, type StageControl } from './stage-file';

export interface DraftFile {
  key: number;
  name: string;
  size: number;
  image: boolean;
  state: 'staging' | 'ready' | 'failed';
  /** Bytes handed to main so far. */
  done: number;
  stageId: string | null;
  removed: string[];
  error: ApiError | null;
}

export interface StagedFiles {
  files: DraftFile[];
  /** More files were chosen than a briefing can carry: the rest were left out. */
  overflow: boolean;
  add: (chosen: readonly File[]) => void;
  /** Stops a file still being staged, or forgets a staged or failed one (main drops it). */
  remove: (key: number) => void;
  /** The draft was thrown away: main drops every staged file. */
  discardAll: () => void;
  /** The briefing was sent: main took the staged files, so nothing is cancelled. */
  forgetSent: () => void;
}

const calls: StageCalls = {
  begin: (args) => call('briefings.stageBegin', args),
  append: (args) => call('briefings.stageAppend', args),
  cancel: (stageId) => call('briefings.stageCancel', { stageId }),
};

export function useStagedFiles(): StagedFiles {
  const [files, setFiles] = useState<DraftFile[]>([]);
  const [overflow, setOverflow] = useState(false);
  const controls = useRef(new Map<number, StageControl>());
  const nextKey = useRef(1);
  // How many files the draft holds, read synchronously so two quick picks cannot pass the limit.
  const count = useRef(0);

  const patch = useCallback((key: number, change: Partial<DraftFile>) => {
    setFiles((list) => list.map((file) => (file.key === key ? { ...file, ...change } : file)));
  }, []);

  const add = useCallback(
    (chosen: readonly File[]) => {
      const room = Math.max(0, BRIEFING_LIMITS.attachmentsMax - count.current);
      setOverflow(chosen.length > room);
      for (const file of chosen.slice(0, room)) {
        const key = nextKey.current++;
        const control: StageControl = { cancelled: false, stageId: null };
        controls.current.set(key, control);
        count.current += 1;
        setFiles((list) => [
          ...list,
          {
            key,
            name: file.name,
            size: file.size,
            image: file.type.startsWith('image/'),
            state: 'staging',
            done: 0,
            stageId: null,
            removed: [],
            error: null,
          },
        ]);
        void stageFile(file, calls, control, (done) => patch(key, { done })).then((outcome) => {
          if (control.cancelled) return;
          if (outcome.ok) {
            const staged = outcome.value;
            patch(key, {
              state: 'ready',
              stageId: staged.stageId,
              image: staged.image,
              removed: staged.removed,
              done: file.size,
            });
          } else {
            patch(key, { state: 'failed', error: outcome.error });
          }
        });
      }
    },
    [patch],
  );

  const dropControl = useCallback((key: number) => {
    const control = controls.current.get(key);
    if (!control) return;
    controls.current.delete(key);
    count.current -= 1;
    control.cancelled = true;
    // A file still staging drops its stage itself at its next piece; a finished one is dropped here.
    if (control.stageId !== null) void call('briefings.stageCancel', { stageId: control.stageId });
  }, []);

  const remove = useCallback(
    (key: number) => {
      dropControl(key);
      setFiles((list) => list.filter((file) => file.key !== key));
      setOverflow(false);
    },
    [dropControl],
  );

  const discardAll = useCallback(() => {
    for (const key of [...controls.current.keys()]) dropControl(key);
    setFiles([]);
    setOverflow(false);
  }, [dropControl]);

  const forgetSent = useCallback(() => {
    controls.current.clear();
    count.current = 0;
    setFiles([]);
    setOverflow(false);
  }, []);

  // Leaving the screen throws the draft away: main must not keep its staged files for nobody.
  useEffect(() => discardAll, [discardAll]);

  return { files, overflow, add, remove, discardAll, forgetSent };
}
