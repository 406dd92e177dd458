// Briefings: sealing and uploading a 100 MB attachment through the relay (staged in 1 MiB pieces as
// the renderer sends them, secretstream chunks, acknowledged by the relay) against sending the same
// bytes unencrypted over one WebSocket on the same loopback; the peak extra memory while doing it;
// and opening the list of a space that holds 5,000 briefings.
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WebSocketServer } from 'ws';
import WebSocket from 'ws';
import { randomBytes as sodiumRandom, secretStreamPush } from '../../src-main/core/crypto/sodium';
import { createBriefingSession } from '../../src-main/core/briefings/briefing-session';
import { listBriefings } from '../../src-main/core/briefings/briefing-reads';
import { keepBriefing } from '../../src-main/core/briefings/briefing-store';
import { briefingViews } from '../../src-main/core/briefings/briefing-views';
import type { DocAccess } from '../../src-main/core/sync/engine-doc-access';
import { contentFromPlainText } from '../../src-shared/notes/note-content';
import type { Size } from '../lib/args';
import type { Row } from '../lib/report';
import { startRelayChild } from '../lib/processes';
import { now, percentile, waitFor } from '../lib/stats';
import { benchClient, tempDir, type BenchClient } from '../lib/suviaz-client';

const MB = 1024 * 1024;

/** The same bytes, unencrypted, in 1 MiB messages over one WebSocket; the server acks the last. */
async function plainSend(bytes: Uint8Array): Promise<number> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: 2 * MB });
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;
  server.on('connection', (ws) => {
    let got = 0;
    ws.on('message', (data: Buffer) => {
      got += data.length;
      if (got >= bytes.length) ws.send('done');
    });
  });
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve) => ws.once('open', resolve));
  const t = now();
  const done = new Promise((resolve) => ws.once('message', resolve));
  for (let at = 0; at < bytes.length; at += MB) ws.send(bytes.subarray(at, at + MB));
  await done;
  const ms = now() - t;
  ws.close();
  await new Promise((resolve) => server.close(resolve));
  return ms;
}

async function twoMembers(
  url: string,
): Promise<{ ana: BenchClient; bo: BenchClient; space: string }> {
  const ana = await benchClient(url);
  const bo = await benchClient(url);
  for (const c of [ana, bo])
    await waitFor('connected', () => c.engine.state().connection === 'connected');
  const space = await ana.engine.createSpace('Bench');
  await ana.engine.addMember(space.id, bo.engine.myDeviceCode(), 'editor');
  await waitFor('invitation', () => bo.engine.listSpaces().some((s) => s.id === space.id));
  await bo.engine.acceptInvitation(space.id);
  return { ana, bo, space: space.id };
}

v8.setFlagsFromString('--expose-gc');
/** A full collection first, so the peak is not hidden by garbage the setup left to collect. */
const collectGarbage = runInNewContext('gc') as () => void;

/** secretstream alone over the same bytes in the same chunks: the sealing part of the floor. */
function sealOnly(bytes: Uint8Array): number {
  const chunk = 512 * 1024;
  const t = now();
  const stream = secretStreamPush(sodiumRandom(32));
  for (let at = 0; at < bytes.length; at += chunk) {
    stream.push(bytes.subarray(at, at + chunk), at + chunk >= bytes.length);
  }
  return now() - t;
}

async function sealAndUpload(
  size: number,
): Promise<{ ms: number; stagedMs: number; peakMb: number; plainMs: number; sealMs: number }> {
  // The relay in its own process, as an operator runs it: its storing is not on this thread.
  const relay = await startRelayChild('suviaz', tempDir('briefing-relay'));
  const { ana, bo, space } = await twoMembers(relay.url);
  const bytes = new Uint8Array(randomBytes(size));
  // Heap and buffers outside it (not RSS, which keeps what the file itself took): what sealing and
  // sending hold at their peak beyond what was there before.
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  collectGarbage();
  const before = used();
  let peak = before;
  // Sampled at every piece staged and every chunk uploaded: staging runs without a timer's turn.
  const sample = (): void => {
    peak = Math.max(peak, used());
  };
  const session = createBriefingSession(ana.vault.db, ana.engine, sample);
  const t = now();
  const staged = await session.stageBegin({ name: 'report.pdf', mime: 'application/pdf', size });
  for (let at = 0; at < size; at += MB) {
    await session.stageAppend(
      staged.stageId,
      Buffer.from(bytes.subarray(at, at + MB)).toString('base64'),
    );
    sample();
  }
  const stagedMs = now() - t;
  await session.send({
    spaceId: space,
    title: 'Report',
    body: contentFromPlainText('Attached.'),
    audience: null,
    expiresInHours: 24,
    receipts: true,
    canary: false,
    stagedFiles: [staged.stageId],
  });
  const ms = now() - t;
  session.stop();
  for (const c of [ana, bo]) await c.stop();
  await relay.stop();
  const plainMs = await plainSend(bytes);
  return { ms, stagedMs, peakMb: (peak - before) / MB, plainMs, sealMs: sealOnly(bytes) };
}

