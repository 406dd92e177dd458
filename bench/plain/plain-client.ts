// A y-websocket-protocol client for the baseline, as the y-websocket provider behaves: sync step 1
// on connect, answers step 1 with step 2, sends every local Y.Doc update at once as its own message
// (no batching, no encryption). Counts the payload bytes it sends and receives.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;

export class PlainClient {
  readonly doc: Y.Doc;
  ws: WebSocket | null = null;
  bytesSent = 0;
  bytesReceived = 0;
  /** True once the relay's sync step 2 (its whole state) has been applied. */
  synced = false;

  constructor(
    private readonly url: string,
    readonly room: string,
    doc?: Y.Doc,
  ) {
    this.doc = doc ?? new Y.Doc();
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || !this.ws || this.ws.readyState !== WebSocket.OPEN) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  private send(message: Uint8Array): void {
    this.bytesSent += message.byteLength;
    this.ws?.send(message);
  }

  /** Applies a V2 update as this client's own edit and sends it (V1) whole, as one message. */
  sendUpdate(updateV2: Uint8Array): void {
    Y.applyUpdateV2(this.doc, updateV2, this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, Y.convertUpdateFormatV2ToV1(updateV2));
    this.send(encoding.toUint8Array(encoder));
  }

  async connect(): Promise<void> {
    this.synced = false;
    const ws = new WebSocket(`${this.url}/${this.room}`, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    ws.on('message', (data: Buffer) => {
      this.bytesReceived += data.byteLength;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const encoder = encoding.createEncoder();
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (kind === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
  }

  async disconnect(): Promise<void> {
    const ws = this.ws;
    this.ws = null;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    ws.close();
    await closed;
  }

  text(): string {
    return this.doc.getText('t').toString();
  }
}
