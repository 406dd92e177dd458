// An attachment as the vault holds it: sealed in secretstream chunks as the pieces arrive,
// opened only when every chunk checks — a flipped byte, a missing, swapped or extra chunk, or a
// stream cut at a chunk boundary is refused; a cancelled or failed staging leaves no chunk behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../../src-shared/briefings/briefing-model';
import { LIMITS } from '../../src-shared/limits';
import { attachmentStaging } from '../../src-main/core/briefings/attachment-staging';
import { attachmentTransfer } from '../../src-main/core/briefings/attachment-transfer';
import { blobStore } from '../../src-main/core/briefings/blob-store';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import type { DocAccess } from '../../src-main/core/sync/engine-doc-access';
import { createVault, type OpenVault } from '../../src-main/core/vault/vault';

const open: OpenVault[] = [];
afterEach(() => {
  for (const vault of open.splice(0)) vault.close();
});

async function setup() {
  const vault = await createVault(mkdtempSync(join(tmpdir(), 'suviaz-chunks-')), 'pass phrase 1', {
    kdf: KDF_FAST_FOR_TESTS,
  });
  open.push(vault);
  const blobs = blobStore(vault.db);
  const staging = attachmentStaging(blobs, () => 10 * 1024 * 1024);
  // Opening needs no relay: the transfer's network side is not reached here.
  const transfer = attachmentTransfer(blobs, {} as DocAccess);
  return { vault, blobs, staging, transfer };
}

type Setup = Awaited<ReturnType<typeof setup>>;

function seal(s: Setup, bytes: Uint8Array, pieceBytes = 100_000): AttachmentRef {
  const { stageId } = s.staging.begin({
    name: 'a.bin',
    mime: 'application/pdf',
    size: bytes.length,
  });
  for (let at = 0; at < bytes.length; at += pieceBytes) {
    s.staging.append(stageId, bytes.subarray(at, at + pieceBytes));
  }
  const staged = s.staging.ready(stageId);
  return {
    blobId: staged.blobId,
    name: staged.name,
    mime: staged.mime,
    size: staged.size,
    chunks: staged.chunks,
    chunkBytes: staged.chunkBytes,
    key: Buffer.from(staged.key).toString('base64'),
    header: Buffer.from(staged.header).toString('base64'),
    image: staged.image,
    removed: staged.removed,
  };
}

const rows = (s: Setup, blobId: string) =>
  s.vault.db
    .prepare('SELECT idx, bytes FROM briefing_blobs WHERE blob_id = ? ORDER BY idx')
    .all(blobId) as { idx: number; bytes: Buffer }[];

describe('attachment chunks', () => {
  it('round-trip for sizes around the chunk boundary, the last chunk alone marked final', async () => {
    const s = await setup();
    const C = LIMITS.briefingAttachments.chunkBytes;
    for (const size of [0, 1, C - 1, C, C + 1, 3 * C, 2 * C + 300_001]) {
      const bytes = new Uint8Array(randomBytes(size));
      const ref = seal(s, bytes, 40_000);
      expect(ref.chunks).toBe(Math.max(1, Math.ceil(size / C)));
      expect(rows(s, ref.blobId).map((r) => r.bytes.length)).toEqual(
        Array.from({ length: ref.chunks }, (_, i) => Math.min(C, size - i * C) + 17),
      );
      expect(Buffer.compare(s.transfer.open(ref), Buffer.from(bytes))).toBe(0);
    }
  });

  it('refuses a flipped byte, a missing, swapped or extra chunk, and a cut stream', async () => {
    const s = await setup();
    const bytes = new Uint8Array(randomBytes(4 * LIMITS.briefingAttachments.chunkBytes + 10));
    const tamperings: ((ref: AttachmentRef) => AttachmentRef)[] = [
      (ref) => {
        const [, second] = rows(s, ref.blobId);
        second!.bytes[5] = (second!.bytes[5] ?? 0) ^ 1;
        s.blobs.put(ref.blobId, 1, second!.bytes);
        return ref;
      },
      (ref) => {
        const [first, second] = rows(s, ref.blobId);
        s.blobs.put(ref.blobId, 0, second!.bytes);
        s.blobs.put(ref.blobId, 1, first!.bytes);
        return ref;
      },
      // The briefing says one chunk fewer (a stream cut at a boundary): the last read is not final.
      (ref) => ({ ...ref, chunks: ref.chunks - 1, size: ref.size - 10 }),
      // One chunk more than sealed: the final one comes too early.
      (ref) => {
        s.blobs.put(ref.blobId, ref.chunks, new Uint8Array(27));
        return { ...ref, chunks: ref.chunks + 1, size: ref.size + 10 };
      },
    ];
    for (const tamper of tamperings) {
      const ref = tamper(seal(s, bytes));
      expect(() => s.transfer.open(ref)).toThrow(
        expect.objectContaining({ code: 'attachment-damaged' }),
      );
    }
    // A file larger than can be handed over whole says so (whatever this device's sending limit).
    const huge = { ...seal(s, bytes), size: LIMITS.briefings.openMaxBytes + 1 };
    expect(() => s.transfer.open(huge)).toThrow(
      expect.objectContaining({ code: 'attachment-too-large-to-open' }),
    );
    const gone = seal(s, bytes);
    s.vault.db.prepare('DELETE FROM briefing_blobs WHERE blob_id = ? AND idx = 2').run(gone.blobId);
    expect(() => s.transfer.open(gone)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('keeps nothing of a cancelled attachment, nor of one never sent when the app starts again', async () => {
    const s = await setup();
    const { stageId } = s.staging.begin({ name: 'b.bin', mime: 'text/plain', size: 3_000_000 });
    s.staging.append(stageId, new Uint8Array(2 * LIMITS.briefingAttachments.chunkBytes + 1));
    expect(s.vault.db.prepare('SELECT count(*) AS n FROM briefing_blobs').get()).toEqual({ n: 2 });
    s.staging.cancel(stageId);
    expect(s.vault.db.prepare('SELECT count(*) AS n FROM briefing_blobs').get()).toEqual({ n: 0 });
    // Composed but never sent, then the app stopped: the next session's start clears it.
    seal(s, new Uint8Array(100_000));
    blobStore(s.vault.db).dropUnsent();
    expect(s.vault.db.prepare('SELECT count(*) AS n FROM briefing_blobs').get()).toEqual({ n: 0 });
  });
});
