// The briefing being written, kept by the briefings screen while it is open: reading a briefing
// and coming back to compose finds everything as it was, and a failed send loses nothing; what was
// typed also outlives the screen itself (another view and back) until the vault locks.
import { useCallback, useEffect, useState } from 'react';
import type { NoteDoc } from '../../src-shared/notes/note-content';
import { contentFromPlainText } from '../../src-shared/notes/note-content';
import { useStagedFiles, type StagedFiles } from './use-staged-files';

export interface DraftFields {
  spaceId: string | null;
  title: string;
  body: NoteDoc;
  /** Everyone in the space, or only the chosen members' devices. */
  wholeSpace: boolean;
  chosen: readonly string[];
  expiresInHours: number | null;
  receipts: boolean;
  canary: boolean;
}

export interface BriefingDraft {
  fields: DraftFields;
  set: (change: Partial<DraftFields>) => void;
  files: StagedFiles;
  /** Changes when the draft starts over, so the body's editor starts from the empty body again. */
  generation: number;
  /** Something was typed, chosen or attached. */
  touched: boolean;
  /** Starts over; staged files are dropped unless they were just sent. */
  reset: (sent: boolean) => void;
}

/** A week: long enough to be read, short enough not to linger (the author chooses). */
const DEFAULT_EXPIRY_HOURS = 168;

function emptyDraft(spaceId: string | null): DraftFields {
  return {
    spaceId,
    title: '',
    body: contentFromPlainText(''),
    wholeSpace: true,
    chosen: [],
    expiresInHours: DEFAULT_EXPIRY_HOURS,
    receipts: true,
    canary: false,
  };
}

/**
 * What was typed in a draft whose screen is away (another view of the space, a note), by space:
 * it comes back with the screen. Only in this renderer's memory, and dropped at every lock. Files
 * are not kept: main drops a draft's staged files when its screen goes, so they are added again.
 */
const kept = new Map<string, DraftFields>();

/** At a lock or wipe: no draft outlives the unlocked session. */
export function dropKeptBriefingDrafts(): void {
  kept.clear();
}

export function useBriefingDraft(spaceId: string | null): BriefingDraft {
  const key = spaceId ?? '';
  const [fields, setFields] = useState(() => kept.get(key) ?? emptyDraft(spaceId));
  const [touched, setTouched] = useState(() => kept.has(key));
  const [generation, setGeneration] = useState(0);
  const files = useStagedFiles();
  const { discardAll, forgetSent } = files;
  useEffect(() => {
    if (touched) kept.set(key, fields);
    else kept.delete(key);
  }, [key, fields, touched]);

  const set = useCallback((change: Partial<DraftFields>) => {
    setFields((current) => ({ ...current, ...change }));
    setTouched(true);
  }, []);

  const reset = useCallback(
    (sent: boolean) => {
      if (sent) forgetSent();
      else discardAll();
      setFields((current) => emptyDraft(spaceId ?? current.spaceId));
      setTouched(false);
      setGeneration((n) => n + 1);
    },
    [spaceId, forgetSent, discardAll],
  );

  return { fields, set, files, generation, touched: touched || files.files.length > 0, reset };
}
