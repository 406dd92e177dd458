import { beforeAll, describe, expect, it } from 'vitest';
import {
  KDF_FAST_FOR_TESTS,
  randomBytes,
  sodiumReady,
  toHex,
} from '../../src-main/core/crypto/sodium';
import {
  HEADER_BYTES,
  KEY_FILE_BYTES,
  SLOT_BYTES,
  SLOT_COUNT,
  createKeyFile,
  decodeKeyFile,
  deriveSlotKey,
  encodeKeyFile,
  rewrapKeyFile,
  unlockKeyFile,
  wrapSlot,
  type KeyFile,
} from '../../src-main/core/vault/key-file';

const REAL = 'harbour lantern quietly 1987 frost';
const NEXT = 'orchard velvet compass 2031 ember';

beforeAll(async () => {
  await sodiumReady();
});

async function fresh(passphrase = REAL): Promise<{ file: KeyFile; dbKey: Uint8Array }> {
  const dbKey = randomBytes(32);
  return {
    file: await createKeyFile(passphrase, Uint8Array.from(dbKey), KDF_FAST_FOR_TESTS),
    dbKey,
  };
}

function slotsOf(bytes: Uint8Array): string[] {
  return Array.from({ length: SLOT_COUNT }, (_, i) =>
    toHex(bytes.subarray(HEADER_BYTES + i * SLOT_BYTES, HEADER_BYTES + (i + 1) * SLOT_BYTES)),
  );
}

