// The renderer sends its edits as Yjs V1 updates (the 'update' event: encoding V2 per transaction
// cost a full-speed typist 2.5× the time of V1, docs/performance.md); main keeps V2 everywhere
// else (vault rows, envelopes). One conversion per 'docs.update' call, which carries every edit the
// renderer made while the previous call was in flight.
import * as Y from 'yjs';
import { SuviazError } from '../errors';

/** The V2 form of a renderer's V1 update; an update Yjs cannot read is refused before it is stored. */
export function rendererUpdateToV2(update: Uint8Array): Uint8Array {
  try {
    return Y.convertUpdateFormatV1ToV2(update);
  } catch (error) {
    throw new SuviazError('invalid-args', `That edit could not be read: ${String(error)}`);
  }
}
