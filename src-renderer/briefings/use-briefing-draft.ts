// The briefing being written, kept by the briefings screen while it is open: reading a briefing
// and coming back to compose finds everything as it was, and a failed send loses nothing.
import { useCallback, useState } from 'react';
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

export function useBriefingDraft(spaceId: string | null): BriefingDraft {
  const [fields, setFields] = useState(() => emptyDraft(spaceId));
  const [touched, setTouched] = useState(false);
  const [generation, setGeneration] = useState(0);
  const files = useStagedFiles();
  const { discardAll, forgetSent } = files;

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
