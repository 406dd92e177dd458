// One WebSocket to one relay: HELLO, the relay's signed CHALLENGE checked against the pinned relay
// key (relay-handshake.ts), AUTH with the device key, request/response matching
// by requestId, and reconnection with exponential backoff and full jitter (so a relay restart is not
// met by every client at the same instant). Knows frames, not documents or groups.
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
import { relayErrorName, type RelayErrorName } from '../../../src-shared/protocol/wire-constants';
import { LIMITS } from '../../../src-shared/limits';
import { sodiumReady, verify as verifyEd25519 } from '../crypto/sodium';
import {
  helloNonce,
  judgeChallenge,
  type RelayIdentityProblem,
  type RelayPin,
} from './relay-handshake';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

/** A request the relay refused (its error code) or that could not be answered ('offline'). */
export class RelayRequestError extends Error {
  constructor(
    readonly code: RelayErrorName | 'unknown' | 'offline' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'RelayRequestError';
  }
}

/**
 * The request did not get through for a passing reason: no connection, no answer, a relay that is
 * restarting, or too many frames at once. Worth sending again once connected.
 */
export function isPassingFailure(error: unknown): boolean {
  return (
    error instanceof RelayRequestError &&
    (error.code === 'offline' ||
      error.code === 'timeout' ||
      error.code === 'shuttingDown' ||
      error.code === 'rateLimited')
  );
}

type Response = Extract<RelayFrame, { requestId: number }>;
type Unsolicited = Exclude<RelayFrame, { requestId: number }>;
type RequestFrame = Extract<ClientFrame, { requestId: number }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface RelayConnection {
  status(): ConnectionStatus;
  /** Sends a frame with a fresh requestId; resolves with the relay's answer, rejects on ERROR. */
  request(frame: DistributiveOmit<RequestFrame, 'requestId'>): Promise<Response>;
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

/** How long a connected relay has to answer a ping (the network changed, or the link was quiet). */
const PROBE_MS = 5000;

/**
 * A connection that lasted this long was a good one: the next reconnection starts again from the
 * shortest wait. One closed sooner (a relay that fails every session the same way) keeps the wait
 * growing, so a client does not reconnect in a tight loop.
 */
export const STABLE_CONNECTION_MS = 30_000;

/** The backoff attempt after a connection that lasted `lastedMs` (null: none got through). */
export function attemptAfter(attempt: number, lastedMs: number | null): number {
  return lastedMs !== null && lastedMs >= STABLE_CONNECTION_MS ? 0 : attempt;
}

/** Full jitter: a uniformly random wait up to the exponential bound. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, minMs * 2 ** attempt);
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
  let idleTimer: NodeJS.Timeout | null = null;
  let nextRequestId = 1;
  /** The current connection's transport socket (through a proxy too), for its byte counts. */
  let transport: { bytesRead: number } | null = null;
  /**
   * Whether bytes moved either way: read from the relay, or queued ones sent on. A large frame on
   * a slow link (Tor) takes long as one message but moves all the time; a dead link moves nothing.
   */
  const traffic = (ws: WebSocket): string => `${transport?.bytesRead ?? 0}:${ws.bufferedAmount}`;
  /**
   * Not a byte moved either way since `before`: a connection that went away without closing (the
   * network changed under it, a NAT forgot it). Start again rather than wait on it.
   */
  const endIfSilent = (ws: WebSocket, before: string): void => {
    if (socket === ws && traffic(ws) === before) ws.terminate();
  };
  const pending = new Map<
    number,
    { resolve(frame: Response): void; reject(error: Error): void; timer: NodeJS.Timeout }
  >();

  const setStatus = (next: ConnectionStatus): void => {
    if (next === status) return;
    status = next;
    options.onStatus(next);
  };

  const failPending = (why: string): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new RelayRequestError('offline', why));
      pending.delete(id);
    }
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
        watchIdle(ws);
        setStatus('connected');
        options.onConnected();
      } else {
        ws.terminate();
      }
      return;
    }
    if ('requestId' in frame) {
      const p = pending.get(frame.requestId);
      if (!p) return;
      pending.delete(frame.requestId);
      clearTimeout(p.timer);
      if (frame.type === 'error') {
        p.reject(new RelayRequestError(relayErrorName(frame.code), frame.message));
      } else {
        p.resolve(frame);
      }
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
    transport = null;
    ws.on('upgrade', (response) => {
      if (socket === ws) transport = response.socket;
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
        stopWatchingIdle();
      }
      failPending('the connection to the relay closed');
      scheduleReconnect();
    });
  }

  /**
   * Connected as far as we know, but the network changed or the link was quiet: a ping the relay
   * must answer (a pong, or anything else) within PROBE_MS, or the link is dead.
   */
  let probing = false;
  function probe(): void {
    const ws = socket;
    if (!ws || probing) return;
    probing = true;
    const before = traffic(ws);
    try {
      ws.ping();
    } catch {
      // Not open after all: its 'close' follows and reconnects.
    }
    setTimeout(() => {
      probing = false;
      endIfSilent(ws, before);
    }, PROBE_MS).unref();
  }

  /** Pings the relay whenever a whole idlePingMs went by without a byte read from it. */
  function watchIdle(ws: WebSocket): void {
    stopWatchingIdle();
    let lastRead = transport?.bytesRead ?? 0;
    idleTimer = setInterval(() => {
      const read = transport?.bytesRead ?? 0;
      if (socket === ws && read === lastRead) probe();
      lastRead = read;
    }, idlePingMs);
    idleTimer.unref();
  }

  function stopWatchingIdle(): void {
    if (idleTimer) clearInterval(idleTimer);
    idleTimer = null;
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
      return new Promise<Response>((resolve, reject) => {
        ws.send(encodeClientFrame({ ...frame, requestId } as ClientFrame));
        const sent = traffic(ws);
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new RelayRequestError('timeout', 'the relay did not answer'));
          endIfSilent(ws, sent);
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
      if (status === 'connected') return probe();
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
      stopWatchingIdle();
      const ws = socket;
      socket = null;
      failPending('the sync engine stopped');
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
