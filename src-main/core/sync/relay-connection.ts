// One WebSocket to one relay: HELLO, the relay's signed CHALLENGE checked against the pinned relay
// key (relay-handshake.ts), AUTH with the device key, request/response matching by requestId
// (relay-requests.ts), and reconnection with backoff (relay-backoff.ts) when the link closes or
// goes silent (relay-liveness.ts). Knows frames, not documents or groups.
import type { Agent } from 'node:http';
import WebSocket from 'ws';
import {
  authSigningBytes,
  decodeRelayFrame,
  encodeClientFrame,
  type ClientFrame,
  type RelayFrame,
} from '../../../src-shared/protocol/frames';
import { relayHostOfUrl } from '../../../src-shared/protocol/relay-host';
import { LIMITS } from '../../../src-shared/limits';
import { sodiumReady, verify as verifyEd25519 } from '../crypto/sodium';
import { attemptAfter, backoffDelay } from './relay-backoff';
import {
  helloNonce,
  judgeChallenge,
  type RelayIdentityProblem,
  type RelayPin,
} from './relay-handshake';
import { createLiveness } from './relay-liveness';
import {
  failPending,
  RelayRequestError,
  settleRequest,
  type PendingRequests,
  type RelayResponse,
} from './relay-requests';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

type Unsolicited = Exclude<RelayFrame, { requestId: number }>;
type RequestFrame = Extract<ClientFrame, { requestId: number }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface RelayConnection {
  status(): ConnectionStatus;
  /** Sends a frame with a fresh requestId; resolves with the relay's answer, rejects on ERROR. */
  request(frame: DistributiveOmit<RequestFrame, 'requestId'>): Promise<RelayResponse>;
  /** Fire and forget (EPHEMERAL, UNSUBSCRIBE); false when not connected. */
  send(frame: Exclude<ClientFrame, { requestId: number }>): boolean;
  /**
   * Not connected: try now instead of waiting out the backoff, which starts again from its
   * shortest delay (the user pressed "Try now", or the network changed). Connected: check that
   * the relay still answers, and connect again if it does not.
   */
  retryNow(): void;
  close(): Promise<void>;
}

export interface RelayConnectionOptions {
  url: string;
  device: Uint8Array;
  /** Signs with the device key (lent for the call). */
  sign(message: Uint8Array): Uint8Array;
  onStatus(status: ConnectionStatus): void;
  /** Called after every successful auth: subscribe and catch up here. */
  onConnected(): void;
  onFrame(frame: Unsolicited): void;
  /** What onFrame threw: reported, never thrown out of the socket's handler (it would end main). */
  onFrameError?(error: unknown): void;
  /** Every connection goes through this agent (a SOCKS5 proxy or Tor); none: direct. */
  agent?: Agent;
  /** Why the last attempt to connect failed (the socket's error), for the sync state. */
  onConnectError?(error: unknown): void;
  /**
   * The relay key pinned for this address; without one (tests, the probe) any relay whose
   * CHALLENGE is validly signed by the key it presents is taken.
   */
  pin?: RelayPin;
  /** The relay was refused before AUTH: its key is not the pinned one, or its signature is bad. */
  onIdentityProblem?(problem: RelayIdentityProblem): void;
  webSocket?: typeof WebSocket;
  /** Tests shorten the backoff. */
  backoff?: { minMs: number; maxMs: number };
  requestTimeoutMs?: number;
  idlePingMs?: number;
}

