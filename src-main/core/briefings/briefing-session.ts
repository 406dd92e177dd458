// Briefings for one running sync engine: the service, fetched again whenever the relay says there
// is something new or the connection comes back; attachments staged, uploaded and downloaded with
// progress and cancel; and the API's events — all stopped with the engine.
import type { EventName, EventPayload } from '../../../src-shared/api';
import type { AttachmentRef } from '../../../src-shared/briefings/briefing-model';
import { toHex } from '../../../src-shared/protocol/bytes';
import { randomBytes } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { getSettings } from '../settings/settings';
import type { SyncEngine } from '../sync/sync-engine';
import { asApiError } from '../sync/engine-api-errors';
import type { Db } from '../vault/migrations';
import { attachmentStaging, type StagedAttachment } from './attachment-staging';
import { blobStore } from './blob-store';
import { attachmentTransfer } from './attachment-transfer';
import type { SendArgs } from './briefing-send';
import { briefingService } from './briefing-service';
import { getBriefing, listBriefings } from './briefing-reads';
import { refusals } from './briefing-store';
import { briefingViews } from './briefing-views';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
const MB = 1024 * 1024;

const refOf = (staged: StagedAttachment): AttachmentRef => ({
  blobId: staged.blobId,
  name: staged.name,
  mime: staged.mime,
  size: staged.size,
  chunks: staged.chunks,
  chunkBytes: staged.chunkBytes,
  key: Buffer.from(staged.key).toString('base64'),
  header: Buffer.from(staged.header).toString('base64'),
  image: staged.image,
  removed: staged.removed,
});

export interface ComposeArgs extends Omit<SendArgs, 'attachments' | 'beforeCopies' | 'id'> {
  stagedFiles: string[];
}

export function createBriefingSession(
  db: Db,
  engine: SyncEngine,
  emit: Emit,
  /** Tests move the clock past an expiry; the app runs on Date.now. */
  options: { now?: () => number } = {},
) {
  const access = engine.docAccess();
  const maxBytes = (): number => getSettings(db).briefingAttachmentMaxMb * MB;
  const blobs = blobStore(db);
  // Attachments composed but never sent (the app stopped mid-compose) are not kept.
  blobs.dropUnsent();
  const staging = attachmentStaging(blobs, maxBytes);
  const transfer = attachmentTransfer(blobs, access);
  /** Uploads (by stage id) and downloads (by blob id) under way, for cancel. */
  const running = new Map<string, AbortController>();
  const service = briefingService({
    db,
    access,
    ...(options.now ? { now: options.now } : {}),
    events: {
      changed: () => emit('briefings.changed', {}),
      // The title leaves main only when Settings lets notifications name briefings.
      received: (count, newest) =>
        emit('briefings.received', {
          count,
          title: getSettings(db).briefingNotificationsShowTitle ? newest : null,
        }),
      wiped: (blobIds) => transfer.forget(blobIds),
    },
  });
  const views = briefingViews(db, access, transfer.has);

  // One fetch at a time: a notice that comes while one runs is served by a second pass after it.
  let fetching: Promise<void> | null = null;
  let again = false;
  function fetchNew(): void {
    if (fetching) {
      again = true;
      return;
    }
    fetching = service
      .syncAll(null)
      .catch((error: unknown) => {
        // A full disk or a closing vault: the next notice or connection fetches again.
        console.error('briefings: fetching new items failed', error);
      })
      .finally(() => {
        fetching = null;
        if (again) {
          again = false;
          fetchNew();
        }
      });
  }
  const stopListening = engine.onMail(() => fetchNew());
  if (access.connection()?.status() === 'connected') fetchNew();

  const now = options.now ?? Date.now;

  /** Held here and not expired, on the session's clock: a download stops as soon as it is not. */
  function liveBriefing(id: string) {
    const held = getBriefing(db, id);
    return held && (held.expiresAt === null || held.expiresAt > now()) ? held : null;
  }

  function attachmentOf(id: string, index: number): AttachmentRef {
    const held = getBriefing(db, id);
    const ref = held?.payload.attachments[index];
    if (!held || !ref) throw new SuviazError('not-found', 'There is no such attachment.');
    if (!liveBriefing(id)) throw new SuviazError('briefing-expired', 'This briefing has expired.');
    return ref;
  }

  async function send(args: ComposeArgs) {
    const staged = args.stagedFiles.map((stageId) => staging.ready(stageId));
    const controller = new AbortController();
    for (const file of staged) running.set(file.stageId, controller);
    try {
      const result = await service.send({
        ...args,
        id: toHex(randomBytes(16)),
        attachments: staged.map(refOf),
        beforeCopies: async (group, id, expiresAt) => {
          for (const file of staged) {
            await transfer.upload(
              group,
              id,
              refOf(file),
              expiresAt,
              controller.signal,
              (done, total) =>
                emit('briefings.progress', { id: file.stageId, phase: 'upload', done, total }),
            );
          }
        },
      });
      for (const file of staged) staging.release(file.stageId);
      return result;
    } finally {
      for (const file of staged) running.delete(file.stageId);
    }
  }

  return {
    service,
    list(args: { spaceId?: string; query?: string }) {
      service.sweep();
      return { items: views.list(listBriefings(db, args)), refused: refusals(db, args.spaceId) };
    },
    get: (id: string) => views.view(service.read(id)),
    send: (args: ComposeArgs) => asApiError(() => send(args)),
    stageBegin: async (args: { name: string; mime: string; size: number }) => staging.begin(args),
    stageAppend: async (stageId: string, data: string) =>
      staging.append(stageId, new Uint8Array(Buffer.from(data, 'base64'))),
    stageCancel: (stageId: string) => staging.cancel(stageId),
    download: (id: string, index: number) =>
      asApiError(async () => {
        const ref = attachmentOf(id, index);
        // Named by briefing and position, which the renderer knows before the first event.
        const transferId = `${id}/${index}`;
        const controller = new AbortController();
        running.set(transferId, controller);
        try {
          await transfer.download(
            ref,
            controller.signal,
            (done, total) =>
              emit('briefings.progress', { id: transferId, phase: 'download', done, total }),
            () => liveBriefing(id) !== null,
          );
        } finally {
          running.delete(transferId);
        }
      }),
    async openFile(id: string, index: number) {
      const ref = attachmentOf(id, index);
      // Not the sending limit of this device's settings: the sender's may have been larger.
      const bytes = transfer.open(ref);
      return { name: ref.name, mime: ref.mime, data: bytes.toString('base64') };
    },
    traceLeak(id: string, text: string) {
      const { device, evidence } = service.traceLeak(id, text);
      return { device, name: device ? access.nameOf(device) : null, evidence };
    },
    cancel(id: string): void {
      running.get(id)?.abort();
    },
    /** Resolves when no fetch is running (tests wait for what a notice started). */
    async settled(): Promise<void> {
      while (fetching) await fetching;
    },
    stop(): void {
      stopListening();
      service.stop();
      for (const controller of running.values()) controller.abort();
      staging.clear();
    },
  };
}

export type BriefingSession = ReturnType<typeof createBriefingSession>;
