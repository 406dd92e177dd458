// An edit too large for one relay frame is cut into updates that each fit one and together give the
// same document: long pastes (plain, Cyrillic, rich text), a paste replacing a selection, a paste
// partly deleted since, and a bundle of several authors' edits.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { splitUpdate } from '../../src-main/core/sync/update-split';

const KB = 1024;
const LIMIT = 256 * KB;

/** A document with some text, and the update `edit` makes on it (captured as the app stores it). */
function editOn(before: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array): void => {
    updates.push(u);
  };
  before.on('updateV2', listener);
  edit(before);
  before.off('updateV2', listener);
  expect(updates).toHaveLength(1);
  return updates[0]!;
}

/** What a receiver holding `base` sees after the pieces, applied one by one. */
function received(base: Uint8Array, pieces: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, base);
  for (const piece of pieces) Y.applyUpdateV2(doc, piece);
  return doc;
}

function author(text = 'the plan so far. '): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('splitUpdate', () => {
  it('cuts a 1.2 MB paste into pieces under the limit that rebuild the same text', () => {
    const doc = author();
    const base = Y.encodeStateAsUpdateV2(doc);
    const paste = editOn(doc, (d) => d.getText('t').insert(5, 'x'.repeat(1200 * KB)));
    expect(paste.length).toBeGreaterThan(1024 * KB);

    const pieces = splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, LIMIT)!;
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(LIMIT);
    const other = received(base, pieces);
    expect(other.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(Y.encodeStateVector(other)).toEqual(Y.encodeStateVector(doc));
  });

  it('keeps each piece under the limit for text of two bytes a character', () => {
    const doc = author();
    const base = Y.encodeStateAsUpdateV2(doc);
    const paste = editOn(doc, (d) => d.getText('t').insert(0, 'свобода '.repeat(100 * KB)));
    const pieces = splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, LIMIT)!;
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(LIMIT);
    expect(received(base, pieces).getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('never cuts an emoji in two (Yjs would make both halves U+FFFD at every receiver)', () => {
    const doc = author();
    const base = Y.encodeStateAsUpdateV2(doc);
    // Cut every few hundred bytes, so that cuts fall all over the pairs.
    const paste = editOn(doc, (d) => d.getText('t').insert(0, '✊🏽 solidarity 🔥 '.repeat(400)));
    const pieces = splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, 600)!;
    expect(pieces.length).toBeGreaterThan(10);
    const text = received(base, pieces).getText('t').toString();
    expect(text).not.toContain('\uFFFD');
    expect(text).toBe(doc.getText('t').toString());
  });

  it('carries the deletion of a paste that replaced a selection', () => {
    const doc = author('keep this, replace THIS PART, and this');
    const base = Y.encodeStateAsUpdateV2(doc);
    const paste = editOn(doc, (d) =>
      d.transact(() => {
        const t = d.getText('t');
        t.delete(19, 9);
        t.insert(19, 'y'.repeat(700 * KB));
      }),
    );
    const pieces = splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, LIMIT)!;
    const text = received(base, pieces).getText('t').toString();
    expect(text).toBe(doc.getText('t').toString());
    expect(text).not.toContain('THIS PART');
  });

  it('rebuilds rich text (paragraphs with formatting) as the editor writes it', () => {
    const doc = new Y.Doc();
    const base = Y.encodeStateAsUpdateV2(doc);
    const paste = editOn(doc, (d) =>
      d.transact(() => {
        const fragment = d.getXmlFragment('body');
        for (let i = 0; i < 300; i++) {
          const paragraph = new Y.XmlElement('paragraph');
          const text = new Y.XmlText();
          paragraph.insert(0, [text]);
          fragment.insert(fragment.length, [paragraph]);
          text.insert(0, `${i} `.repeat(2000), i % 3 === 0 ? { bold: true } : {});
        }
      }),
    );
    expect(paste.length).toBeGreaterThan(1024 * KB);
    const pieces = splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, LIMIT)!;
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(LIMIT);
    expect(received(base, pieces).getXmlFragment('body').toString()).toBe(
      doc.getXmlFragment('body').toString(),
    );
  });

  it('takes only the paste’s clocks from a document that has deleted part of it since', () => {
    // Main's replica collects deleted content: part of the paste is gone from it by the time it
    // is cut, and a later edit (its own outbox row) is in it too.
    const doc = new Y.Doc({ gc: true });
    doc.getText('t').insert(0, 'start ');
    const base = Y.encodeStateAsUpdateV2(doc);
    const paste = editOn(doc, (d) => d.getText('t').insert(6, 'z'.repeat(600 * KB) + 'END'));
    const later = editOn(doc, (d) => d.getText('t').delete(100, 400 * KB));
    const pieces = splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, LIMIT)!;
    const afterPieces = received(base, pieces);
    expect(afterPieces.getText('t').length).toBe(6 + 600 * KB + 3 - 400 * KB);
    Y.applyUpdateV2(afterPieces, later);
    expect(afterPieces.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('rebuilds a bundle of two authors’ edits', () => {
    const alice = author();
    const bob = new Y.Doc();
    Y.applyUpdateV2(bob, Y.encodeStateAsUpdateV2(alice));
    const base = Y.encodeStateAsUpdateV2(alice);
    const a = editOn(alice, (d) => d.getText('t').insert(0, 'a'.repeat(500 * KB)));
    const b = editOn(bob, (d) => d.getText('t').insert(3, 'b'.repeat(500 * KB)));
    const bundle = Y.mergeUpdatesV2([a, b]);
    Y.applyUpdateV2(alice, b);
    const pieces = splitUpdate(Y.encodeStateAsUpdateV2(alice), bundle, LIMIT)!;
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(LIMIT);
    expect(received(base, pieces).getText('t').toString()).toBe(alice.getText('t').toString());
  });

  it('sends one value over the piece size but within a frame in a piece of its own', () => {
    const doc = author();
    const base = Y.encodeStateAsUpdateV2(doc);
    const paste = editOn(doc, (d) =>
      d.transact(() => {
        d.getMap('m').set('image', 'i'.repeat(600 * KB));
        d.getText('t').insert(0, 'caption '.repeat(100 * KB));
      }),
    );
    const pieces = splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, LIMIT, 1000 * KB)!;
    expect(pieces.filter((piece) => piece.length > LIMIT)).toHaveLength(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1000 * KB);
    const other = received(base, pieces);
    expect(other.getMap('m').get('image')).toBe('i'.repeat(600 * KB));
    expect(other.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('gives up on one value no cut can split', () => {
    const doc = new Y.Doc();
    const paste = editOn(doc, (d) => d.getMap('m').set('image', 'i'.repeat(600 * KB)));
    expect(splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, LIMIT)).toBeNull();
  });

  it('gives up when the document does not hold the edit', () => {
    const doc = author();
    const paste = editOn(author(), (d) => d.getText('t').insert(0, 'q'.repeat(600 * KB)));
    expect(splitUpdate(Y.encodeStateAsUpdateV2(doc), paste, LIMIT)).toBeNull();
  });
});
