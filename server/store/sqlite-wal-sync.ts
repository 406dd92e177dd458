// Durability of a SQLite database in WAL mode off the event loop. Commits run with
// synchronous=NORMAL, so a commit only writes its WAL frames (into the OS cache: it survives kill -9,
// not a power cut); this module then fsyncs the WAL file on libuv's thread pool and tells each
// waiter once everything it wrote is on disk. One fsync covers every write made before it started,
// so writers share them. The relay's store keeps the WAL open; the vault (src-main/core/vault)
// opens it for each fsync, so that no descriptor outlives a lock or a wipe.
import fs from 'node:fs';

export type Fsync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/** One fsync of whatever was written so far; `done` once it is on disk or failed. */
export type Flush = (done: (error: Error | null) => void) => void;

export interface WalSync {
  /** Call right after a write: resolves once that write (and all before it) is on disk. */
  afterWrite(): Promise<void>;
  /** Resolves once everything written so far is on disk (before handing stored data out). */
  settled(): Promise<void>;
  /** Set once an fsync failed: the store must not be trusted with anything after that. */
  readonly failure: Error | null;
  /** Resolves once no fsync is in flight. */
  idle(): Promise<void>;
}

interface Waiter {
  upTo: number;
  resolve(): void;
  reject(error: Error): void;
}

/** The shared-fsync bookkeeping over any `flush`; `what` names the store in the failure. */
export function createWalSync(flush: Flush, what: string): WalSync {
  let written = 0;
  let synced = 0;
  let inFlight: Promise<void> | null = null;
  let failure: Error | null = null;
  const waiters: Waiter[] = [];

  const fail = (error: Error): void => {
    // After a failed fsync the kernel may have dropped the dirty pages: a later fsync that
    // succeeds proves nothing, so every wait from now on fails.
    failure = new Error(`${what} could not be made durable: ${error.message}`);
    for (const waiter of waiters.splice(0)) waiter.reject(failure);
  };

  const kick = (): void => {
    if (inFlight || failure || waiters.length === 0) return;
    const covers = written;
    inFlight = new Promise<void>((done) => {
      flush((error) => {
        inFlight = null;
        done();
        if (error) return fail(error);
        synced = covers;
        // In the order they came: a later batch's waiters never hear before an earlier one's.
        while (waiters.length > 0 && (waiters[0]?.upTo ?? Infinity) <= synced) {
          waiters.shift()?.resolve();
        }
        kick();
      });
    });
  };

  const waitFor = (upTo: number): Promise<void> => {
    if (failure) return Promise.reject(failure);
    if (upTo <= synced) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      waiters.push({ upTo, resolve, reject });
      kick();
    });
  };

  return {
    afterWrite: () => waitFor(++written),
    settled: () => waitFor(written),
    get failure() {
      return failure;
    },
    async idle() {
      while (inFlight) await inFlight;
    },
  };
}

/**
 * The relay store's: over the WAL file at `walPath`, kept open for the store's life (close it after
 * `idle()`). `fsync` is node's, replaceable so a test can hold a sync back and see that nothing
 * waits less.
 */
export function openWalSync(
  walPath: string,
  fsync: Fsync = fs.fdatasync,
): WalSync & { close(): Promise<void> } {
  const fd = fs.openSync(walPath, 'r');
  const sync = createWalSync((done) => fsync(fd, done), "the relay's store");
  return Object.assign(sync, {
    async close() {
      await sync.idle();
      fs.closeSync(fd);
    },
  });
}
