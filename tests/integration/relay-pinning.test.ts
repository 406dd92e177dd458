// The relay's pinned identity (docs/network.md "Pinned relay identity"), with real relays and the real
// sync engine: a relay swapped in behind the same address is refused before AUTH, a rotation signed
// by the pinned key is followed, a forged one is not, invite links carry the key, first use pins.
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadRelayIdentity,
  ROTATIONS_FILE,
  rotateRelayIdentity,
} from '../../server/relay-identity';
import { parseInviteLink } from '../../src-main/core/groups/invite-link';
import { probeRelay } from '../../src-main/core/sync/relay-probe';
import { adoptLinkRelayKey, getRelayPin, setRelayPin } from '../../src-main/core/sync/relay-pins';
import { encodeRelayFrame } from '../../src-shared/protocol/frames';
import { relayFingerprint } from '../../src-shared/protocol/relay-fingerprint';
import { rotationSigningBytes } from '../../src-shared/protocol/relay-identity';
import { RelayError } from '../../src-shared/protocol/wire-constants';
import { startMaliciousRelay, type MaliciousRelay } from '../support/malicious-relay';
import { newDevice, RelayTestClient } from '../support/relay-test-client';
import {
  cleanups,
  client,
  connected,
  relayOn,
  runCleanups,
  waitFor,
  type Client,
} from '../support/sync-clients';

afterEach(runCleanups);

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'suviaz-pin-relay-'));
const hex = (bytes: Uint8Array | null | undefined): string =>
  bytes ? Buffer.from(bytes).toString('hex') : '';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A forwarding proxy on a fixed 127.0.0.1 port in front of `upstream`: the address the client
 * knows stays the same while the test swaps what is behind it. It records every AUTH it forwards.
 */
async function frontOn(port: number, upstream: string): Promise<MaliciousRelay> {
  const front = await startMaliciousRelay(upstream, { port });
  cleanups.push(() => front.close());
  return front;
}

const sawAuth = (front: MaliciousRelay): boolean =>
  front.connections.some((c) => c.device !== null) || front.captured.some((raw) => raw[1] === 0x01);

/** A client that pinned relay A through the front at `url`, with one space. */
async function pinnedClient(url: string): Promise<{ c: Client; spaceId: string }> {
  const c = await client(url);
  await waitFor('connected to A', connected(c));
  const space = await c.engine.createSpace('Pinned');
  return { c, spaceId: space.id };
}

