// Files the user attaches while composing, sealed as they arrive from the renderer in pieces: a
// plain file goes through secretstream chunk by chunk into the vault (never on disk unencrypted,
// never whole in memory); an image is held until complete (bounded), its metadata removed, then
// sealed the same way.
import { randomUUID } from 'node:crypto';
import { LIMITS } from '../../../src-shared/limits';
import { toHex } from '../../../src-shared/protocol/bytes';
import {
  memzero,
  randomBytes,
  SECRETSTREAM_KEY_BYTES,
  secretStreamPush,
  type SecretStreamPush,
} from '../crypto/sodium';
import { SuviazError } from '../errors';
import type { BlobStore } from './blob-store';
import { scrubImage } from './image-scrub';

const CHUNK = LIMITS.briefingAttachments.chunkBytes;

export interface StagedAttachment {
  stageId: string;
  blobId: string;
  name: string;
  mime: string;
  /** Bytes sealed (after an image's metadata was removed). */
  size: number;
  chunks: number;
  /** Plaintext bytes per sealed chunk. */
  chunkBytes: number;
  key: Uint8Array;
  header: Uint8Array;
  image: boolean;
  removed: string[];
}

interface Stage {
  stageId: string;
  blobId: string;
  name: string;
  mime: string;
  declared: number;
  received: number;
  /** An image's bytes until complete; null for a file sealed as it arrives. */
  imageParts: Uint8Array[] | null;
  /** Plaintext not yet sealed: at most one chunk and a piece. */
  pending: Buffer;
  sealed: number;
  chunks: number;
  key: Uint8Array;
  stream: SecretStreamPush;
  done: StagedAttachment | null;
}

/** Leading bytes of the images whose metadata is removed; null matches any byte (a size). */
const IMAGE_MAGIC: readonly (number | null)[][] = [
  [0xff, 0xd8, 0xff], // JPEG
  [0x89, 0x50, 0x4e, 0x47], // PNG
  // RIFF, its size, then WEBP: a WAV or AVI recording is a RIFF too, and no image.
  [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50],
];
const looksLikeImage = (first: Uint8Array): boolean =>
  IMAGE_MAGIC.some((magic) => magic.every((byte, i) => byte === null || first[i] === byte));

export function attachmentStaging(blobs: BlobStore, maxBytes: () => number) {
  const stages = new Map<string, Stage>();

  function find(stageId: string): Stage {
    const stage = stages.get(stageId);
    if (!stage) throw new SuviazError('not-found', 'This attachment is no longer being prepared.');
    return stage;
  }

  function drop(stage: Stage): void {
    stages.delete(stage.stageId);
    blobs.forget(stage.blobId);
    memzero(stage.key);
    stage.pending.fill(0);
  }

  /**
   * Seals every whole chunk pending but one (only the end knows which chunk is the last) and
   * stores them in one transaction.
   */
  function sealPending(stage: Stage, end: boolean): void {
    const sealed: { index: number; bytes: Uint8Array }[] = [];
    const push = (bytes: Uint8Array, final: boolean): void => {
      sealed.push({ index: stage.chunks, bytes: stage.stream.push(bytes, final) });
      stage.sealed += bytes.length;
      stage.chunks++;
    };
    let at = 0;
    while (stage.pending.length - at > CHUNK) {
      push(stage.pending.subarray(at, at + CHUNK), false);
      at += CHUNK;
    }
    if (end) {
      push(stage.pending.subarray(at), true);
      at = stage.pending.length;
    }
    stage.pending = Buffer.from(stage.pending.subarray(at));
    blobs.putAll(stage.blobId, sealed);
  }

  function finish(stage: Stage): StagedAttachment {
    let removed: string[] = [];
    const wasImage = stage.imageParts !== null;
    if (stage.imageParts) {
      const scrubbed = scrubImage(new Uint8Array(Buffer.concat(stage.imageParts)));
      stage.imageParts = null;
      removed = scrubbed.removed;
      stage.pending = Buffer.from(scrubbed.bytes);
    }
    sealPending(stage, true);
    stage.done = {
      stageId: stage.stageId,
      blobId: stage.blobId,
      name: stage.name,
      mime: stage.mime,
      size: stage.sealed,
      chunks: stage.chunks,
      chunkBytes: CHUNK,
      key: stage.key,
      header: stage.stream.header,
      image: wasImage,
      removed,
    };
    return stage.done;
  }

  const view = (stage: Stage) => ({
    stageId: stage.stageId,
    name: stage.name,
    size: stage.done?.size ?? stage.declared,
    image: stage.done?.image ?? stage.mime.startsWith('image/'),
    removed: stage.done?.removed ?? [],
  });

  function append(stageId: string, piece: Uint8Array) {
    const stage = find(stageId);
    try {
      if (stage.done) throw new SuviazError('invalid-args', 'This attachment is complete.');
      if (stage.received + piece.length > stage.declared) {
        throw new SuviazError('attachment-unreadable', 'The file changed while it was read.');
      }
      if (stage.received === 0 && piece.length > 0 && looksLikeImage(piece)) {
        if (stage.declared > LIMITS.briefingAttachments.imageScrubMaxBytes) {
          throw new SuviazError(
            'attachment-too-large',
            'Images this large cannot be cleaned of their metadata; send a smaller copy.',
          );
        }
        stage.imageParts = [];
      }
      stage.received += piece.length;
      if (stage.imageParts) {
        stage.imageParts.push(piece);
      } else {
        stage.pending = Buffer.concat([stage.pending, piece]);
        if (stage.pending.length > CHUNK) sealPending(stage, false);
      }
      if (stage.received === stage.declared) finish(stage);
      return view(stage);
    } catch (error) {
      drop(stage);
      throw error;
    }
  }

  return {
    begin(args: { name: string; mime: string; size: number }) {
      if (args.size > maxBytes()) {
        throw new SuviazError(
          'attachment-too-large',
          `This file is larger than ${Math.floor(maxBytes() / 1024 / 1024)} MB, ` +
            'the most a briefing takes.',
        );
      }
      const key = randomBytes(SECRETSTREAM_KEY_BYTES);
      const stage: Stage = {
        stageId: randomUUID(),
        blobId: toHex(randomBytes(16)),
        name: args.name,
        mime: args.mime,
        declared: args.size,
        received: 0,
        imageParts: null,
        pending: Buffer.alloc(0),
        sealed: 0,
        chunks: 0,
        key,
        stream: secretStreamPush(key),
        done: null,
      };
      stages.set(stage.stageId, stage);
      blobs.staging(stage.blobId);
      return stage.declared === 0 ? append(stage.stageId, new Uint8Array(0)) : view(stage);
    },

    append,

    /** The sealed attachment, once every byte arrived. */
    ready(stageId: string): StagedAttachment {
      const stage = find(stageId);
      if (!stage.done) throw new SuviazError('invalid-args', 'An attachment is still being read.');
      return stage.done;
    },

    /** Sent: the sealed chunks stay (they are the sender's own copy); the stage is forgotten. */
    release(stageId: string): void {
      const stage = stages.get(stageId);
      if (stage) blobs.sent(stage.blobId);
      stages.delete(stageId);
    },

    cancel(stageId: string): void {
      const stage = stages.get(stageId);
      if (stage) drop(stage);
    },

    clear(): void {
      for (const stage of [...stages.values()]) drop(stage);
    },
  };
}

export type AttachmentStaging = ReturnType<typeof attachmentStaging>;
