// Another member's Yjs update is read on a budget: a few bytes that claim millions of structs are
// refused at once, while every update Yjs itself writes, even the densest we could make, passes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isYjsUpdate } from '../../src-main/core/sync/envelope-checks';
import { BoundedUpdateDecoderV2, UpdateTooDenseError } from '../../src-shared/yjs-bounded-decoder';
import { yjsUpdateBomb } from '../support/yjs-update-bomb';

/** The densest real update found: two writers alternating single characters, then all deleted. */
function denseDocument(): Uint8Array {
  const [a, b] = [new Y.Doc({ gc: false }), new Y.Doc({ gc: false })];
  for (let i = 0; i < 3000; i++) {
    const [from, to] = i % 2 ? [a, b] : [b, a];
    from.getText('t').insert(from.getText('t').length, 'x');
    Y.applyUpdateV2(to, Y.encodeStateAsUpdateV2(from, Y.encodeStateVector(to)));
  }
  a.getText('t').delete(0, a.getText('t').length);
  return Y.encodeStateAsUpdateV2(a);
}

describe('bounded Yjs update reading', () => {
  it('refuses an update that claims ten million structs in a few bytes', () => {
    // Unbounded, Yjs takes some 15 s and 1.6 GB for this; far longer for the 4 billion it allows.
    const bomb = yjsUpdateBomb(10_000_000);
    expect(bomb.length).toBeLessThan(32);
    expect(isYjsUpdate(bomb)).toBe(false);
    expect(() => Y.applyUpdateV2(new Y.Doc(), bomb, undefined, BoundedUpdateDecoderV2)).toThrow(
      UpdateTooDenseError,
    );
  });

  it('takes what Yjs writes: a dense document, a small edit and an empty update', () => {
    const dense = denseDocument();
    expect(isYjsUpdate(dense)).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, dense, undefined, BoundedUpdateDecoderV2);
    expect(doc.getText('t').toString()).toBe('');
    const small = new Y.Doc();
    small.getText('t').insert(0, 'hello');
    expect(isYjsUpdate(Y.encodeStateAsUpdateV2(small))).toBe(true);
    expect(isYjsUpdate(Y.encodeStateAsUpdateV2(new Y.Doc()))).toBe(true);
  });
});
