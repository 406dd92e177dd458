// The engine's connection to its relay: dialed directly or through the proxy, with its pinned key;
// what stood in the way (proxy, relay identity, Tor missing); and the catch-up after each connect.
import type { Agent } from 'node:http';
import type { ProxySetting } from '../../../src-shared/api';
import { isOnionAddress } from '../../../src-shared/protocol/relay-host';
import type { Db } from '../vault/migrations';
import type { OpenDocs } from './open-documents';
import {
  createRelayConnection,
  type RelayConnection,
  type RelayConnectionOptions,
} from './relay-connection';
import type { RelayIdentityProblem } from './relay-handshake';
import { vaultRelayPin } from './relay-pins';
import { proxyProblem, type ProxyProblem } from './relay-proxy';
import type { SyncEngineOptions } from './sync-engine-contract';

/** Why the relay is not reached, for the sync state. */
export type RelayProblem = ProxyProblem | RelayIdentityProblem | 'onion-needs-tor';

/** The connection to `relayUrl`, or null when there is none to make. */
export function connectRelay(
  deps: Pick<
    RelayConnectionOptions,
    'device' | 'sign' | 'onStatus' | 'onConnected' | 'onFrame' | 'onFrameError'
  > & {
    db: Db;
    relayUrl: string;
    proxy: ProxySetting;
    agent: Agent | undefined;
    options: Pick<SyncEngineOptions, 'webSocket' | 'tuning'>;
    warn(docId: string | null, reason: string): void;
    setProblem(problem: RelayProblem | null): void;
    emitState(): void;
  },
): RelayConnection | null {
  const { relayUrl, proxy, agent, options } = deps;
  if (relayUrl && isOnionAddress(relayUrl) && proxy.kind === 'none') {
    // Never dialed directly, whoever asked (Settings, an invite's relay): said instead.
    deps.setProblem('onion-needs-tor');
    return null;
  }
  if (!relayUrl) return null;
  return createRelayConnection({
    url: relayUrl,
    device: deps.device,
    sign: deps.sign,
    onStatus: deps.onStatus,
    onConnected: deps.onConnected,
    onFrame: deps.onFrame,
    onFrameError: deps.onFrameError,
    ...(agent ? { agent } : {}),
    onConnectError: (error) => {
      deps.setProblem(proxyProblem(proxy, error));
      deps.emitState();
    },
    // The relay's identity is checked against the key pinned for this address before AUTH.
    pin: vaultRelayPin(deps.db, relayUrl, (how) => {
      if (how === 'rotated') deps.warn(null, 'relay-key-rotated');
    }),
    onIdentityProblem: (problem) => {
      deps.setProblem(problem);
      deps.emitState();
    },
    ...(options.webSocket ? { webSocket: options.webSocket } : {}),
    ...(options.tuning?.requestTimeoutMs
      ? { requestTimeoutMs: options.tuning.requestTimeoutMs }
      : {}),
    ...(options.tuning?.idlePingMs ? { idlePingMs: options.tuning.idlePingMs } : {}),
  });
}

/** Waits, up to `ms`, for the relay to be connected: a join just after a relay was set needs it. */
export async function waitForConnection(
  deps: { relayUrl: string; connection(): RelayConnection | null; isStopped(): boolean },
  ms: number,
): Promise<void> {
  const until = Date.now() + ms;
  while (
    deps.relayUrl &&
    deps.connection()?.status() !== 'connected' &&
    Date.now() < until &&
    !deps.isStopped()
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** After every connect: the relay is brought up to date, then every active document catches up. */
export async function afterConnect(deps: {
  forwardPending(): Promise<void>;
  refreshAllGroups(): Promise<void>;
  docs: OpenDocs;
  tellMail(groupHex: null): void;
}): Promise<void> {
  try {
    // Entries a carried bundle brought go first, so the refresh finds them at the relay.
    await deps.forwardPending();
    await deps.refreshAllGroups();
  } catch {
    // Offline again or refused: the next connect retries.
  }
  for (const doc of deps.docs.values()) {
    if (doc.group.status === 'active') void doc.sync.subscribe();
  }
  deps.tellMail(null);
}