describe('a relay identity the client pins', () => {
  it('pins on first use, and the settings check reports the same fingerprint', async () => {
    const a = await relayOn(freshDir());
    const c = await client(a.url);
    await waitFor('connected', connected(c));
    expect(hex(getRelayPin(c.vault.db, a.url)?.key)).toBe(hex(a.identityKey));
    const probe = await probeRelay(a.url);
    expect(probe).toMatchObject({ result: 'ok', fingerprint: relayFingerprint(a.identityKey) });
  });

  it('refuses another relay behind the pinned address before AUTH, keeping the spaces', async () => {
    const port = await freePort();
    const a = await relayOn(freshDir());
    const frontA = await frontOn(port, a.url);
    const { c, spaceId } = await pinnedClient(frontA.url);
    expect(hex(getRelayPin(c.vault.db, frontA.url)?.key)).toBe(hex(a.identityKey));

    // Relay B takes A's place at the same address: a replaced relay, or a man in the middle.
    await frontA.close();
    const b = await relayOn(freshDir());
    const frontB = await frontOn(port, b.url);
    await waitFor('refused', () => c.engine.state().problem === 'relay-key-changed');
    // Refusals wait out the usual backoff, so a few attempts in a second, never a storm.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(frontB.connections.length).toBeLessThan(10);
    expect(c.engine.state().connection).not.toBe('connected');
    expect(sawAuth(frontB)).toBe(false);
    expect(hex(getRelayPin(c.vault.db, frontA.url)?.key)).toBe(hex(a.identityKey));
    expect(c.engine.listSpaces()).toEqual([
      expect.objectContaining({ id: spaceId, status: 'active' }),
    ]);
  });

  it('follows a rotation made with --rotate-identity and pins the new key', async () => {
    const port = await freePort();
    const dir = freshDir();
    const first = await relayOn(dir, port);
    const c = await client(first.url);
    await waitFor('connected', connected(c));
    const oldKey = first.identityKey;
    await first.close();

    const { newKey } = rotateRelayIdentity(dir);
    const again = await relayOn(dir, port);
    expect(hex(again.identityKey)).toBe(hex(newKey));
    await waitFor('reconnected', connected(c));
    expect(hex(getRelayPin(c.vault.db, first.url)?.key)).toBe(hex(newKey));
    expect(hex(newKey)).not.toBe(hex(oldKey));
    expect(c.engine.state().warnings.map((w) => w.reason)).toContain('relay-key-rotated');
  });

  it('refuses rotation statements not signed by the pinned key', async () => {
    const port = await freePort();
    const a = await relayOn(freshDir());
    const frontA = await frontOn(port, a.url);
    const { c } = await pinnedClient(frontA.url);
    await frontA.close();

    // Relay B serves a statement "X rotated to B" that X really signed: valid, but X is not pinned.
    const dirB = freshDir();
    const bKey = loadRelayIdentity(dirB);
    const x = newDevice();
    const signedAt = Date.now();
    const fromX = {
      oldKey: hex(x.key),
      newKey: hex(bKey.publicKey),
      signedAt,
      signature: hex(x.sign(rotationSigningBytes(x.key, bKey.publicKey, signedAt))),
    };
    writeFileSync(join(dirB, ROTATIONS_FILE), JSON.stringify([fromX]));
    const b = await relayOn(dirB);
    const frontB = await frontOn(port, b.url);
    // And the front adds "A rotated to B", signed by B instead of A: a forgery of A's word.
    const forged = {
      oldKey: a.identityKey,
      newKey: b.identityKey,
      signedAt,
      signature: bKey.sign(rotationSigningBytes(a.identityKey, b.identityKey, signedAt)),
    };
    frontB.toClient = (frame) =>
      frame.type === 'challenge'
        ? [encodeRelayFrame({ ...frame, rotations: [...frame.rotations, forged] })]
        : 'pass';

    await waitFor('refused', () => c.engine.state().problem === 'relay-key-changed');
    expect(frontB.captured.some((raw) => raw[1] === 0x81 && raw.length > 200)).toBe(true);
    expect(sawAuth(frontB)).toBe(false);
    expect(hex(getRelayPin(c.vault.db, frontA.url)?.key)).toBe(hex(a.identityKey));
  });

  it('puts the relay key in invite links and refuses a link whose key is not the pinned one', async () => {
    const a = await relayOn(freshDir());
    const owner = await client(a.url);
    await waitFor('connected', connected(owner));
    const space = await owner.engine.createSpace('Invites');
    const invite = await owner.engine.createInvite(space.id, 'editor', 7);
    expect(hex(parseInviteLink(invite.link).relayKey)).toBe(hex(a.identityKey));

    // A device that pinned another key for this very address (it met an impostor first).
    const joiner = await client(a.url);
    setRelayPin(joiner.vault.db, a.url, newDevice().key);
    await expect(joiner.engine.join(invite.link)).rejects.toMatchObject({
      code: 'relay-key-mismatch',
    });
    expect(joiner.engine.listSpaces()).toEqual([]);

    // A device with nothing pinned takes the link's key as its pin (the handlers do this first).
    const fresh = await client('');
    adoptLinkRelayKey(fresh.vault.db, a.url, parseInviteLink(invite.link).relayKey);
    expect(hex(getRelayPin(fresh.vault.db, a.url)?.key)).toBe(hex(a.identityKey));
  });

  it('refuses AUTH without HELLO with a message that says so', async () => {
    const a = await relayOn(freshDir());
    const raw = await RelayTestClient.connect(a.url, undefined, { hello: false });
    cleanups.push(() => raw.close());
    const device = newDevice();
    raw.send({ type: 'auth', device: device.key, signature: device.sign(new Uint8Array(8)) });
    const answer = await raw.next('error');
    expect(answer).toMatchObject({ code: RelayError.notAuthenticated });
    expect(answer.message).toMatch(/HELLO first/);
    expect((await raw.closed).code).toBe(1008);
  });
});
