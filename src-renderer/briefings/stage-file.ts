// Hands one file to main for a briefing, piece by piece: briefings.stageBegin, then
// briefings.stageAppend with 1 MiB pieces read from the File with slice(), so the renderer never
// holds more than one piece of it. Cancelling (or a piece the system cannot read) tells main to
// drop what it staged, so nothing half-written is left behind.
import type { ApiError, CallOutcome, MethodResult } from '../../src-shared/api';
import { BRIEFING_LIMITS } from '../../src-shared/briefings/briefing-model';
import { toBase64 } from '../shared-doc/base64';

/** The bytes of one stageAppend: 1 MiB is 1,398,104 characters of base64, under the contract's cap. */
export const STAGE_PIECE_BYTES = 1024 * 1024;

type Staged = CallOutcome<MethodResult<'briefings.stageBegin'>>;

/** The three calls, so tests can stand in for main. */
export interface StageCalls {
  begin(args: { name: string; mime: string; size: number }): Promise<Staged>;
  append(args: { stageId: string; data: string }): Promise<Staged>;
  cancel(stageId: string): Promise<unknown>;
}

/** What stageFile needs of a File: its name, type, size, and slices. */
export interface FileLike {
  name: string;
  type: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export interface StageControl {
  /** Set by the cancel button; checked before each piece. */
  cancelled: boolean;
  /** Main's id, once stageBegin answered (for a cancel that comes while a piece is on its way). */
  stageId: string | null;
}

const cancelledError: ApiError = { code: 'transfer-cancelled', message: 'Cancelled.' };
const unreadableError: ApiError = {
  code: 'attachment-unreadable',
  message: 'The file could not be read.',
};

/** A name the contract accepts: at most 200 characters, keeping the extension. */
export function stageName(name: string): string {
  const max = BRIEFING_LIMITS.fileNameMaxChars;
  const clean = name.trim() || 'file';
  if (clean.length <= max) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return clean.slice(0, max - ext.length) + ext;
}

export async function stageFile(
  file: FileLike,
  calls: StageCalls,
  control: StageControl,
  onProgress: (done: number, total: number) => void,
): Promise<Staged> {
  const begun = await calls.begin({
    name: stageName(file.name),
    mime: (file.type || 'application/octet-stream').slice(0, 100),
    size: file.size,
  });
  if (!begun.ok) return begun;
  const stageId = begun.value.stageId;
  control.stageId = stageId;
  let staged: Staged = begun;
  let done = 0;
  onProgress(0, file.size);
  while (done < file.size) {
    if (control.cancelled) return drop(calls, stageId, cancelledError);
    const end = Math.min(file.size, done + STAGE_PIECE_BYTES);
    let piece: Uint8Array;
    try {
      piece = new Uint8Array(await file.slice(done, end).arrayBuffer());
    } catch {
      // The file was moved, deleted or is not readable any more.
      return drop(calls, stageId, unreadableError);
    }
    if (piece.length !== end - done) return drop(calls, stageId, unreadableError);
    staged = await calls.append({ stageId, data: toBase64(piece) });
    if (!staged.ok) return drop(calls, stageId, staged.error);
    done = end;
    onProgress(done, file.size);
  }
  if (control.cancelled) return drop(calls, stageId, cancelledError);
  return staged;
}

async function drop(calls: StageCalls, stageId: string, error: ApiError): Promise<Staged> {
  // Best effort: main forgets stages of a locked vault anyway.
  await calls.cancel(stageId).catch(() => undefined);
  return { ok: false, error };
}
