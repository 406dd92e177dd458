// Frames that name a longer membership log than this device holds wait for a refresh. A relay that
// announces such a log, withholds it, and floods frames must not fill main's memory: past a bound
// the verifier judges what waits (and refuses what it must).
import { describe, expect, it } from 'vitest';
import { createHeldFrames, MAX_HELD_BYTES, type Frame } from '../../src-main/core/sync/held-frames';
import type { OpenDoc, OpenDocs } from '../../src-main/core/sync/open-documents';
import type { Envelope } from '../../src-shared/protocol/envelope';

const DOC = 'd'.repeat(32);
const MB = 1024 * 1024;

describe('held frames', () => {
  it('are handed to the verifier once they hold too many bytes, not kept without end', () => {
    const judged: number[] = [];
    // Only what holding reads: the group's keys and log, and where frames are delivered.
    const doc = {
      group: { epochKeys: new Map([[0, new Uint8Array(32)]]), state: { length: 3, epoch: 0 } },
      sync: { onDeliver: (seq: number) => judged.push(seq), onLink: () => undefined },
    } as unknown as OpenDoc;
    const docs: OpenDocs = new Map([[DOC, doc]]);
    // The relay never answers the refresh.
    const held = createHeldFrames({
      docs,
      refreshQuietly: () => new Promise(() => undefined),
      onFrameError: (error) => {
        throw error;
      },
    });
    const frame = (seq: number): Frame => ({
      seq,
      needs: { epoch: 0, logLength: 10 },
      isLink: false,
      envelope: {
        headerBytes: new Uint8Array(100),
        ciphertext: new Uint8Array(MB),
      } as unknown as Envelope,
    });
    // The frame that takes the queue past the bound (32 MiB) sends all of it to the verifier, in
    // order; the next one waits on its own again.
    const bound = 32;
    expect(MAX_HELD_BYTES).toBe(bound * MB);
    for (let seq = 1; seq <= bound + 1; seq++) {
      expect(held.holdIfEarly(DOC, doc, frame(seq))).toBe(true);
    }
    expect(judged).toEqual(Array.from({ length: bound }, (_, i) => i + 1));
    expect(held.has(DOC)).toBe(true);
    expect(held.holdIfEarly(DOC, doc, frame(bound + 2))).toBe(true);
    expect(judged).toHaveLength(bound);
  });

  it('goes on with the rest when one released frame throws, and says so', () => {
    const judged: number[] = [];
    const failed: unknown[] = [];
    const doc = {
      group: { epochKeys: new Map([[0, new Uint8Array(32)]]), state: { length: 3, epoch: 0 } },
      sync: {
        onDeliver: (seq: number) => {
          if (seq === 2) throw new Error('disk full');
          judged.push(seq);
        },
        onLink: () => undefined,
      },
    } as unknown as OpenDoc;
    const docs: OpenDocs = new Map([[DOC, doc]]);
    const held = createHeldFrames({
      docs,
      refreshQuietly: () => new Promise(() => undefined),
      onFrameError: (error) => failed.push(error),
    });
    const frame = (seq: number): Frame => ({
      seq,
      needs: { epoch: 0, logLength: 10 },
      isLink: false,
      envelope: {
        headerBytes: new Uint8Array(1),
        ciphertext: new Uint8Array(1),
      } as unknown as Envelope,
    });
    for (const seq of [1, 2, 3]) held.holdIfEarly(DOC, doc, frame(seq));
    // Released as a timer or a refresh releases them: forced, outside any frame handler.
    held.release(DOC, true);
    expect(judged).toEqual([1, 3]);
    expect(failed).toHaveLength(1);
    expect(held.has(DOC)).toBe(false);
  });
});
