// Live cursors in a plan through Suviaz's encrypted presence channel instead of a y-protocols
// network provider. y-prosemirror's cursor plugin reads and writes a y-protocols Awareness; this
// adapter fills that Awareness from the 'docs.presence' peers main reports (each peer under a
// client id derived from its device key) and reports the local 'cursor' field back to main,
// throttled, as base64 Yjs relative positions. Peers are other members, so what they send is
// decoded defensively: a position that does not parse is dropped, never thrown.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { PresencePeer } from '../../src-shared/api';
import { fromBase64, toBase64 } from '../shared-doc/base64';
import { PresenceReporter, type CursorValue } from '../shared-doc/presence-reporter';

/** What y-prosemirror keeps in an awareness state's cursor field: two relative positions as JSON. */
type RelativePositionJson = Record<string, unknown>;

export interface AwarenessCursor {
  anchor: RelativePositionJson;
  head: RelativePositionJson;
}

/** The cursor colours: dark enough for white name labels (contrast at least 4.5:1). */
export const CURSOR_COLOURS = [
  '#b3380b',
  '#1864ab',
  '#237032',
  '#9c36b5',
  '#c2410c',
  '#0b7285',
  '#c2255c',
  '#5f3dc4',
] as const;

/** FNV-1a over the key: the same number for the same device on every screen. */
function hashKey(deviceKey: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < deviceKey.length; i++) {
    hash = Math.imul(hash ^ deviceKey.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

export function peerColour(deviceKey: string): string {
  return CURSOR_COLOURS[hashKey(deviceKey) % CURSOR_COLOURS.length] ?? CURSOR_COLOURS[0];
}

/** A y-prosemirror relative position (JSON or Y.RelativePosition) as the presence API's base64. */
export function encodeCursorPosition(position: unknown): string | null {
  try {
    return toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromJSON(position)));
  } catch {
    return null;
  }
}

/**
 * A base64 relative position from a peer (or stored in the plan), or null if it is malformed. A
 * position naming a top-level type this document does not have is refused too: resolving it would
 * create that type in the replica.
 */
export function decodeRelativePosition(base64: string, doc: Y.Doc): Y.RelativePosition | null {
  try {
    const position = Y.decodeRelativePosition(fromBase64(base64));
    if (position.item === null && position.type === null && position.tname === null) return null;
    if (position.tname !== null && !doc.share.has(position.tname)) return null;
    return position;
  } catch {
    return null;
  }
}

/** A peer's base64 position as the JSON y-prosemirror reads, or null if it is malformed. */
export function decodeCursorPosition(base64: string, doc: Y.Doc): RelativePositionJson | null {
  const position = decodeRelativePosition(base64, doc);
  return position && (Y.relativePositionToJSON(position) as RelativePositionJson);
}

/** The local awareness cursor (what y-prosemirror wrote) for the presence API; null if none. */
export function localCursorToPresence(cursor: unknown): CursorValue | null {
  if (typeof cursor !== 'object' || cursor === null) return null;
  const { anchor, head } = cursor as { anchor?: unknown; head?: unknown };
  const encodedAnchor = encodeCursorPosition(anchor);
  const encodedHead = encodeCursorPosition(head);
  return encodedAnchor && encodedHead ? { anchor: encodedAnchor, head: encodedHead } : null;
}

/** A peer's presence cursor for the cursor plugin; null when absent or malformed. */
export function presenceCursorToAwareness(
  cursor: PresencePeer['cursor'],
  doc: Y.Doc,
): AwarenessCursor | null {
  if (!cursor) return null;
  const anchor = decodeCursorPosition(cursor.anchor, doc);
  const head = decodeCursorPosition(cursor.head, doc);
  return anchor && head ? { anchor, head } : null;
}

export interface PresenceAwarenessOptions {
  doc: Y.Doc;
  /** Sends this device's cursor to main ('docs.presence'). */
  send: (cursor: CursorValue | null) => void;
  /** This device, which main may list among the peers: never shown as someone else. */
  myDeviceKey: string | null;
  /** The label of a peer without a name. */
  unnamed: string;
  throttleMs?: number;
}

export class PresenceAwareness {
  readonly awareness: Awareness;
  private readonly reporter: PresenceReporter;
  private readonly clientIds = new Map<string, number>();
  private shown = new Set<number>();

  constructor(private readonly options: PresenceAwarenessOptions) {
    this.awareness = new Awareness(options.doc);
    this.reporter = new PresenceReporter(options.send, options.throttleMs);
    this.awareness.on('change', this.onChange);
  }

  /** Replaces the peers shown with the ones main reports now; those not listed are gone. */
  setPeers(peers: readonly PresencePeer[]): void {
    const added: number[] = [];
    const updated: number[] = [];
    const removed: number[] = [];
    const shown = new Set<number>();
    for (const peer of peers) {
      if (peer.deviceKey === this.options.myDeviceKey) continue;
      const id = this.clientIdOf(peer.deviceKey);
      shown.add(id);
      (this.awareness.states.has(id) ? updated : added).push(id);
      this.awareness.states.set(id, {
        user: { name: peer.name.trim() || this.options.unnamed, color: peerColour(peer.deviceKey) },
        cursor: presenceCursorToAwareness(peer.cursor, this.options.doc),
      });
    }
    for (const id of this.shown) {
      if (shown.has(id)) continue;
      this.awareness.states.delete(id);
      removed.push(id);
    }
    this.shown = shown;
    if (added.length + updated.length + removed.length > 0) {
      this.awareness.emit('change', [{ added, updated, removed }, 'remote']);
    }
  }

  destroy(): void {
    this.awareness.off('change', this.onChange);
    // Leaving says so at once, so nobody keeps seeing a cursor that is gone.
    this.reporter.update(null);
    this.reporter.stop();
    this.awareness.destroy();
  }

  private onChange = (_changes: unknown, origin: unknown): void => {
    if (origin !== 'local') return;
    this.reporter.update(localCursorToPresence(this.awareness.getLocalState()?.cursor));
  };

  /** Stable per device, and never this replica's own id nor another peer's. */
  private clientIdOf(deviceKey: string): number {
    const known = this.clientIds.get(deviceKey);
    if (known !== undefined) return known;
    const taken = new Set(this.clientIds.values());
    let id = hashKey(deviceKey);
    while (id === this.options.doc.clientID || taken.has(id)) id = (id + 1) >>> 0;
    this.clientIds.set(deviceKey, id);
    return id;
  }
}
