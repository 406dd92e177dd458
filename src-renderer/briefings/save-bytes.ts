// Opens an attachment's bytes from main (briefings.openFile) for the renderer: as a Blob for an
// inline picture, or saved through the platform's download after the user's warning. The shell
// lets through only blob: downloads of the app's own pages (src-main/app/download-rules.ts).
import type { ApiError, CallOutcome } from '../../src-shared/api';
import { call } from '../bridge/call';
import { fromBase64 } from '../shared-doc/base64';

export interface OpenedFile {
  name: string;
  blob: Blob;
}

const damaged: ApiError = { code: 'attachment-damaged', message: 'The file could not be decoded.' };

export async function openAttachment(id: string, index: number): Promise<CallOutcome<OpenedFile>> {
  const outcome = await call('briefings.openFile', { id, index });
  if (!outcome.ok) return outcome;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(outcome.value.data) as Uint8Array<ArrayBuffer>;
  } catch {
    return { ok: false, error: damaged };
  }
  const type = outcome.value.mime || 'application/octet-stream';
  return { ok: true, value: { name: outcome.value.name, blob: new Blob([bytes], { type }) } };
}

export { saveBlob } from '../lib/save-blob';
