// Asks a relay whether it answers, when the user is about to save its address: a WebSocket that
// sends HELLO, checks the relay's signed CHALLENGE and closes, reporting the relay's fingerprint.
// Nothing is signed by this device, nothing is pinned; only the user's click makes this connection.
import type { Agent } from 'node:http';
import WebSocket from 'ws';
import { decodeRelayFrame, encodeClientFrame } from '../../../src-shared/protocol/frames';
import { relayChallengeSigningBytes } from '../../../src-shared/protocol/relay-identity';
import { relayFingerprint } from '../../../src-shared/protocol/relay-fingerprint';
import { relayHostOfUrl } from '../../../src-shared/protocol/relay-host';
import { isOnionAddress } from '../../../src-shared/protocol/relay-host';
import { PROTOCOL_VERSION } from '../../../src-shared/protocol/wire-constants';
import { sodiumReady, verify } from '../crypto/sodium';
import { helloNonce } from './relay-handshake';

export type ProbeResult = {
  result: 'ok' | 'other-version' | 'not-a-relay' | 'unreachable';
  detail: string;
  /** The relay's fingerprint, when its CHALLENGE was validly signed. */
  fingerprint: string | null;
  /** The relay's identity key (for comparing with a pin); null with the fingerprint. */
  relayKey: Uint8Array | null;
};

const verdict = (result: ProbeResult['result'], detail: string): ProbeResult => ({
  result,
  detail,
  fingerprint: null,
  relayKey: null,
});

const PROBE_TIMEOUT_MS = 8000;

function firstFrameVerdict(data: Buffer, nonce: Uint8Array, relayHost: string): ProbeResult {
  const bytes = new Uint8Array(data);
  if (bytes.length > 0 && bytes[0] !== PROTOCOL_VERSION) {
    return verdict(
      'other-version',
      `the relay speaks protocol ${bytes[0]}; this Suviaz speaks ${PROTOCOL_VERSION}`,
    );
  }
  try {
    const frame = decodeRelayFrame(bytes);
    if (frame.type !== 'challenge') {
      return verdict('not-a-relay', `it answered with ${frame.type}, not a challenge`);
    }
    const signed = relayChallengeSigningBytes(nonce, frame.challenge, relayHost);
    if (!verify(frame.relayKey, signed, frame.signature)) {
      return verdict(
        'not-a-relay',
        `its challenge is not signed by the key it presents for ${relayHost}`,
      );
    }
    return {
      result: 'ok',
      detail: 'the relay answered',
      fingerprint: relayFingerprint(frame.relayKey),
      relayKey: frame.relayKey,
    };
  } catch {
    return verdict('not-a-relay', 'it answered with something that is not a relay frame');
  }
}

export async function probeRelay(
  url: string,
  options: { timeoutMs?: number; webSocket?: typeof WebSocket; agent?: Agent | undefined } = {},
): Promise<ProbeResult> {
  // Not dialed without a proxy: its name would go to the local DNS resolver.
  if (isOnionAddress(url) && !options.agent) {
    return verdict('unreachable', 'an .onion relay is reached only through Tor');
  }
  const Socket = options.webSocket ?? WebSocket;
  const nonce = helloNonce();
  let relayHost: string;
  try {
    relayHost = relayHostOfUrl(url);
  } catch (error) {
    return verdict('unreachable', String(error));
  }
  await sodiumReady();
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
      () => finish(verdict('unreachable', 'no answer in time')),
      options.timeoutMs ?? PROBE_TIMEOUT_MS,
    );
    try {
      ws = new Socket(url, {
        handshakeTimeout: options.timeoutMs ?? PROBE_TIMEOUT_MS,
        ...(options.agent ? { agent: options.agent } : {}),
      });
    } catch (error) {
      clearTimeout(timer);
      resolve(verdict('unreachable', String(error)));
      return;
    }
    ws.once('open', () => ws.send(encodeClientFrame({ type: 'hello', nonce })));
    ws.once('message', (data: Buffer) => finish(firstFrameVerdict(data, nonce, relayHost)));
    ws.once('unexpected-response', (_request, response) =>
      finish(verdict('not-a-relay', `HTTP ${response.statusCode ?? '?'} instead of a relay`)),
    );
    ws.once('error', (error) => finish(verdict('unreachable', error.message)));
    ws.once('close', () => finish(verdict('unreachable', 'the connection closed')));
  });
}
