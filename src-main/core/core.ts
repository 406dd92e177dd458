// The engine as one object with the API contract's shape: both the Electron IPC wiring and the
// browser host drive exactly this, so they cannot drift apart.
import type { CallOutcome, EventName, EventPayload } from '../../src-shared/api';
import { sodiumReady, KDF_MODERATE, type KdfParams } from './crypto/sodium';
import { createHandlers } from './api/handlers';
import { withAppearance } from './api/appearance-handlers';
import { createAppearance } from './settings/appearance-file';
import { dispatch } from './api/dispatch';
import { createLanRelay, lanRelayDirBeside } from './lan-relay/lan-relay';
import { createSession } from './session/session';
import { getSettings } from './settings/settings';
import { createShellServices } from './shell/shell-services';
import type { ShellPort } from './shell/shell-port';

export interface CoreOptions {
  dataDir: string;
  /** The local-network relay's folder; default `lan-relay` beside the vault folder. */
  lanRelayDir?: string;
  /** Argon2id cost; only tests pass something weaker than KDF_MODERATE. */
  kdf?: KdfParams;
  logError?: (error: unknown) => void;
  /** Windows and clipboard, where the shell has them (the Electron app); the browser host has none. */
  shell?: ShellPort;
  /** Tests and drills only: briefings' clock runs this far ahead (the host's flag). */
  briefingClockOffsetMs?: number;
}

export interface Core {
  call(method: unknown, args: unknown): Promise<CallOutcome<unknown>>;
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void;
  /** Locks the vault (closing the database cleanly) and stops a hosted relay before the process exits. */
  shutdown(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  await sodiumReady();
  const session = createSession(options.dataDir, options.kdf ?? KDF_MODERATE, {
    briefingClockOffsetMs: options.briefingClockOffsetMs ?? 0,
  });
  // The hosted relay outlives a lock (other devices sync through it) and stops only at shutdown.
  const lanRelay = createLanRelay({
    dataDir: options.lanRelayDir ?? lanRelayDirBeside(options.dataDir),
  });
  const logError = options.logError ?? ((error: unknown) => console.error('suviaz:', error));
  const shell = createShellServices(options.shell, logError);
  // Screen-capture protection lives in the encrypted settings, so it is known (and applied) at unlock.
  session.onEvent((event) => {
    if (event === 'vault.unlocked') shell.applySettings(getSettings(session.unlocked().vault.db));
  });
  // The disguise lives beside the vault, outside it: the locked app must already wear it.
  const appearance = createAppearance(options.dataDir);
  const handlers = withAppearance(createHandlers(session, lanRelay, shell), session, appearance);
  const context = {
    isUnlocked: session.isUnlocked,
    logError,
  };
  return {
    call: (method, args) => dispatch(handlers, context, method, args),
    onEvent(listener) {
      const offSession = session.onEvent(listener);
      const offRelay = lanRelay.onChange((status) => listener('lanRelay.changed', status));
      const offAppearance = appearance.onChange((disguise) =>
        listener('appearance.changed', { disguise }),
      );
      return () => {
        offSession();
        offRelay();
        offAppearance();
      };
    },
    async shutdown() {
      await session.lock('quit');
      await lanRelay.stop();
      await shell.dispose();
    },
  };
}
