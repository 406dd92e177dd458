// The renderer's edits arrive as Yjs V1 updates: main stores and sends the same edit as V2, and
// refuses bytes Yjs cannot read with a clear error before anything is stored.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SuviazError } from '../../src-main/core/errors';
import { rendererUpdateToV2 } from '../../src-main/core/sync/renderer-update';

describe("the renderer's updates", () => {
  it('become the V2 update of the same edit', () => {
    const renderer = new Y.Doc();
    const sent: Uint8Array[] = [];
    renderer.on('update', (update: Uint8Array) => sent.push(update));
    renderer.getText('t').insert(0, 'Meet at the library');
    renderer.getText('t').delete(0, 5);
    const main = new Y.Doc();
    for (const update of sent) Y.applyUpdateV2(main, rendererUpdateToV2(update));
    expect(main.getText('t').toString()).toBe('at the library');
  });

  it('refuses bytes that are not an update, naming the problem', () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
    expect(() => rendererUpdateToV2(garbage)).toThrow(SuviazError);
    expect(() => rendererUpdateToV2(garbage)).toThrow(/could not be read/);
    try {
      rendererUpdateToV2(garbage);
    } catch (error) {
      expect((error as SuviazError).code).toBe('invalid-args');
    }
  });
});