/** A stand-in for the engine's view of spaces: the list's cost is the vault's, not the network's. */
const quietAccess = (meHex: string): DocAccess =>
  ({
    meHex,
    group: () => undefined,
    nameOf: (device: string) => `Member ${device.slice(0, 4)}`,
  }) as unknown as DocAccess;

async function listOf(count: number): Promise<{ ms: number; sqliteMs: number }> {
  const client = await benchClient('');
  const db = client.vault.db;
  const space = 'ab'.repeat(16);
  const body = contentFromPlainText(
    'Three arrests in Hrodna last night; names in the attachment. '.repeat(8),
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = i.toString(16).padStart(32, '0');
      keepBriefing(
        db,
        {
          v: 1,
          kind: 'copy',
          id,
          space,
          from: 'cd'.repeat(32),
          to: 'ef'.repeat(32),
          createdAt: Date.now() - i * 60_000,
          expiresAt: null,
          audience: ['ef'.repeat(32)],
          wholeSpace: true,
          title: `Briefing ${i}`,
          body,
          attachments: [],
          receipts: true,
        },
        false,
        null,
      );
    }
  })();
  const views = briefingViews(db, quietAccess('ef'.repeat(32)), () => false);
  const full: number[] = [];
  const sqlite: number[] = [];
  for (let run = 0; run < 7; run++) {
    let t = now();
    views.list(listBriefings(db, { spaceId: space }));
    full.push(now() - t);
    t = now();
    listBriefings(db, { spaceId: space });
    sqlite.push(now() - t);
  }
  await client.stop();
  return { ms: percentile(full, 50), sqliteMs: percentile(sqlite, 50) };
}

export async function runBriefings(size: Size): Promise<Row[]> {
  const bytes = size === 'small' ? 10 * MB : 100 * MB;
  const count = size === 'small' ? 500 : 5_000;
  process.stderr.write(`briefings: seal + upload ${bytes / MB} MB…\n`);
  const upload = await sealAndUpload(bytes);
  process.stderr.write(`briefings: list of ${count}…\n`);
  const list = await listOf(count);
  return [
    {
      scenario: 'briefings',
      case: `seal + upload ${bytes / MB} MB attachment vs plain WebSocket send`,
      metric: 'time',
      unit: 'ms',
      suviaz: upload.ms,
      baseline: upload.plainMs,
      target: 'ratio ≤ 2',
      met: upload.ms <= 2 * upload.plainMs,
      note: `staging (reading, sealing, storing in the vault) ${Math.round(upload.stagedMs)} ms, then upload to the relay's store`,
    },
    {
      scenario: 'briefings',
      case: `secretstream sealing of the ${bytes / MB} MB alone (no storage, no network)`,
      metric: 'time',
      unit: 'ms',
      suviaz: upload.sealMs,
      baseline: upload.plainMs,
      note: 'the part of the floor that encryption itself sets',
    },
    {
      scenario: 'briefings',
      case: `seal + upload ${bytes / MB} MB: peak extra memory of the sending app`,
      metric: 'peak heap + buffers',
      unit: 'MB',
      suviaz: upload.peakMb,
      baseline: null,
      target: '< 64 MB',
      met: upload.peakMb < 64,
    },
    {
      scenario: 'briefings',
      case: `open the list of a space with ${count} briefings (SQLite part as baseline)`,
      metric: 'median',
      unit: 'ms',
      suviaz: list.ms,
      baseline: list.sqliteMs,
      target: '< 100 ms',
      met: list.ms < 100,
    },
  ];
}
