import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  KDF_FAST_FOR_TESTS,
  fromHex,
  sign,
  sodiumReady,
  verify,
} from '../../src-main/core/crypto/sodium';
import {
  getDeviceIdentity,
  safetyNumber,
  withDeviceSecretKeys,
} from '../../src-main/core/identity/device-identity';
import { createVault, unlockVault, type OpenVault } from '../../src-main/core/vault/vault';

const PASSPHRASE = 'harbour lantern quietly 1987 frost';
const SAFETY_NUMBER = /^\d{5}( \d{5}){11}$/;
const dirs: string[] = [];
const opened: OpenVault[] = [];

async function newVault(): Promise<{ dir: string; vault: OpenVault }> {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-identity-'));
  dirs.push(dir);
  const vault = await createVault(dir, PASSPHRASE, { kdf: KDF_FAST_FOR_TESTS });
  opened.push(vault);
  return { dir, vault };
}

beforeAll(async () => {
  await sodiumReady();
});

afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('device identity', () => {
  it('shows public keys as hex and a safety number of 12 groups of 5 digits', async () => {
    const { vault } = await newVault();
    const identity = getDeviceIdentity(vault.db);
    expect(identity.signingPublicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(identity.boxPublicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(identity.fingerprint).toMatch(SAFETY_NUMBER);
    expect(Object.keys(identity).sort()).toEqual([
      'boxPublicKey',
      'fingerprint',
      'signingPublicKey',
    ]);
  });

  it('is the same after lock and unlock, and differs between vaults', async () => {
    const { dir, vault } = await newVault();
    const first = getDeviceIdentity(vault.db);
    vault.close();
    const again = await unlockVault(dir, PASSPHRASE);
    opened.push(again);
    expect(getDeviceIdentity(again.db)).toEqual(first);
    const other = getDeviceIdentity((await newVault()).vault.db);
    expect(other.signingPublicKey).not.toBe(first.signingPublicKey);
    expect(other.fingerprint).not.toBe(first.fingerprint);
  });

  it('derives the safety number from both public keys, in a fixed order', () => {
    const a = new Uint8Array(32).fill(1);
    const b = new Uint8Array(32).fill(2);
    const number = safetyNumber(a, b);
    expect(number).toMatch(SAFETY_NUMBER);
    expect(safetyNumber(a, b)).toBe(number);
    expect(safetyNumber(b, a)).not.toBe(number);
    // The spec, computed independently: BLAKE2b-512 over domain ‖ signing pk ‖ box pk, then each
    // 5-byte group as a big-endian integer mod 100000.
    const digest = createHash('blake2b512')
      .update('suviaz/safety-number/v1')
      .update(a)
      .update(b)
      .digest();
    const groups = Array.from({ length: 12 }, (_, g) =>
      String(
        Number(BigInt(`0x${digest.subarray(g * 5, g * 5 + 5).toString('hex')}`) % 100000n),
      ).padStart(5, '0'),
    );
    expect(number).toBe(groups.join(' '));
    const changed = Uint8Array.from(b);
    changed[31] = 3;
    expect(safetyNumber(a, changed)).not.toBe(number);
  });

  it('lends the secret keys for signing and wipes the loaned copies afterwards', async () => {
    const { vault } = await newVault();
    const identity = getDeviceIdentity(vault.db);
    const message = new TextEncoder().encode('membership entry');
    let loaned: Uint8Array | undefined;
    const signature = withDeviceSecretKeys(vault.db, (keys) => {
      loaned = keys.signingSecretKey;
      expect(keys.boxSecretKey).toHaveLength(32);
      return sign(keys.signingSecretKey, message);
    });
    expect(verify(fromHex(identity.signingPublicKey), message, signature)).toBe(true);
    expect(loaned?.every((byte) => byte === 0)).toBe(true);
  });
});
