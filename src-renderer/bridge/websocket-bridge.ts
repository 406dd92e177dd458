// The browser host's bridge: the API contract carried as JSON over one WebSocket (host-protocol.ts).
// Calls made while the socket connects wait for it; calls whose connection drops fail with 'internal'
// (so nothing hangs), and the socket comes back on its own with backoff.
import {
  METHOD_NAMES,
  type ApiError,
  type CallOutcome,
  type EventName,
  type SuviazBridge,
} from '../../src-shared/api';
import { HOST_API_PATH, type HostRequest } from '../../src-shared/host-protocol';
import { setConnectionStatus } from './connection-status';

type Resolve = (outcome: CallOutcome<unknown>) => void;

const BACKOFF_FIRST_MS = 250;
const BACKOFF_MAX_MS = 5_000;

const connectionLost: ApiError = {
  code: 'internal',
  message: 'Lost connection to Suviaz before the answer arrived.',
};

function isOutcome(value: unknown): value is CallOutcome<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'ok') === 'boolean'
  );
}

export function createWebSocketBridge(token: string): SuviazBridge {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${window.location.host}${HOST_API_PATH}?token=${encodeURIComponent(token)}`;

  const pending = new Map<number, Resolve>();
  /** Frames of calls made while the socket was still connecting. */
  let waiting: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let failures = 0;

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      failures = 0;
      setConnectionStatus('connected');
      for (const frame of waiting) ws.send(frame);
      waiting = [];
    });
    ws.addEventListener('message', (message) => handleMessage(message.data));
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      waiting = [];
      for (const resolve of pending.values()) resolve({ ok: false, error: connectionLost });
      pending.clear();
      setConnectionStatus('reconnecting');
      failures += 1;
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (failures - 1));
      // Jitter keeps several windows from hammering a restarting host in lockstep.
      window.setTimeout(connect, delay * (0.75 + Math.random() * 0.5));
    });
  }

  function handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const type: unknown = Reflect.get(message, 'type');
    if (type === 'result') {
      const id: unknown = Reflect.get(message, 'id');
      const outcome: unknown = Reflect.get(message, 'outcome');
      if (typeof id !== 'number') return;
      const resolve = pending.get(id);
      if (!resolve) return;
      pending.delete(id);
      resolve(
        isOutcome(outcome)
          ? outcome
          : { ok: false, error: { code: 'internal', message: 'Malformed answer.' } },
      );
    } else if (type === 'event') {
      const event: unknown = Reflect.get(message, 'event');
      if (typeof event !== 'string') return;
      const payload: unknown = Reflect.get(message, 'payload');
      for (const listener of listeners.get(event) ?? []) listener(payload);
    }
  }

  function send(method: string, args: unknown): Promise<CallOutcome<unknown>> {
    const current = socket;
    if (!current || current.readyState > WebSocket.OPEN) {
      return Promise.resolve({ ok: false, error: connectionLost });
    }
    const id = nextId++;
    const request: HostRequest = { type: 'call', id, method, args };
    const frame = JSON.stringify(request);
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (current.readyState === WebSocket.OPEN) current.send(frame);
      else waiting.push(frame);
    });
  }

  const bridge: Record<string, unknown> = {
    on(event: EventName, listener: (payload: unknown) => void): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const method of METHOD_NAMES) {
    bridge[method] = (args: unknown) => send(method, args);
  }
  connect();
  // Built generically from METHOD_NAMES, so TypeScript cannot see the per-method signatures; each
  // method forwards its args unchanged and main validates them against the same contract.
  return bridge as unknown as SuviazBridge;
}
