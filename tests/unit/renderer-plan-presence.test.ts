// The plan editor's live cursors: y-prosemirror's awareness cursor to the presence API's base64
// relative positions and back, and peers from main shown (and removed) in the awareness.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CursorValue } from '../../src-renderer/shared-doc/presence-reporter';
import {
  CURSOR_COLOURS,
  PresenceAwareness,
  decodeCursorPosition,
  encodeCursorPosition,
  localCursorToPresence,
  peerColour,
  presenceCursorToAwareness,
} from '../../src-renderer/plans/presence-awareness';
import { toBase64 } from '../../src-renderer/shared-doc/base64';

const ME = '1'.repeat(64);
const ANNA = 'a'.repeat(64);
const BORYS = 'b'.repeat(64);

function planDoc() {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('plan:p');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('Hello world');
  paragraph.insert(0, [text]);
  body.insert(0, [paragraph]);
  return { doc, body, text };
}

const absolute = (position: Y.RelativePosition, doc: Y.Doc) => {
  const at = Y.createAbsolutePositionFromRelativePosition(position, doc);
  return at && { type: at.type, index: at.index };
};

describe('cursor positions', () => {
  it('survive the way to the presence API and back', () => {
    const { doc, body, text } = planDoc();
    for (const position of [
      Y.createRelativePositionFromTypeIndex(text, 5),
      Y.createRelativePositionFromTypeIndex(text, text.length, -1),
      Y.createRelativePositionFromTypeIndex(body, 0, -1),
    ]) {
      // y-prosemirror keeps Y.RelativePosition objects in the local state; remote ones are JSON.
      for (const local of [position, Y.relativePositionToJSON(position)]) {
        const encoded = encodeCursorPosition(local);
        expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
        const decoded = decodeCursorPosition(encoded ?? '', doc);
        expect(decoded).not.toBeNull();
        expect(absolute(Y.createRelativePositionFromJSON(decoded), doc)).toEqual(
          absolute(position, doc),
        );
      }
    }
  });

  it('are dropped, not thrown, when malformed', () => {
    const { doc } = planDoc();
    for (const bad of ['', 'not base64!', toBase64(new Uint8Array([255, 255, 255, 255, 255]))]) {
      expect(decodeCursorPosition(bad, doc)).toBeNull();
    }
    expect(encodeCursorPosition(null)).toBeNull();
    expect(encodeCursorPosition({})).toBeNull();
    expect(localCursorToPresence(null)).toBeNull();
    expect(localCursorToPresence({ anchor: 'x' })).toBeNull();
    expect(presenceCursorToAwareness({ anchor: 'AAAA', head: '!!' }, doc)).toBeNull();
  });

  it('never create a top-level type the document does not have', () => {
    const { doc } = planDoc();
    const foreign = Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('evil'), 0);
    expect(decodeCursorPosition(encodeCursorPosition(foreign) ?? '', doc)).toBeNull();
    expect(doc.share.has('evil')).toBe(false);
  });
});

describe('cursor colours', () => {
  it('are the same for the same device and come from the palette', () => {
    expect(peerColour(ANNA)).toBe(peerColour(ANNA));
    expect(CURSOR_COLOURS).toContain(peerColour(BORYS));
  });
});

describe('PresenceAwareness', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  function setup() {
    const { doc, text } = planDoc();
    const sent: (CursorValue | null)[] = [];
    const presence = new PresenceAwareness({
      doc,
      send: (cursor) => sent.push(cursor),
      myDeviceKey: ME,
      unnamed: 'Unnamed member',
      throttleMs: 0,
    });
    cleanups.push(() => presence.destroy());
    return { doc, text, sent, presence };
  }

  it('shows other peers under stable ids, with name, colour and cursor', () => {
    const { doc, text, presence } = setup();
    const at = Y.createRelativePositionFromTypeIndex(text, 2);
    const encoded = encodeCursorPosition(at) ?? '';
    const cursor = { anchor: encoded, head: encoded };
    const changes: { origin: unknown; added: number[]; removed: number[] }[] = [];
    presence.awareness.on(
      'change',
      (change: { added: number[]; removed: number[] }, origin: unknown) =>
        changes.push({ origin, added: change.added, removed: change.removed }),
    );

    presence.setPeers([
      { deviceKey: ME, name: 'Me', cursor: null },
      { deviceKey: ANNA, name: ' Anna ', cursor },
      { deviceKey: BORYS, name: '', cursor: { anchor: 'garbage', head: 'garbage' } },
    ]);
    const states = presence.awareness.getStates();
    const remote = [...states.entries()].filter(([id]) => id !== doc.clientID);
    expect(remote).toHaveLength(2);
    const anna = remote.find(([, state]) => state.user.name === 'Anna');
    expect(anna?.[1]).toEqual({
      user: { name: 'Anna', color: peerColour(ANNA) },
      cursor: {
        anchor: decodeCursorPosition(encoded, doc),
        head: decodeCursorPosition(encoded, doc),
      },
    });
    const borys = remote.find(([, state]) => state.user.name === 'Unnamed member');
    expect(borys?.[1].cursor).toBeNull();
    expect(changes).toEqual([{ origin: 'remote', added: remote.map(([id]) => id), removed: [] }]);

    presence.setPeers([{ deviceKey: ANNA, name: 'Anna', cursor: null }]);
    expect(states.has(anna?.[0] ?? -1)).toBe(true);
    expect(states.has(borys?.[0] ?? -1)).toBe(false);
    expect(changes[1]).toEqual({ origin: 'remote', added: [], removed: [borys?.[0]] });
  });

  it('reports the local cursor as base64 positions, and null on leaving', () => {
    const { text, sent, presence } = setup();
    const anchor = Y.createRelativePositionFromTypeIndex(text, 1);
    const head = Y.createRelativePositionFromTypeIndex(text, 4);
    presence.awareness.setLocalStateField('cursor', { anchor, head });
    expect(sent).toEqual([
      { anchor: encodeCursorPosition(anchor), head: encodeCursorPosition(head) },
    ]);

    presence.setPeers([{ deviceKey: ANNA, name: 'Anna', cursor: null }]);
    expect(sent).toHaveLength(1);

    presence.awareness.setLocalStateField('cursor', null);
    expect(sent.at(-1)).toBeNull();
  });
});
