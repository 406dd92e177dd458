// Attachments through a real relay: 50 MB sealed as it is staged, uploaded and downloaded in
// chunks that resume after the relay goes away mid-transfer; a chunk the relay changed is found
// before anything opens; too large a file, a short file and a full disk are each a clear error.
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelay } from '../../server/relay';
import { RELAY_DB_FILE } from '../../server/store/sqlite-store';
import { briefingWorld, compose, received, type BriefingClient } from '../support/briefing-clients';
import { GPS_CANARY, jpegWithMetadata, SERIAL_CANARY } from '../support/image-fixtures';
import { cleanups, runCleanups, waitFor } from '../support/sync-clients';

afterEach(runCleanups);

const MB = 1024 * 1024;
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Stages a file the way the renderer does: 1 MiB pieces, base64. */
async function stage(c: BriefingClient, name: string, bytes: Uint8Array, mime = 'application/pdf') {
  const staged = await c.b.stageBegin({ name, mime, size: bytes.length });
  for (let at = 0; at < bytes.length; at += MB) {
    const piece = Buffer.from(bytes.subarray(at, at + MB)).toString('base64');
    await c.b.stageAppend(staged.stageId, piece);
  }
  return staged.stageId;
}

const progressOf = (c: BriefingClient, phase: string) =>
  c.events
    .filter((e) => e.name === 'briefings.progress')
    .map((e) => e.payload as { phase: string; done: number })
    .filter((p) => p.phase === phase)
    .map((p) => p.done);