describe('key file', () => {
  it('encodes and decodes to the same file, and unwraps the DB key with the passphrase', async () => {
    const { file, dbKey } = await fresh();
    const bytes = encodeKeyFile(file);
    const decoded = decodeKeyFile(bytes);
    expect(decoded.kdf).toEqual(KDF_FAST_FOR_TESTS);
    expect(toHex(decoded.salt)).toBe(toHex(file.salt));
    expect(toHex(encodeKeyFile(decoded))).toBe(toHex(bytes));
    const opened = await unlockKeyFile(decoded, REAL);
    expect(toHex(opened.dbKey)).toBe(toHex(dbKey));
    expect(opened.index).toBeGreaterThanOrEqual(0);
    expect(opened.index).toBeLessThan(SLOT_COUNT);
  });

  it('has a fixed size whatever the passphrase, and all slots the same size', async () => {
    const short = encodeKeyFile((await fresh('a')).file);
    const long = encodeKeyFile((await fresh('ж'.repeat(1000))).file);
    expect(short).toHaveLength(KEY_FILE_BYTES);
    expect(long).toHaveLength(KEY_FILE_BYTES);
    expect(KEY_FILE_BYTES).toBe(HEADER_BYTES + SLOT_COUNT * SLOT_BYTES);
  });

  it('fills unused slots with fresh random bytes and picks the used slot at random', async () => {
    const a = encodeKeyFile((await fresh()).file);
    const b = encodeKeyFile((await fresh()).file);
    const slotsA = slotsOf(a);
    const slotsB = slotsOf(b);
    expect(new Set(slotsA).size).toBe(SLOT_COUNT);
    expect(slotsA.filter((s) => slotsB.includes(s))).toEqual([]);
    const indexes = new Set<number>();
    for (let i = 0; i < 12 && indexes.size < 2; i++) {
      const { file } = await fresh();
      indexes.add((await unlockKeyFile(file, REAL)).index);
    }
    expect(indexes.size).toBeGreaterThan(1);
  });

  it('finds no slot for a wrong passphrase', async () => {
    const { file } = await fresh();
    await expect(unlockKeyFile(file, 'harbour lantern quietly 1987 frosT')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('treats the same passphrase in another Unicode normal form as the same', async () => {
    const { file, dbKey } = await fresh('Прывітанне й ёлка 2024 зіма');
    const decomposed = 'Прывітанне й ёлка 2024 зіма'.normalize('NFD');
    expect(toHex((await unlockKeyFile(file, decomposed)).dbKey)).toBe(toHex(dbKey));
  });

  it('rewraps only the matching slot, with a fresh nonce, keeping salt and other slots', async () => {
    const { file, dbKey } = await fresh();
    const { index } = await unlockKeyFile(file, REAL);
    const updated = await rewrapKeyFile(file, REAL, NEXT);
    expect(toHex(updated.salt)).toBe(toHex(file.salt));
    const before = slotsOf(encodeKeyFile(file));
    const after = slotsOf(encodeKeyFile(updated));
    after.forEach((slot, i) =>
      i === index ? expect(slot).not.toBe(before[i]) : expect(slot).toBe(before[i]),
    );
    expect(after[index]!.slice(0, 48)).not.toBe(before[index]!.slice(0, 48));
    await expect(unlockKeyFile(updated, REAL)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const opened = await unlockKeyFile(updated, NEXT);
    expect(opened.index).toBe(index);
    expect(toHex(opened.dbKey)).toBe(toHex(dbKey));
    await expect(rewrapKeyFile(file, 'not the passphrase', NEXT)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('keeps a second passphrase in another slot working when the first one changes', async () => {
    // Stands in for the later duress slot: one salt per file is what makes this possible.
    const { file, dbKey } = await fresh();
    const { index } = await unlockKeyFile(file, REAL);
    const other = (index + 1) % SLOT_COUNT;
    const secondKey = await deriveSlotKey(file, 'second passphrase for the other slot');
    const both = wrapSlot(file, other, secondKey, dbKey);
    const changed = await rewrapKeyFile(both, REAL, NEXT);
    expect((await unlockKeyFile(changed, 'second passphrase for the other slot')).index).toBe(
      other,
    );
    expect((await unlockKeyFile(changed, NEXT)).index).toBe(index);
  });

  it('refuses a moved or swapped slot', async () => {
    const { file } = await fresh();
    const { index } = await unlockKeyFile(file, REAL);
    const slots = [...file.slots];
    const other = (index + 1) % SLOT_COUNT;
    [slots[index], slots[other]] = [slots[other]!, slots[index]!];
    await expect(unlockKeyFile({ ...file, slots }, REAL)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('reports a truncated, padded, garbled or unknown-version file as keyfile-corrupt', async () => {
    const bytes = encodeKeyFile((await fresh()).file);
    const variants: Uint8Array[] = [
      new Uint8Array(0),
      bytes.subarray(0, HEADER_BYTES),
      bytes.subarray(0, bytes.length - 1),
      Uint8Array.from([...bytes, 0]),
    ];
    const versioned = Uint8Array.from(bytes);
    versioned[0] = 2;
    const hugeMemory = Uint8Array.from(bytes);
    new DataView(hugeMemory.buffer).setUint32(5, 0xffffffff);
    const zeroOps = Uint8Array.from(bytes);
    new DataView(zeroOps.buffer).setUint32(1, 0);
    const hugeOps = Uint8Array.from(bytes);
    new DataView(hugeOps.buffer).setUint32(1, 1_000_000);
    variants.push(versioned, hugeMemory, zeroOps, hugeOps);
    for (const variant of variants) {
      expect(() => decodeKeyFile(variant)).toThrow(
        expect.objectContaining({ code: 'keyfile-corrupt' }),
      );
    }
  });

  it('makes a garbled salt or KDF field a wrong passphrase, never a wrong key', async () => {
    const bytes = encodeKeyFile((await fresh()).file);
    const salted = Uint8Array.from(bytes);
    salted[HEADER_BYTES - 1]! ^= 1;
    await expect(unlockKeyFile(decodeKeyFile(salted), REAL)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const ops = Uint8Array.from(bytes);
    new DataView(ops.buffer).setUint32(1, 2);
    await expect(unlockKeyFile(decodeKeyFile(ops), REAL)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });
});
