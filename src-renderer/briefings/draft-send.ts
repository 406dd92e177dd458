// Sending a briefing draft: one briefings.send at a time, its progress from 'briefings.progress' and
// a cancel that reaches main. It belongs to the draft, not the screen: leaving the screen neither
// stops it nor loses its outcome, and a briefing that went out clears its draft wherever the user is.
// Main reports the upload per staged file (the event's id is the file's stage id), so the bar adds
// up the files of this send; a cancel names one of them, which stops the whole send. Events of
// other phases of this send (seal, send) are taken by the id they carry.
import type { MethodArgs } from '../../src-shared/api';
import { call, onEvent } from '../bridge/call';
import {
  changeDraft,
  startOver,
  type DraftEntry,
  type Progress,
  type SendProgress,
} from './briefing-drafts';
import { forgetSentFiles } from './draft-files';

const SEND_PHASES: ReadonlySet<Progress['phase']> = new Set(['seal', 'upload', 'send']);

/** The whole send's progress from the latest event of each file. */
export function addUp(files: ReadonlyMap<string, Progress>): SendProgress | null {
  const all = [...files.values()];
  const last = all.at(-1);
  if (!last) return null;
  return {
    phase: last.phase,
    done: all.reduce((sum, p) => sum + p.done, 0),
    total: all.reduce((sum, p) => sum + p.total, 0),
  };
}

function onProgress(entry: DraftEntry, event: Progress): void {
  const { work } = entry;
  if (!SEND_PHASES.has(event.phase)) return;
  const ours = work.sendIds.includes(event.id) || event.phase !== 'upload';
  if (!ours) return;
  if (!work.sendIds.includes(event.id)) {
    work.sendIds.push(event.id);
    if (work.cancelWanted) void call('briefings.cancel', { id: event.id });
  }
  work.perFile.set(event.id, event);
  changeDraft(entry, (state) => ({ ...state, progress: addUp(work.perFile) }));
}

/** Resolves to the new briefing's id, or null when it failed (the error is kept with the draft). */
export async function sendDraft(
  entry: DraftEntry,
  args: MethodArgs<'briefings.send'>,
): Promise<string | null> {
  if (entry.state.sending) return null;
  const { work } = entry;
  work.sendIds = [...args.stagedFiles];
  work.perFile = new Map();
  work.cancelWanted = false;
  changeDraft(entry, (state) => ({ ...state, sending: true, progress: null, error: null }));
  const stopListening = onEvent('briefings.progress', (event) => onProgress(entry, event));
  try {
    const outcome = await call('briefings.send', args);
    if (!outcome.ok) {
      changeDraft(entry, (state) => ({ ...state, error: outcome.error }));
      return null;
    }
    forgetSentFiles(entry);
    startOver(entry);
    return outcome.value.id;
  } finally {
    stopListening();
    changeDraft(entry, (state) => ({ ...state, sending: false, progress: null }));
  }
}

export function cancelSend(entry: DraftEntry): void {
  if (!entry.state.sending) return;
  entry.work.cancelWanted = true;
  for (const id of entry.work.sendIds) void call('briefings.cancel', { id });
}
