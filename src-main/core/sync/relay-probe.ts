// Asks a relay whether it answers, when the user is about to save its address: a WebSocket that
// waits for the relay's CHALLENGE and closes. Nothing is signed or sent; only the user's click
// makes this connection.
import type { Agent } from 'node:http';
import WebSocket from 'ws';
import { decodeRelayFrame } from '../../../src-shared/protocol/frames';
import { PROTOCOL_VERSION } from '../../../src-shared/protocol/wire-constants';

export type ProbeResult = {
  result: 'ok' | 'other-version' | 'not-a-relay' | 'unreachable';
  detail: string;
};

const PROBE_TIMEOUT_MS = 8000;

function firstFrameVerdict(data: Buffer): ProbeResult {
  const bytes = new Uint8Array(data);
  if (bytes.length > 0 && bytes[0] !== PROTOCOL_VERSION) {
    return {
      result: 'other-version',
      detail: `the relay speaks protocol ${bytes[0]}; this Suviaz speaks ${PROTOCOL_VERSION}`,
    };
  }
  try {
    const frame = decodeRelayFrame(bytes);
    if (frame.type === 'challenge') return { result: 'ok', detail: 'the relay answered' };
    return { result: 'not-a-relay', detail: `it answered with ${frame.type}, not a challenge` };
  } catch {
    return {
      result: 'not-a-relay',
      detail: 'it answered with something that is not a relay frame',
    };
  }
}

export function probeRelay(
  url: string,
  options: { timeoutMs?: number; webSocket?: typeof WebSocket; agent?: Agent | undefined } = {},
): Promise<ProbeResult> {
  const Socket = options.webSocket ?? WebSocket;
  return new Promise((resolve) => {
    let settled = false;
    let ws: WebSocket;
    const finish = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ result: 'unreachable', detail: 'no answer in time' }),
      options.timeoutMs ?? PROBE_TIMEOUT_MS,
    );
    try {
      ws = new Socket(url, {
        handshakeTimeout: options.timeoutMs ?? PROBE_TIMEOUT_MS,
        ...(options.agent ? { agent: options.agent } : {}),
      });
    } catch (error) {
      clearTimeout(timer);
      resolve({ result: 'unreachable', detail: String(error) });
      return;
    }
    ws.once('message', (data: Buffer) => finish(firstFrameVerdict(data)));
    ws.once('unexpected-response', (_request, response) =>
      finish({
        result: 'not-a-relay',
        detail: `HTTP ${response.statusCode ?? '?'} instead of a relay`,
      }),
    );
    ws.once('error', (error) => finish({ result: 'unreachable', detail: error.message }));
    ws.once('close', () => finish({ result: 'unreachable', detail: 'the connection closed' }));
  });
}
