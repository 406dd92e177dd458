// A screen's view of its briefing draft (briefing-drafts.ts keeps it): reading a briefing and coming
// back to compose, or visiting another view of the space, finds everything as it was (files and a
// send under way too), and a failed send loses nothing; all of it goes at the next lock.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ApiError, MethodArgs } from '../../src-shared/api';
import {
  changeDraft,
  draftEntry,
  dropAllDrafts,
  listenToDraft,
  startOver,
  type DraftFields,
  type DraftFile,
  type SendProgress,
} from './briefing-drafts';
import { addFiles, discardFiles, removeFile } from './draft-files';
import { cancelSend, sendDraft } from './draft-send';

export type { DraftFields, DraftFile, SendProgress } from './briefing-drafts';

export interface StagedFiles {
  files: readonly DraftFile[];
  /** More files were chosen than a briefing can carry: the rest were left out. */
  overflow: boolean;
  add: (chosen: readonly File[]) => void;
  /** Stops a file still being staged, or forgets a staged or failed one (main drops it). */
  remove: (key: number) => void;
}

export interface BriefingSend {
  sending: boolean;
  progress: SendProgress | null;
  error: ApiError | null;
  /** Resolves to the new briefing's id (the draft has started over), or null when it failed. */
  send: (args: MethodArgs<'briefings.send'>) => Promise<string | null>;
  cancel: () => void;
}

export interface BriefingDraft {
  fields: DraftFields;
  set: (change: Partial<DraftFields>) => void;
  files: StagedFiles;
  sender: BriefingSend;
  /** Changes when the draft starts over, so the body's editor starts from the empty body again. */
  generation: number;
  /** Something was typed, chosen or attached. */
  touched: boolean;
  /** Throws the draft away: what was typed, and the files staged with main. */
  discard: () => void;
}

/** At a lock or wipe: no draft outlives the unlocked session. */
export function dropKeptBriefingDrafts(): void {
  dropAllDrafts();
}

export function useBriefingDraft(spaceId: string | null): BriefingDraft {
  const key = spaceId ?? '';
  const entry = draftEntry(key, spaceId);
  const subscribe = useCallback((listener: () => void) => listenToDraft(entry, listener), [entry]);
  const state = useSyncExternalStore(subscribe, () => entry.state);

  return useMemo(() => {
    const set = (change: Partial<DraftFields>): void =>
      changeDraft(entry, (current) => ({
        ...current,
        fields: { ...current.fields, ...change },
        touched: true,
      }));
    return {
      fields: state.fields,
      set,
      files: {
        files: state.files,
        overflow: state.overflow,
        add: (chosen) => addFiles(entry, chosen),
        remove: (fileKey) => removeFile(entry, fileKey),
      },
      sender: {
        sending: state.sending,
        progress: state.progress,
        error: state.error,
        send: (args) => sendDraft(entry, args),
        cancel: () => cancelSend(entry),
      },
      generation: state.generation,
      touched: state.touched || state.files.length > 0,
      discard: () => {
        discardFiles(entry);
        startOver(entry);
      },
    };
  }, [entry, state]);
}
