// AUTH signs the relay's identity (docs/protocol.md §2 Session): auth-input = domain ‖ challenge ‖
// string(relayHost), the normalised host[:port] the client dialed. A relay that passes another
// relay's challenge on to its own clients cannot log in there as them: the signed host is its own.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { authSigningBytes } from '../../src-shared/protocol/frames';
import { relayHostForms, relayHostOfUrl } from '../../src-shared/protocol/relay-host';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { ConfigError, parseConfig } from '../../server/config';
import { createRelayConnection } from '../../src-main/core/sync/relay-connection';
import { InProcessRelay } from '../support/in-process-relay';
import { startMaliciousRelay } from '../support/malicious-relay';
import { newDevice, RelayTestClient, type TestDevice } from '../support/relay-test-client';

const relay = InProcessRelay.perTest();

/** Connects without authenticating, answers the challenge signed for `host`, returns the answer. */
async function authAs(url: string, device: TestDevice, host: string) {
  const client = relay.closeAfterTest(await RelayTestClient.connect(url));
  const challenge = client.challenge ?? new Uint8Array();
  client.send({
    type: 'auth',
    device: device.key,
    signature: device.sign(authSigningBytes(challenge, host)),
  });
  const answer = await client.nextMatching((f) => f.type === 'authOk' || f.type === 'error');
  return { client, answer };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The app's own connection: resolves once authenticated, rejects if it goes offline first. */
function appConnects(url: string, device: TestDevice): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const connection = createRelayConnection({
      url,
      device: device.key,
      sign: device.sign,
      onStatus: (status) => {
        if (status === 'offline') {
          void connection.close();
          reject(new Error('the relay refused the app'));
        }
      },
      onConnected: () => resolve(() => connection.close()),
      onFrame: () => undefined,
      backoff: { minMs: 10, maxMs: 20 },
    });
  });
}

describe('the relay host', () => {
  it('is the lowercase host[:port] of the URL, default ports dropped, one function both sides use', () => {
    expect(relayHostOfUrl('wss://Relay.Example.ORG:443/path')).toBe('relay.example.org');
    expect(relayHostOfUrl('ws://relay.example.org:80')).toBe('relay.example.org');
    expect(relayHostOfUrl('ws://relay.example.org:443')).toBe('relay.example.org:443');
    expect(relayHostOfUrl('wss://relay.example.org:8443')).toBe('relay.example.org:8443');
    expect(relayHostOfUrl('ws://[::1]:8787')).toBe('[::1]:8787');
    expect(relayHostOfUrl('ws://127.0.0.1:8787')).toBe('127.0.0.1:8787');
    expect(relayHostOfUrl('ws://bücher.example')).toBe('xn--bcher-kva.example');
    expect(() => relayHostOfUrl('https://relay.example.org')).toThrow(/ws:\/\/ or wss:\/\//);
    // A Host header or configured host: the scheme, so the default port, is unknown.
    expect(relayHostForms('Relay.Example.org')).toEqual(['relay.example.org']);
    expect(relayHostForms('relay.example.org:443')).toEqual([
      'relay.example.org:443',
      'relay.example.org',
    ]);
    expect(relayHostForms('wss://relay.example.org:443')).toEqual(['relay.example.org']);
    expect(relayHostForms('relay.example.org/path')).toEqual([]);
    expect(relayHostForms('user@relay.example.org')).toEqual([]);
    expect(relayHostForms('')).toEqual([]);
  });

  it('can be configured with --public-host (repeatable) or SUVIAZ_RELAY_PUBLIC_HOSTS', () => {
    expect(
      parseConfig(['--public-host', 'a.example', '--public-host', 'b.example:8443'], {})
        ?.publicHosts,
    ).toEqual(['a.example', 'b.example:8443']);
    expect(
      parseConfig([], { SUVIAZ_RELAY_PUBLIC_HOSTS: 'a.example, b.onion' })?.publicHosts,
    ).toEqual(['a.example', 'b.onion']);
    expect(parseConfig([], {})?.publicHosts).toEqual([]);
    expect(() => parseConfig(['--public-host', 'a.example/x'], {})).toThrow(ConfigError);
  });
});

describe('AUTH signs the relay the client meant to reach', () => {
  it('lets in a client that signed for the host it dialed (the Host header)', async () => {
    await relay.start();
    const device = newDevice();
    const { answer } = await authAs(relay.url, device, relayHostOfUrl(relay.url));
    expect(answer.type).toBe('authOk');
    const close = await appConnects(relay.url, newDevice());
    await close();
  });

  it('refuses a challenge passed on by another relay: signed for host A, presented to relay B', async () => {
    await relay.start();
    const victim = newDevice();
    // Directly: the answer a client gave relay A, presented to this relay.
    const direct = await authAs(relay.url, victim, 'relay-a.example.org');
    expect(direct.answer).toMatchObject({ type: 'error', code: RelayError.authFailed });
    if (direct.answer.type === 'error') {
      expect(direct.answer.message).toMatch(/relay host 127\.0\.0\.1:\d+.*another relay/);
    }
    expect((await direct.client.closed).code).toBe(1008);

    // The proxy standing in for a relay the app chose (tests/support/malicious-relay.ts) tells the
    // relay behind it the host the app dialed, as that relay itself would know: let in.
    const chosen = await startMaliciousRelay(relay.url);
    try {
      await (
        await appConnects(chosen.url, victim)
      )();
    } finally {
      await chosen.close();
    }

    // End to end: relay A passes this relay's challenge to the app that dialed A, keeping this
    // relay's own Host header. Since v4 the app stops it first: this relay signed its CHALLENGE for
    // its own host, not A's, so the app sends no AUTH at all (and had it, the host it signs is A's).
    const relayA = await startMaliciousRelay(relay.url, { passHost: 'upstream' });
    try {
      await expect(appConnects(relayA.url, victim)).rejects.toThrow(/refused/);
      expect(relayA.captured.some((raw) => raw[1] === 0x81)).toBe(true);
      expect(relayA.connections.every((c) => c.device === null)).toBe(true);
    } finally {
      await relayA.close();
    }
  });

  it('checks the configured public host, not the Host header, when one is set', async () => {
    const port = await freePort();
    await relay.start({}, { port, publicHosts: [`localhost:${port}`, 'relay.example.org'] });
    // The app dials ws://localhost:PORT: signs localhost:PORT, which is configured.
    const close = await appConnects(`ws://localhost:${port}`, newDevice());
    await close();
    // Behind a proxy the relay sees 127.0.0.1 in the Host header; the client signed the public name.
    const device = newDevice();
    expect((await authAs(relay.url, device, 'relay.example.org')).answer.type).toBe('authOk');
    expect((await authAs(relay.url, device, 'RELAY.example.org:443')).answer.type).toBe('error');
    // The Host header (127.0.0.1:PORT) is not one of the configured hosts: refused.
    const byHeader = await authAs(relay.url, device, relayHostOfUrl(relay.url));
    expect(byHeader.answer).toMatchObject({ type: 'error', code: RelayError.authFailed });
  });
});
