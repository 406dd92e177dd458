// The baseline: a minimal plaintext relay speaking the y-websocket protocol (y-protocols sync over
// lib0 encoding), like the reference y-websocket server: one Y.Doc per room (the URL path), sync
// step 1/2 on connect, every update applied to the room's doc and forwarded to the room's other
// connections. Unlike
// the reference it also persists each update to SQLite (WAL, synchronous=FULL, one commit per event
// loop turn), so that stored bytes and durability compare with the Suviaz relay.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

interface Room {
  doc: Y.Doc;
  conns: Set<WebSocket>;
}

export interface PlainRelay {
  url: string;
  close(): Promise<void>;
}

export async function startPlainRelay(options: {
  port: number;
  dataDir: string;
}): Promise<PlainRelay> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(path.join(options.dataDir, 'plain.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS updates (room TEXT NOT NULL, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
  let pending: [string, Uint8Array][] = [];
  const commit = db.transaction((rows: [string, Uint8Array][]) => {
    for (const [room, data] of rows) insert.run(room, data);
  });
  const persist = (room: string, update: Uint8Array): void => {
    if (pending.length === 0)
      setImmediate(() => {
        const rows = pending;
        pending = [];
        commit(rows);
      });
    pending.push([room, update]);
  };

  const rooms = new Map<string, Room>();
  const roomOf = (name: string): Room => {
    let room = rooms.get(name);
    if (!room) {
      const created: Room = { doc: new Y.Doc({ gc: true }), conns: new Set() };
      rooms.set(name, created);
      room = created;
    }
    return room;
  };

  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (ws, req) => {
    ws.binaryType = 'nodebuffer';
    const name = (req.url ?? '/').slice(1);
    const room = roomOf(name);
    room.conns.add(ws);
    ws.on('close', () => room.conns.delete(ws));
    ws.on('error', () => undefined);
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_AWARENESS) {
        for (const conn of room.conns) if (conn !== ws) conn.send(data);
        return;
      }
      if (type !== MESSAGE_SYNC) return;
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep2(encoder, room.doc, decoding.readVarUint8Array(decoder));
        ws.send(encoding.toUint8Array(encoder));
        return;
      }
      // Step 2 or update: applied to the room's doc, stored, and forwarded as received to the
      // others (not re-emitted from the doc: an update waiting for its dependencies would then
      // reach only some clients).
      const update = decoding.readVarUint8Array(decoder);
      Y.applyUpdate(room.doc, update, ws);
      persist(name, update);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const conn of room.conns) if (conn !== ws) conn.send(message);
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (pending.length > 0) commit(pending);
      db.close();
    },
  };
}
