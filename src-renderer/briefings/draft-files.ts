// The files attached to a briefing draft: each is staged with main as soon as it is chosen
// (progress, cancel), and kept staged until the briefing is sent or the draft is thrown away, not
// when its screen goes. What main removed from a picture comes back with the staged file.
import { BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';
import { call } from '../bridge/call';
import { changeDraft, type DraftEntry, type DraftFile } from './briefing-drafts';
import { stageFile, type StageCalls, type StageControl } from './stage-file';

const calls: StageCalls = {
  begin: (args) => call('briefings.stageBegin', args),
  append: (args) => call('briefings.stageAppend', args),
  cancel: (stageId) => call('briefings.stageCancel', { stageId }),
};

function patchFile(entry: DraftEntry, key: number, change: Partial<DraftFile>): void {
  changeDraft(entry, (state) => ({
    ...state,
    files: state.files.map((file) => (file.key === key ? { ...file, ...change } : file)),
  }));
}

export function addFiles(entry: DraftEntry, chosen: readonly File[]): void {
  const { work } = entry;
  // Counted from the controls, which change at once: two quick picks cannot pass the limit.
  const room = Math.max(0, BRIEFING_LIMITS.attachmentsMax - work.controls.size);
  changeDraft(entry, (state) => ({ ...state, overflow: chosen.length > room }));
  for (const file of chosen.slice(0, room)) {
    const key = work.nextKey++;
    const control: StageControl = { cancelled: false, stageId: null };
    work.controls.set(key, control);
    const row: DraftFile = {
      key,
      name: file.name,
      size: file.size,
      image: file.type.startsWith('image/'),
      state: 'staging',
      done: 0,
      stageId: null,
      removed: [],
      error: null,
    };
    changeDraft(entry, (state) => ({ ...state, files: [...state.files, row] }));
    void stageFile(file, calls, control, (done) => patchFile(entry, key, { done })).then(
      (outcome) => {
        if (control.cancelled) return;
        if (outcome.ok) {
          const staged = outcome.value;
          patchFile(entry, key, {
            state: 'ready',
            stageId: staged.stageId,
            image: staged.image,
            removed: staged.removed,
            done: file.size,
          });
        } else {
          patchFile(entry, key, { state: 'failed', error: outcome.error });
        }
      },
    );
  }
}

function dropControl(entry: DraftEntry, key: number): void {
  const control = entry.work.controls.get(key);
  if (!control) return;
  entry.work.controls.delete(key);
  control.cancelled = true;
  // A file still staging drops its stage itself at its next piece; a finished one is dropped here.
  if (control.stageId !== null) void call('briefings.stageCancel', { stageId: control.stageId });
}

/** Stops a file still being staged, or forgets a staged or failed one (main drops it). */
export function removeFile(entry: DraftEntry, key: number): void {
  dropControl(entry, key);
  changeDraft(entry, (state) => ({
    ...state,
    files: state.files.filter((file) => file.key !== key),
    overflow: false,
  }));
}

/** The draft was thrown away: main drops every staged file. */
export function discardFiles(entry: DraftEntry): void {
  for (const key of [...entry.work.controls.keys()]) dropControl(entry, key);
}

/** The briefing was sent: main took the staged files, so nothing is cancelled. */
export function forgetSentFiles(entry: DraftEntry): void {
  entry.work.controls.clear();
}
