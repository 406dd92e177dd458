// The unlocked/locked state of one vault: what is open, the idle auto-lock, and the events the
// renderer hears. Vault operations run one at a time so two unlocks can never race.
import type {
  DeviceIdentity,
  DuressStatus,
  EventName,
  EventPayload,
  VaultStatus,
} from '../../../src-shared/api';
import type { KdfParams } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { getDeviceIdentity } from '../identity/device-identity';
import { createNotesStore, type NotesStore } from '../notes/notes-store';
import { getSettings } from '../settings/settings';
import {
  changePassphrase,
  createVault,
  unlockVault,
  vaultStatus,
  type OpenVault,
} from '../vault/vault';
import { deleteVaultFiles, shredKeyFile } from '../vault/panic-wipe';
import {
  openDecoy,
  readDuressRecord,
  removeDuressPassphrase,
  markUnfinishedSet,
  setDuressPassphrase,
  unfinishedSet,
} from '../vault/duress';
import { createAutoLock, type AutoLock } from './auto-lock';

/** How long a panic wipe lets the sync engine stop before the database is closed under it. */
const PANIC_STOP_WAIT_MS = 300;
import { startSyncSession, type SyncSession } from './sync-session';

export interface Unlocked {
  vault: OpenVault;
  notes: NotesStore;
  sync: SyncSession;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Session {
  status(): VaultStatus;
  isUnlocked(): boolean;
  create(passphrase: string): Promise<DeviceIdentity>;
  unlock(passphrase: string): Promise<void>;
  lock(reason: EventPayload<'vault.locked'>['reason']): Promise<void>;
  changePassphrase(current: string, next: string): Promise<void>;
  /** The open vault's duress passphrase, as its own settings record it (the decoy has none). */
  duressStatus(): DuressStatus;
  setDuress(passphrase: string, destroysVault: boolean): Promise<void>;
  removeDuress(): Promise<void>;
  dismissUnfinishedDuress(): Promise<void>;
  /** Swaps the open real vault for its decoy, to prepare the decoy's notes (no destroy effect). */
  prepareDecoy(passphrase: string): Promise<void>;
  /**
   * Destroys the vault at once, open or not: the key file shredded first, then everything
   * deleted. Does not wait behind an unlock or any other call in progress.
   */
  panicWipe(): Promise<void>;
  activity(): void;
  setAutoLockMinutes(minutes: number): void;
  /** The open vault; throws 'locked' when there is none. */
  unlocked(): Unlocked;
  onEvent(listener: EventListener): () => void;
}

export function createSession(
  dataDir: string,
  kdf: KdfParams,
  /** Tests and drills only: briefings' clock runs this far ahead. */
  options: { briefingClockOffsetMs?: number } = {},
): Session {
  const offset = options.briefingClockOffsetMs ?? 0;
  const briefingClock = offset ? () => Date.now() + offset : undefined;
  let open: Unlocked | undefined;
  let autoLock: AutoLock | undefined;
  /** The open vault is a decoy opened from its real vault to prepare it; in memory only. */
  let preparing = false;
  const listeners = new Set<EventListener>();
  let queue: Promise<unknown> = Promise.resolve();
  /** Counts panic wipes: an unlock that began before one must not open what it read. */
  let wipes = 0;
  const notWipedSince = (at: number, vault: OpenVault): OpenVault => {
    if (wipes === at) return vault;
    vault.close();
    throw new SuviazError('vault-missing', 'The vault was erased.');
  };

  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const adopt = (vault: OpenVault, isDecoy = false): void => {
    preparing = isDecoy;
    const { autoLockMinutes, relayUrl } = getSettings(vault.db);
    open = {
      vault,
      notes: createNotesStore(vault.db),
      sync: startSyncSession(vault.db, relayUrl, emit, briefingClock),
    };
    autoLock = createAutoLock(autoLockMinutes, () => void session.lock('idle'));
    emit('vault.unlocked', {});
  };

  const close = async (reason: EventPayload<'vault.locked'>['reason']): Promise<void> => {
    if (!open) return;
    autoLock?.stop();
    autoLock = undefined;
    const { vault, sync } = open;
    open = undefined;
    preparing = false;
    // Stop syncing before the database closes: the engine writes acks and state to it.
    await sync.stop();
    vault.close();
    emit('vault.locked', { reason });
  };
  /** The open real vault, for a duress change (not the decoy being prepared). */
  const realVault = (): OpenVault => {
    if (!open) throw new SuviazError('locked', 'The vault is locked.');
    if (preparing) {
      throw new SuviazError('invalid-args', 'Open the vault with its own passphrase to do this.');
    }
    return open.vault;
  };

  const session: Session = {
    status: () => (open ? { state: 'unlocked', problem: null } : vaultStatus(dataDir)),
    isUnlocked: () => open !== undefined,
    create: (passphrase) =>
      serially(async () => {
        if (open) throw new SuviazError('vault-exists', 'A vault is already open.');
        const at = wipes;
        const vault = notWipedSince(at, await createVault(dataDir, passphrase, { kdf }));
        adopt(vault);
        return getDeviceIdentity(vault.db);
      }),
    unlock: (passphrase) =>
      serially(async () => {
        if (open) return;
        const at = wipes;
        adopt(notWipedSince(at, await unlockVault(dataDir, passphrase)));
      }),
    lock: (reason) => serially(() => close(reason)),
    async panicWipe() {
      wipes++;
      // A key file that cannot be overwritten (a failing disk) must not stop the rest of the wipe.
      let shredFailed: unknown = null;
      try {
        shredKeyFile(dataDir);
      } catch (error) {
        shredFailed = error;
      }
      const wasOpen = open;
      open = undefined;
      preparing = false;
      autoLock?.stop();
      autoLock = undefined;
      if (wasOpen) {
        // The engine is given a moment to stop writing; the database is noise already.
        await Promise.race([
          wasOpen.sync.stop().catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, PANIC_STOP_WAIT_MS).unref()),
        ]);
        wasOpen.vault.close();
      }
      deleteVaultFiles(dataDir);
      emit('vault.locked', { reason: 'wipe' });
      if (shredFailed) throw shredFailed;
    },
    changePassphrase: (current, next) =>
      serially(async () => {
        if (!open) throw new SuviazError('locked', 'The vault is locked.');
        // Through the open connection: the rekey must happen on the one that keeps writing.
        await changePassphrase(dataDir, open.vault, current, next);
      }),
    duressStatus: () => {
      const { db } = session.unlocked().vault;
      const record = readDuressRecord(db);
      return {
        set: record !== null,
        destroysVault: record?.destroysVault ?? false,
        preparing,
        unfinished: record === null && unfinishedSet(db),
      };
    },
    setDuress: (passphrase, destroysVault) =>
      serially(() => setDuressPassphrase(dataDir, realVault(), passphrase, destroysVault)),
    removeDuress: () => serially(async () => removeDuressPassphrase(dataDir, realVault())),
    dismissUnfinishedDuress: () => serially(async () => markUnfinishedSet(realVault().db, false)),
    prepareDecoy: (passphrase) =>
      serially(async () => {
        const at = wipes;
        const decoy = notWipedSince(at, await openDecoy(dataDir, realVault(), passphrase));
        await close('user');
        adopt(decoy, true);
      }),
    activity: () => autoLock?.touch(),
    setAutoLockMinutes: (minutes) => autoLock?.setMinutes(minutes),
    unlocked: () => {
      if (!open) throw new SuviazError('locked', 'The vault is locked.');
      return open;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return session;
}