describe('a 50 MB attachment', () => {
  it('round-trips, resuming upload and download after the relay restarts', async () => {
    const world = await briefingWorld(2);
    const [ana, bo] = world.clients as [BriefingClient, BriefingClient];
    const file = new Uint8Array(randomBytes(50 * MB));
    const stageId = await stage(ana, 'court-decision.pdf', file);

    let restarts = 0;
    const restartAt = async (c: BriefingClient, phase: string, chunk: number) => {
      await waitFor(
        `${phase} progress`,
        () => progressOf(c, phase).some((d) => d >= chunk),
        60_000,
      );
      await world.relay.close();
      const relay = await startRelay({
        port: world.relay.port,
        dataDir: world.relayDir,
        log: () => undefined,
      });
      cleanups.push(() => relay.close());
      world.relay = relay;
      restarts++;
    };

    const sending = ana.b.send(
      compose(world.spaceId, { title: 'Decision', stagedFiles: [stageId] }),
    );
    await restartAt(ana, 'upload', 30);
    const { id } = await sending;
    const uploads = progressOf(ana, 'upload');
    // Resumed, not restarted: no chunk count went back to the start after the restart.
    expect(uploads.at(-1)).toBe(100);
    expect(uploads.filter((d) => d === 1)).toHaveLength(1);

    await received(bo, 'Decision');
    const downloading = bo.b.download(id, 0);
    await restartAt(bo, 'download', 30);
    await downloading;
    const downloads = progressOf(bo, 'download');
    expect(downloads.at(-1)).toBe(100);
    expect(downloads.filter((d) => d === 1)).toHaveLength(1);
    expect(restarts).toBe(2);

    const opened = await bo.b.openFile(id, 0);
    expect(opened.name).toBe('court-decision.pdf');
    expect(sha(new Uint8Array(Buffer.from(opened.data, 'base64')))).toBe(sha(file));
    expect(bo.b.get(id).attachmentList[0]).toMatchObject({ downloaded: true, size: 50 * MB });
  }, 120_000);

  it('is refused whole when the relay changed one chunk, and nothing of it is kept', async () => {
    const world = await briefingWorld(2);
    const [ana, bo] = world.clients as [BriefingClient, BriefingClient];
    const stageId = await stage(ana, 'photo-of-list.pdf', new Uint8Array(randomBytes(3 * MB)));
    const { id } = await ana.b.send(
      compose(world.spaceId, { title: 'List', stagedFiles: [stageId] }),
    );
    const relayDb = new Database(join(world.relayDir, RELAY_DB_FILE));
    const row = relayDb.prepare('SELECT blob_id, bytes FROM chunks WHERE idx = 3').get() as {
      blob_id: Buffer;
      bytes: Buffer;
    };
    row.bytes[100] = (row.bytes[100] ?? 0) ^ 0x80;
    relayDb
      .prepare('UPDATE chunks SET bytes = ? WHERE blob_id = ? AND idx = 3')
      .run(row.bytes, row.blob_id);
    relayDb.close();
    await received(bo, 'List');
    await expect(bo.b.download(id, 0)).rejects.toMatchObject({ code: 'attachment-damaged' });
    expect(bo.b.get(id).attachmentList[0]?.downloaded).toBe(false);
    await expect(bo.b.openFile(id, 0)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('a photo', () => {
  it('is told from a sound recording that shares its container (RIFF)', async () => {
    const world = await briefingWorld(1);
    const [ana] = world.clients as [BriefingClient];
    // A WAV header: RIFF, its size, WAVE; then samples.
    const wav = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([0x24, 0x10, 0, 0]),
      Buffer.from('WAVEfmt '),
      Buffer.alloc(4096, 7),
    ]);
    const staged = await ana.b.stageBegin({
      name: 'hearing.wav',
      mime: 'audio/wav',
      size: wav.length,
    });
    const done = await ana.b.stageAppend(staged.stageId, wav.toString('base64'));
    expect(done.image).toBe(false);
  });

  it('reaches the recipient without its GPS position or camera serial, and the sender is told', async () => {
    const world = await briefingWorld(2);
    const [ana, bo] = world.clients as [BriefingClient, BriefingClient];
    const photo = jpegWithMetadata();
    expect(Buffer.from(photo).includes(GPS_CANARY)).toBe(true);
    const staged = await ana.b.stageBegin({
      name: 'IMG_0412.jpg',
      mime: 'image/jpeg',
      size: photo.length,
    });
    const done = await ana.b.stageAppend(staged.stageId, Buffer.from(photo).toString('base64'));
    expect(done.image).toBe(true);
    expect(done.removed).toEqual(expect.arrayContaining(['GPS location', 'camera serial number']));
    const { id } = await ana.b.send(
      compose(world.spaceId, { title: 'Photo', stagedFiles: [staged.stageId] }),
    );
    await received(bo, 'Photo');
    expect(bo.b.get(id).attachmentList[0]).toMatchObject({ image: true });
    expect(bo.b.get(id).attachmentList[0]?.removed).toContain('GPS location');
    await bo.b.download(id, 0);
    const got = Buffer.from((await bo.b.openFile(id, 0)).data, 'base64');
    expect(got.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(got.includes(GPS_CANARY)).toBe(false);
    expect(got.includes(SERIAL_CANARY)).toBe(false);
  });
});

describe('bad files', () => {
  it('refuses a file over the limit before reading any of it', async () => {
    const world = await briefingWorld(1);
    const [ana] = world.clients as [BriefingClient];
    await expect(
      Promise.resolve().then(() =>
        ana.b.stageBegin({ name: 'huge.mkv', mime: 'video/x-matroska', size: 101 * MB }),
      ),
    ).rejects.toMatchObject({ code: 'attachment-too-large' });
  });

  it('refuses a file that grows while it is read, and keeps no sealed part of it', async () => {
    const world = await briefingWorld(1);
    const [ana] = world.clients as [BriefingClient];
    const staged = await ana.b.stageBegin({ name: 'notes.txt', mime: 'text/plain', size: 70_000 });
    await ana.b.stageAppend(staged.stageId, Buffer.alloc(69_990, 1).toString('base64'));
    await expect(
      ana.b.stageAppend(staged.stageId, Buffer.from('more than ten bytes').toString('base64')),
    ).rejects.toMatchObject({ code: 'attachment-unreadable' });
    expect(ana.vault.db.prepare('SELECT count(*) AS n FROM briefing_blobs').get()).toEqual({
      n: 0,
    });
  });

  it('that expires during its download stops, and keeps no chunk of it', async () => {
    const world = await briefingWorld(2);
    const [ana, bo] = world.clients as [BriefingClient, BriefingClient];
    const stageId = await stage(ana, 'list.pdf', new Uint8Array(randomBytes(2 * MB)));
    const { id } = await ana.b.send(
      compose(world.spaceId, { title: 'For an hour', expiresInHours: 1, stagedFiles: [stageId] }),
    );
    await received(bo, 'For an hour');
    // The relay holds back its answer for the second chunk until the briefing has expired here.
    const getChunk = world.store.getChunk.bind(world.store);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = 0;
    world.store.getChunk = async (blobId, index) => {
      asked++;
      if (index === 1) await held;
      return getChunk(blobId, index);
    };
    const download = bo.b.download(id, 0);
    await waitFor('the second chunk asked for', () => asked === 2);
    bo.clock.offset = 2 * 3_600_000;
    bo.b.service.sweep();
    release();
    await expect(download).rejects.toMatchObject({ code: 'briefing-expired' });
    expect(asked).toBe(2);
    expect(bo.vault.db.prepare('SELECT count(*) AS n FROM briefing_blobs').get()).toEqual({ n: 0 });
  });

  it('says the disk is full when a download cannot be stored, and keeps nothing of it', async () => {
    const world = await briefingWorld(2);
    const [ana, bo] = world.clients as [BriefingClient, BriefingClient];
    const stageId = await stage(ana, 'scan.pdf', new Uint8Array(randomBytes(2 * MB)));
    const { id } = await ana.b.send(
      compose(world.spaceId, { title: 'Scan', stagedFiles: [stageId] }),
    );
    await received(bo, 'Scan');
    // The vault may grow by about 1 MB more: SQLite then answers SQLITE_FULL, as on a full disk.
    const pages = bo.vault.db.pragma('page_count', { simple: true }) as number;
    const pageSize = bo.vault.db.pragma('page_size', { simple: true }) as number;
    bo.vault.db.pragma(`max_page_count = ${pages + Math.ceil(MB / pageSize)}`);
    await expect(bo.b.download(id, 0)).rejects.toMatchObject({ code: 'disk-full' });
    expect(bo.vault.db.prepare('SELECT count(*) AS n FROM briefing_blobs').get()).toEqual({ n: 0 });
    expect(bo.b.get(id).attachmentList[0]?.downloaded).toBe(false);
  });
});