export function createRelayConnection(options: RelayConnectionOptions): RelayConnection {
  const Socket = options.webSocket ?? WebSocket;
  const minMs = options.backoff?.minMs ?? LIMITS.sync.reconnectMinMs;
  const maxMs = options.backoff?.maxMs ?? LIMITS.sync.reconnectMaxMs;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const idlePingMs = options.idlePingMs ?? LIMITS.sync.idlePingMs;
  // Signed with every challenge: the relay we meant to reach, so no other relay can use our answer.
  const relayHost = relayHostOfUrl(options.url);
  let status: ConnectionStatus = 'connecting';
  let socket: WebSocket | null = null;
  let attempt = 0;
  /** When the current connection was authenticated (performance.now()); null when none is. */
  let connectedAt: number | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let nextRequestId = 1;
  const liveness = createLiveness({ current: () => socket, idlePingMs });
  const pending: PendingRequests = new Map();

  const setStatus = (next: ConnectionStatus): void => {
    if (next === status) return;
    status = next;
    options.onStatus(next);
  };

  const scheduleReconnect = (): void => {
    if (stopped) return;
    setStatus('offline');
    attempt = attemptAfter(attempt, connectedAt === null ? null : performance.now() - connectedAt);
    connectedAt = null;
    const delay = backoffDelay(attempt++, minMs, maxMs);
    retryTimer = setTimeout(connect, delay);
  };

  type Handshake = { done: boolean; nonce: Uint8Array; challenged: boolean };

  /** The AUTH for a CHALLENGE, or null (and the problem reported) when the relay is not trusted. */
  const answerChallenge = (
    frame: Extract<RelayFrame, { type: 'challenge' }>,
    authed: Handshake,
  ): Uint8Array | null => {
    try {
      const problem = judgeChallenge(frame, authed.nonce, relayHost, verifyEd25519, options.pin);
      if (problem) {
        options.onIdentityProblem?.(problem);
        return null;
      }
      const signature = options.sign(authSigningBytes(frame.challenge, relayHost));
      return encodeClientFrame({ type: 'auth', device: options.device, signature });
    } catch {
      // The vault closed under us, or libsodium is not there: sign nothing, try again later.
      return null;
    }
  };

  const onMessage = (ws: WebSocket, data: Buffer, authed: Handshake): void => {
    let frame: RelayFrame;
    try {
      frame = decodeRelayFrame(new Uint8Array(data));
    } catch {
      // A relay that speaks garbage is not one we can trust with the session: start over.
      ws.terminate();
      return;
    }
    if (!authed.done) {
      if (frame.type === 'challenge' && !authed.challenged) {
        authed.challenged = true;
        const auth = answerChallenge(frame, authed);
        // Refused: close, and the usual backoff decides when to look again (no retry storm).
        if (auth) ws.send(auth);
        else ws.terminate();
      } else if (frame.type === 'authOk' && authed.challenged) {
        authed.done = true;
        connectedAt = performance.now();
        liveness.watchIdle(ws);
        setStatus('connected');
        options.onConnected();
      } else {
        ws.terminate();
      }
      return;
    }
    if ('requestId' in frame) {
      settleRequest(pending, frame);
      return;
    }
    try {
      options.onFrame(frame);
    } catch (error) {
      options.onFrameError?.(error);
    }
  };

  function connect(): void {
    retryTimer = null;
    if (stopped) return;
    setStatus('connecting');
    const ws = new Socket(options.url, options.agent ? { agent: options.agent } : {});
    socket = ws;
    const authed: Handshake = { done: false, nonce: helloNonce(), challenged: false };
    ws.binaryType = 'nodebuffer';
    liveness.setTransport(null);
    ws.on('upgrade', (response) => {
      if (socket === ws) liveness.setTransport(response.socket);
    });
    // The relay says nothing until HELLO: its CHALLENGE is signed over this fresh nonce.
    ws.on('open', () => ws.send(encodeClientFrame({ type: 'hello', nonce: authed.nonce })));
    ws.on('message', (data: Buffer) => onMessage(ws, data, authed));
    ws.on('error', (error) => {
      // 'close' follows every 'error'; reconnection is handled there.
      if (!authed.done) options.onConnectError?.(error);
    });
    ws.on('close', () => {
      if (socket === ws) {
        socket = null;
        liveness.stopWatchingIdle();
      }
      failPending(pending, 'the connection to the relay closed');
      scheduleReconnect();
    });
  }

  // libsodium checks the relay's signature; it is ready long before in the app, not always in tests.
  void sodiumReady().then(connect, connect);

  return {
    status: () => status,
    request(frame) {
      const ws = socket;
      if (!ws || status !== 'connected') {
        return Promise.reject(new RelayRequestError('offline', 'not connected to the relay'));
      }
      const requestId = nextRequestId++;
      return new Promise<RelayResponse>((resolve, reject) => {
        ws.send(encodeClientFrame({ ...frame, requestId } as ClientFrame));
        const sent = liveness.traffic(ws);
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new RelayRequestError('timeout', 'the relay did not answer'));
          liveness.endIfSilent(ws, sent);
        }, timeoutMs);
        pending.set(requestId, { resolve, reject, timer });
      });
    },
    send(frame) {
      if (!socket || status !== 'connected') return false;
      socket.send(encodeClientFrame(frame));
      return true;
    },
    retryNow() {
      if (stopped) return;
      if (status === 'connected') return liveness.probe();
      attempt = 0;
      if (retryTimer) {
        clearTimeout(retryTimer);
        connect();
      }
      // Otherwise an attempt is under way already: its failure now waits the shortest delay.
    },
    async close() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      liveness.stopWatchingIdle();
      const ws = socket;
      socket = null;
      failPending(pending, 'the sync engine stopped');
      setStatus('offline');
      if (ws && ws.readyState !== WebSocket.CLOSED) {
        await new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close();
          setTimeout(() => {
            ws.terminate();
            resolve();
          }, 1000).unref();
        });
      }
    },
  };
}
