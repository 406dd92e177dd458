// The briefings being written in this unlocked session, one per screen key (a space, or '' for the
// briefings of all spaces), held outside any screen: what was typed, the files staged with main and
// a send under way all outlive a visit to another view, and a send that ends while its screen is
// away still clears its draft. All are dropped at every lock (main drops the staged files then too).
import type { ApiError } from '../../src-shared/api';
import type { BriefingProgress } from '../../src-shared/api/briefings-schemas';
import { contentFromPlainText, type NoteDoc } from '../../src-shared/notes/note-content';
import type { z } from 'zod';
import type { StageControl } from './stage-file';

export type Progress = z.infer<typeof BriefingProgress>;

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

export interface SendProgress {
  phase: Progress['phase'];
  done: number;
  total: number;
}

/** What a screen shows of its draft (a new object at every change). */
export interface DraftState {
  fields: DraftFields;
  /** Something was typed or chosen (files count on their own). */
  touched: boolean;
  /** Changes when the draft starts over, so the body's editor starts from the empty body again. */
  generation: number;
  files: readonly DraftFile[];
  /** More files were chosen than a briefing can carry: the rest were left out. */
  overflow: boolean;
  sending: boolean;
  progress: SendProgress | null;
  error: ApiError | null;
}

/** What is not shown: each staged file's control, and the bookkeeping of a send under way. */
export interface DraftWork {
  controls: Map<number, StageControl>;
  nextKey: number;
  /** The stage ids of the send's files, and the ids main's progress events named. */
  sendIds: string[];
  perFile: Map<string, Progress>;
  cancelWanted: boolean;
}

export interface DraftEntry {
  state: DraftState;
  readonly work: DraftWork;
  readonly listeners: Set<() => void>;
  /** Set at a lock: a send or staging that ends later changes nothing any screen can see. */
  dropped: boolean;
}

/** A week: long enough to be read, short enough not to linger (the author chooses). */
const DEFAULT_EXPIRY_HOURS = 168;

export function emptyFields(spaceId: string | null): DraftFields {
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

const entries = new Map<string, DraftEntry>();

/** The draft of a screen, made empty the first time it is asked for. */
export function draftEntry(key: string, spaceId: string | null): DraftEntry {
  let entry = entries.get(key);
  if (!entry) {
    entry = {
      state: {
        fields: emptyFields(spaceId),
        touched: false,
        generation: 0,
        files: [],
        overflow: false,
        sending: false,
        progress: null,
        error: null,
      },
      work: {
        controls: new Map(),
        nextKey: 1,
        sendIds: [],
        perFile: new Map(),
        cancelWanted: false,
      },
      listeners: new Set(),
      dropped: false,
    };
    entries.set(key, entry);
  }
  return entry;
}

export function changeDraft(entry: DraftEntry, change: (state: DraftState) => DraftState): void {
  if (entry.dropped) return;
  entry.state = change(entry.state);
  for (const listener of [...entry.listeners]) listener();
}

export function listenToDraft(entry: DraftEntry, listener: () => void): () => void {
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

/**
 * The draft starts over: what was typed goes, and a failed send's error (the caller has dealt with
 * the files).
 */
export function startOver(entry: DraftEntry): void {
  changeDraft(entry, (state) => ({
    ...state,
    fields: emptyFields(state.fields.spaceId),
    touched: false,
    generation: state.generation + 1,
    files: [],
    overflow: false,
    error: null,
  }));
}

/** Whether a send is under way in any draft: a lock now would stop it. */
export function briefingBeingSent(): boolean {
  return [...entries.values()].some((entry) => entry.state.sending);
}

/**
 * Whether a draft not being sent holds something (typed, chosen or attached, as "Continue draft"
 * counts it): a lock now would throw it away.
 */
export function briefingDraftWaiting(): boolean {
  return [...entries.values()].some(
    ({ state }) => !state.sending && (state.touched || state.files.length > 0),
  );
}

/** At a lock or wipe: no draft outlives the unlocked session. */
export function dropAllDrafts(): void {
  for (const entry of entries.values()) {
    entry.dropped = true;
    // Stages still being handed over stop at their next piece; main forgets the rest at the lock.
    for (const control of entry.work.controls.values()) control.cancelled = true;
    entry.listeners.clear();
  }
  entries.clear();
}
