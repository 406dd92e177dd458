// WAL checkpoints of the relay's SQLite store, on a worker thread with its own connection: a
// checkpoint copies pages into the database file and fsyncs it, which took the event loop for up to
// ~20 ms at a time when SQLite ran it inside a commit. The relay's connection never checkpoints,
// except as a last resort when the worker cannot keep up (see MAX_WAL_FRAMES_PER_RESTART).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Between two checkpoints while the WAL is short, so a busy relay checkpoints a few times a second. */
const PAUSE_MS = 100;
/**
 * SQLite starts the WAL again from its beginning only when a write finds all of it copied, which a
 * checkpoint running beside constant writes never achieves. So once the WAL holds this many pages
 * (64 MiB of 4 KiB pages), the relay holds its next commits back (queued, the event loop free) while
 * the worker copies the little that is left; the first commit after that starts the WAL afresh.
 */
const RESTART_FRAMES = 16_384;
/** A hold lasts at most this long, whatever the worker does: commits wait, they are never lost. */
const HOLD_MAX_MS = 50;
/**
 * Should a hold fail (the worker too slow or gone, or writes that bypass the hold) while the WAL
 * holds this many times the restart size (256 MiB), the relay's own connection checkpoints,
 * blocking: the WAL must not grow without bound.
 */
const MAX_WAL_FRAMES_PER_RESTART = 4;

export interface Checkpointer {
  /** The relay wrote to the WAL: a checkpoint follows soon, without holding anything up. */
  wrote(): void;
  /** While true, commits wait: the worker is finishing the checkpoint that lets the WAL restart. */
  holding(): boolean;
  /** Runs `then` once the hold ends (at once if there is none). */
  afterHold(then: () => void): void;
  /** Checkpoints still to run are dropped; resolves once the worker has stopped. */
  close(): Promise<void>;
}

// CommonJS because eval'd workers are scripts.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
parentPort.on('message', (what) => {
  if (what === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

interface WorkerReply {
  ok: boolean;
  log?: number;
  checkpointed?: number;
  message?: string;
}

/** What the relay's own connection does when the worker cannot. */
export interface MainConnection {
  /** A blocking checkpoint that restarts the WAL. */
  checkpoint(): void;
  /** The worker is gone: SQLite's automatic checkpoints take over again. */
  checkpointAutomatically(): void;
}

/**
 * For the database at `file` (already in WAL mode). `report` hears of a checkpoint that failed (the
 * WAL then grows until one succeeds; nothing is lost, since the WAL holds every commit).
 */
export function startCheckpointer(
  file: string,
  main: MainConnection,
  report: (message: string) => void,
  restartFrames = RESTART_FRAMES,
): Checkpointer {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  const worker = new Worker(WORKER_CODE, { eval: true, workerData: { file, modulePath } });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let running = false;
  let dirty = false;
  let closed = false;
  let walFrames = 0;
  let timer: NodeJS.Timeout | null = null;
  let heldSince: number | null = null;
  let lastHoldFailed = false;
  let holdTimer: NodeJS.Timeout | null = null;
  const waiting: (() => void)[] = [];

  const request = (): void => {
    timer = null;
    if (closed || running || !(dirty || heldSince !== null)) return;
    dirty = false;
    running = true;
    worker.postMessage('checkpoint');
  };
  /** `restarts`: the worker copied the whole WAL during the hold, so the next commit restarts it. */
  const release = (restarts: boolean): void => {
    heldSince = null;
    lastHoldFailed = !restarts;
    if (holdTimer) clearTimeout(holdTimer);
    holdTimer = null;
    for (const then of waiting.splice(0)) then();
  };
  const hold = (): void => {
    heldSince = performance.now();
    // Even if the worker never answers.
    holdTimer = setTimeout(() => release(false), HOLD_MAX_MS);
  };
  worker.on('message', (reply: WorkerReply) => {
    running = false;
    if (!reply.ok) report(`WAL checkpoint failed: ${reply.message ?? 'unknown error'}`);
    walFrames = reply.log ?? 0;
    const copiedAll = reply.ok && walFrames === (reply.checkpointed ?? 0);
    if (heldSince !== null) {
      if (copiedAll || closed || performance.now() - heldSince > HOLD_MAX_MS) release(copiedAll);
      else return request();
    } else if (walFrames >= restartFrames && !closed) {
      // `copiedAll` says nothing here: the relay went on writing while this checkpoint ran.
      hold();
      return request();
    }
    if (dirty && !closed && !timer) timer = setTimeout(request, PAUSE_MS).unref();
  });
  worker.on('error', (error) => {
    report(`WAL checkpoint worker stopped (${error.message}): SQLite checkpoints on its own again`);
    closed = true;
    release(false);
    main.checkpointAutomatically();
  });

  return {
    wrote() {
      dirty = true;
      if (lastHoldFailed && walFrames > MAX_WAL_FRAMES_PER_RESTART * restartFrames) {
        walFrames = 0;
        lastHoldFailed = false;
        try {
          main.checkpoint();
        } catch (error) {
          // The WAL only grows a while longer: the checkpoints go on trying.
          console.error('relay: checkpoint failed', error);
        }
      }
      if (!running && !timer && !closed) request();
    },
    holding: () => heldSince !== null,
    afterHold(then) {
      if (heldSince === null) then();
      else waiting.push(then);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      release(false);
      // After the checkpoint in hand (if any): the worker closes its connection and exits.
      worker.postMessage('close');
      await exited;
    },
  };
}
