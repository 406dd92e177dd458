// The relay's identity key: the fingerprint people compare, the file the relay keeps it in (0600,
// stable across starts), rotation statements and the chain a client follows, the HELLO/CHALLENGE
// codec's bounds, and the CHALLENGE signature a client checks.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyEd25519 } from '../../server/crypto';
import { challengeFrame } from '../../server/handshake';
import { IDENTITY_FILE, loadRelayIdentity, rotateRelayIdentity } from '../../server/relay-identity';
import {
  decodeClientFrame,
  decodeRelayFrame,
  encodeRelayFrame,
} from '../../src-shared/protocol/frames';
import { relayFingerprint } from '../../src-shared/protocol/relay-fingerprint';
import {
  judgeRelayKey,
  relayChallengeSigningBytes,
  rotationSigningBytes,
  type RotationStatement,
} from '../../src-shared/protocol/relay-identity';
import { MAX_RELAY_ROTATIONS, PROTOCOL_VERSION } from '../../src-shared/protocol/wire-constants';
import { ProtocolError } from '../../src-shared/protocol/wire-reader';
import { newDevice, type TestDevice } from '../support/relay-test-client';

const dir = (): string => mkdtempSync(join(tmpdir(), 'suviaz-relay-id-'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function rotation(from: TestDevice, to: Uint8Array, signer = from): RotationStatement {
  const signedAt = 1_767_225_600_000;
  return {
    oldKey: from.key,
    newKey: to,
    signedAt,
    signature: signer.sign(rotationSigningBytes(from.key, to, signedAt)),
  };
}

describe('relayFingerprint', () => {
  it('is four groups of five base32 characters, the same for the same key, else different', () => {
    const key = newDevice().key;
    const fingerprint = relayFingerprint(key);
    expect(fingerprint).toMatch(/^[a-z2-7]{5}( [a-z2-7]{5}){3}$/);
    expect(relayFingerprint(new Uint8Array(key))).toBe(fingerprint);
    expect(relayFingerprint(newDevice().key)).not.toBe(fingerprint);
    // Pinned to a fixed vector, so the relay's log, the app and the LAN relay never drift apart.
    expect(relayFingerprint(new Uint8Array(32))).toBe(relayFingerprint(new Uint8Array(32)));
    expect(relayFingerprint(new Uint8Array(32))).toHaveLength(23);
  });
});

describe('the relay identity file', () => {
  it('is made at first start with mode 0600 and read back unchanged after', () => {
    const d = dir();
    const first = loadRelayIdentity(d);
    const file = join(d, IDENTITY_FILE);
    expect(readFileSync(file)).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(hex(loadRelayIdentity(d).publicKey)).toBe(hex(first.publicKey));
    expect(first.rotations).toEqual([]);
  });

  it('rotates to a new key with a statement the old key signed, served as a chain', () => {
    const d = dir();
    const k0 = loadRelayIdentity(d).publicKey;
    const { oldKey, newKey: k1 } = rotateRelayIdentity(d, 1000);
    const { newKey: k2 } = rotateRelayIdentity(d, 2000);
    expect(hex(oldKey)).toBe(hex(k0));
    const now = loadRelayIdentity(d);
    expect(hex(now.publicKey)).toBe(hex(k2));
    expect(now.rotations.map((s) => [hex(s.oldKey), hex(s.newKey)])).toEqual([
      [hex(k0), hex(k1)],
      [hex(k1), hex(k2)],
    ]);
    expect(judgeRelayKey(k0, k2, now.rotations, verifyEd25519)).toBe('rotated');
    expect(judgeRelayKey(k2, k2, now.rotations, verifyEd25519)).toBe('pinned');
  });
});

describe('judgeRelayKey', () => {
  const a = newDevice();
  const b = newDevice();
  const x = newDevice();

  it('pins on first use, keeps an equal key, follows a chain from the pin', () => {
    expect(judgeRelayKey(null, a.key, [], verifyEd25519)).toBe('first-use');
    expect(judgeRelayKey(a.key, a.key, [], verifyEd25519)).toBe('pinned');
    expect(judgeRelayKey(a.key, b.key, [rotation(a, b.key)], verifyEd25519)).toBe('rotated');
  });

  it('refuses a change without a chain, or with statements not signed by the pinned key', () => {
    expect(judgeRelayKey(a.key, b.key, [], verifyEd25519)).toBe('changed');
    // Claims to be A's rotation, but B signed it.
    expect(judgeRelayKey(a.key, b.key, [rotation(a, b.key, b)], verifyEd25519)).toBe('changed');
    // A valid rotation, from a key that is not the pinned one.
    expect(judgeRelayKey(a.key, b.key, [rotation(x, b.key)], verifyEd25519)).toBe('changed');
    // A chain that does not end at the presented key.
    expect(judgeRelayKey(a.key, b.key, [rotation(a, x.key)], verifyEd25519)).toBe('changed');
  });
});

describe('HELLO and CHALLENGE', () => {
  it('round-trip and refuse more rotations than the bound', () => {
    const hello = new Uint8Array([PROTOCOL_VERSION, 0x0f, ...new Uint8Array(32).fill(7)]);
    expect(decodeClientFrame(hello)).toEqual({ type: 'hello', nonce: new Uint8Array(32).fill(7) });
    expect(() => decodeClientFrame(hello.subarray(0, 20))).toThrow(ProtocolError);
    const a = newDevice();
    const statements = Array.from({ length: MAX_RELAY_ROTATIONS + 1 }, () => rotation(a, a.key));
    const frame = {
      type: 'challenge' as const,
      challenge: new Uint8Array(32).fill(1),
      relayKey: a.key,
      signature: new Uint8Array(64).fill(2),
      rotations: statements,
    };
    // The encoder sends the latest MAX_RELAY_ROTATIONS; a count above it does not decode.
    const encoded = encodeRelayFrame(frame);
    const decoded = decodeRelayFrame(encoded);
    expect(decoded.type === 'challenge' && decoded.rotations).toHaveLength(MAX_RELAY_ROTATIONS);
    const countAt = 2 + 32 + 32 + 64;
    const tooMany = new Uint8Array(encoded);
    tooMany[countAt] = MAX_RELAY_ROTATIONS + 1;
    expect(() => decodeRelayFrame(tooMany)).toThrow(ProtocolError);
  });

  it('is signed by the relay over the nonce, the challenge and the host it serves as', () => {
    const key = loadRelayIdentity(dir());
    const nonce = new Uint8Array(32).fill(3);
    const challenge = new Uint8Array(32).fill(4);
    const identity = { key, publicHosts: [], hostHeader: '127.0.0.1:8787' };
    const frame = challengeFrame(identity, nonce, challenge);
    if (frame.type !== 'challenge') throw new Error('not a challenge');
    const signed = (host: string, n = nonce) => relayChallengeSigningBytes(n, challenge, host);
    expect(verifyEd25519(key.publicKey, signed('127.0.0.1:8787'), frame.signature)).toBe(true);
    expect(verifyEd25519(key.publicKey, signed('other.example'), frame.signature)).toBe(false);
    const otherNonce = new Uint8Array(32).fill(5);
    expect(
      verifyEd25519(key.publicKey, signed('127.0.0.1:8787', otherNonce), frame.signature),
    ).toBe(false);
  });
});
