// One relay for the local network, hosted by the app (server/relay.ts, in this process): started on
// an address of this computer and a port, so an office or a meeting can sync with no internet.
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { startRelay, type RunningRelay } from '../../../server/relay';
import type { LanInterface, LanRelayStatus } from '../../../src-shared/api';
import { relayFingerprint } from '../../../src-shared/protocol/relay-fingerprint';
import { SuviazError } from '../errors';
import { currentInterfaces, findInterface, hostPort, relayUrlFor } from './lan-interfaces';

export interface LanRelay {
  interfaces(): LanInterface[];
  /** Starts (or moves) the relay; resolves once it listens. Throws SuviazError with a clear code. */
  start(address: string, port: number): Promise<LanRelayStatus>;
  stop(): Promise<LanRelayStatus>;
  /** Panic wipe: stops the relay without waiting out its goodbyes and deletes its folder. */
  wipe(): Promise<void>;
  status(): LanRelayStatus;
  onChange(listener: (status: LanRelayStatus) => void): () => void;
}

export interface LanRelayOptions {
  /** Where the relay keeps its database and identity key. */
  dataDir: string;
  /** This computer's addresses; tests may pass their own. */
  interfaces?: () => LanInterface[];
}

/** The relay's folder: beside the vault's, in the app's data folder, never inside the vault. */
/** How long a panic wipe lets the hosted relay close before deleting its folder anyway. */
const WIPE_STOP_WAIT_MS = 300;

export function lanRelayDirBeside(vaultDir: string): string {
  return join(dirname(vaultDir), 'lan-relay');
}

/**
 * The hosts the relay accepts in AUTH: what other devices dial (clients sign the host they dialed,
 * so a look-alike relay cannot pass our challenge on). On loopback, "localhost" dials it too.
 */
export function publicHostsFor(address: string, port: number): string[] {
  const hosts = [hostPort(address, port)];
  if (address === '127.0.0.1' || address === '::1') hosts.push(`localhost:${port}`);
  return hosts;
}

/** Node's listen error codes, as the API's: the person can act on these two. */
function listenError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return new SuviazError('lan-relay-port-in-use', `The port is in use or not allowed (${code}).`);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') {
    return new SuviazError(
      'lan-relay-address-unavailable',
      `This computer cannot listen on that address (${code}).`,
    );
  }
  return error;
}

/**
 * A free port on the address, for "port 0": the relay must know its port before it listens, since
 * the accepted AUTH host names it. Another program could take it in between; then start says so.
 */
function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, address, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** An address, checked to be one of this computer's now, as the interface that has it. */
function interfaceWithAddress(known: readonly LanInterface[]) {
  return z.string().transform((address, ctx) => {
    const found = findInterface(known, address);
    if (!found) {
      ctx.addIssue({ code: 'custom', message: 'not an address of this computer' });
      return z.NEVER;
    }
    return found;
  });
}

interface Hosted {
  relay: RunningRelay;
  status: Extract<LanRelayStatus, { running: true }>;
}

export function createLanRelay(options: LanRelayOptions): LanRelay {
  const interfaces = options.interfaces ?? currentInterfaces;
  const listeners = new Set<(status: LanRelayStatus) => void>();
  let hosted: Hosted | undefined;
  // Start and stop run one at a time, so two clicks never race two relays onto one folder.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const status = (): LanRelayStatus => hosted?.status ?? { running: false };
  const changed = (): void => {
    const now = status();
    for (const listener of listeners) listener(now);
  };

  const closeHosted = async (): Promise<void> => {
    const was = hosted;
    hosted = undefined;
    if (was) await was.relay.close();
  };

  const open = async (chosen: LanInterface, port: number): Promise<void> => {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    let relay: RunningRelay;
    try {
      const actualPort = port === 0 ? await freePort(chosen.address) : port;
      relay = await startRelay({
        port: actualPort,
        host: chosen.address,
        dataDir: options.dataDir,
        publicHosts: publicHostsFor(chosen.address, actualPort),
        // No log of which device connected when: this computer is not meant to keep one.
        log: () => undefined,
      });
    } catch (error) {
      throw listenError(error);
    }
    hosted = {
      relay,
      status: {
        running: true,
        name: chosen.name,
        address: chosen.address,
        port: relay.port,
        url: relayUrlFor(chosen.address, relay.port),
        fingerprint: relayFingerprint(relay.identityKey),
        relayKey: Buffer.from(relay.identityKey).toString('base64url'),
        startedAt: Date.now(),
      },
    };
  };

  return {
    interfaces,
    start: (address, port) =>
      serially(async () => {
        // Validated against the machine's addresses now, not when the list was shown: Wi-Fi may
        // have dropped in between, and nobody may make this app listen on a stranger's address.
        const chosen = interfaceWithAddress(interfaces()).safeParse(address);
        if (!chosen.success) {
          throw new SuviazError(
            'lan-relay-address-unavailable',
            'That address is not one of this computer’s network addresses.',
          );
        }
        const now = hosted?.status;
        if (now && now.address === chosen.data.address && (port === 0 || port === now.port)) {
          return now;
        }
        const hadOne = hosted !== undefined;
        await closeHosted();
        try {
          await open(chosen.data, port);
        } finally {
          if (hadOne || hosted) changed();
        }
        return status();
      }),
    stop: () =>
      serially(async () => {
        if (!hosted) return status();
        await closeHosted();
        changed();
        return status();
      }),
    wipe: () =>
      serially(async () => {
        const had = hosted !== undefined;
        // The relay's graceful close waits seconds for other devices; a panic gives it a moment.
        const moment = new Promise((resolve) => setTimeout(resolve, WIPE_STOP_WAIT_MS).unref());
        await Promise.race([closeHosted().catch(() => undefined), moment]);
        // Its store names the spaces it carried and their members' device keys.
        rmSync(options.dataDir, { recursive: true, force: true });
        if (had) changed();
      }),
    status,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
