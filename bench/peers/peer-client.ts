// A peer's own client as an application uses it: y-websocket's WebsocketProvider or Hocuspocus's
// HocuspocusProvider on a Y.Doc, over a `ws` socket that counts payload bytes both ways. The bench
// drives every peer through this one shape.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { countingWebSocket, type ByteCounter } from '../lib/counting-websocket';
import { waitFor } from '../lib/stats';

export const PEERS = ['y-websocket', 'hocuspocus'] as const;
export type Peer = (typeof PEERS)[number];

export interface PeerClient {
  readonly peer: Peer;
  readonly doc: Y.Doc;
  readonly bytes: ByteCounter;
  /** The server's state has been received since the last connect. */
  synced(): boolean;
  /** Connects (again) and waits for the first sync. */
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /**
   * Applies a V2 update as this client's own edit and sends it whole as one update message, as
   * the provider sends a local transaction. For updates made on another replica: applied through
   * the Y.Doc's update event, one whose dependencies have not arrived would integrate later in a
   * remote transaction and never be sent (tests/support/editing-traces.ts, replayAgents).
   */
  sendUpdate(updateV2: Uint8Array): void;
  destroy(): void;
  text(): string;
}

/** A y-protocols update message, addressed to `room` for Hocuspocus. */
function updateMessage(peer: Peer, room: string, updateV2: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  if (peer === 'hocuspocus') encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, 0); // sync message
  syncProtocol.writeUpdate(encoder, Y.convertUpdateFormatV2ToV1(updateV2));
  return encoding.toUint8Array(encoder);
}

export function peerClient(peer: Peer, url: string, room: string, doc = new Y.Doc()): PeerClient {
  const bytes: ByteCounter = { sent: 0, received: 0 };
  const WebSocketPolyfill = countingWebSocket(bytes);
  const text = (): string => doc.getText('t').toString();
  if (peer === 'y-websocket') {
    const provider = new WebsocketProvider(url, room, doc, {
      // ws's class where the DOM's WebSocket is typed: the provider only uses what both have.
      WebSocketPolyfill: WebSocketPolyfill as unknown as typeof globalThis.WebSocket,
      connect: false,
      disableBc: true,
    });
    return {
      peer,
      doc,
      bytes,
      synced: () => provider.synced,
      async connect() {
        provider.connect();
        await waitFor('y-websocket sync', () => provider.synced, 60_000, 1);
      },
      async disconnect() {
        provider.disconnect();
        await waitFor('y-websocket close', () => provider.ws === null, 10_000, 1);
      },
      sendUpdate(updateV2) {
        Y.applyUpdateV2(doc, updateV2, provider);
        provider.ws?.send(updateMessage(peer, room, updateV2));
      },
      destroy: () => provider.destroy(),
      text,
    };
  }
  let provider: HocuspocusProvider | null = null;
  let socket: HocuspocusProviderWebsocket | null = null;
  const close = (): HocuspocusProviderWebsocket | null => {
    const closing = socket;
    provider?.destroy();
    closing?.destroy();
    provider = null;
    socket = null;
    return closing;
  };
  return {
    peer,
    doc,
    bytes,
    synced: () => provider?.synced ?? false,
    async connect() {
      // A new socket and provider per connect: Hocuspocus's own reconnect also attaches and syncs.
      close();
      socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill });
      const created = new HocuspocusProvider({
        websocketProvider: socket,
        name: room,
        document: doc,
      });
      created.attach();
      provider = created;
      await waitFor('hocuspocus sync', () => created.synced, 60_000, 1);
    },
    async disconnect() {
      const closed = close();
      if (closed) await waitFor('hocuspocus close', () => closed.webSocket === null, 10_000, 1);
    },
    sendUpdate(updateV2) {
      if (!provider || !socket) throw new Error('not connected');
      Y.applyUpdateV2(doc, updateV2, provider);
      socket.send(updateMessage(peer, room, updateV2));
    },
    destroy: () => void close(),
    text,
  };
}
