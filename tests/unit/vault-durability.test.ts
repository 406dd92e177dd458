// The sync engine's commits without an fsync on the event loop: the vault's other writes keep
// synchronous=FULL whatever happens inside, a commit inside another transaction is left to that
// one, and the fsync that acknowledges edits finishes against a real vault (and after it closed).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { createVault, type OpenVault } from '../../src-main/core/vault/vault';
import { commitWithoutFsync, durable } from '../../src-main/core/vault/vault-durability';

const FULL = 2;
const NORMAL = 1;
let vault: OpenVault | null = null;

afterEach(() => {
  vault?.close();
  vault = null;
});

async function newVault(): Promise<OpenVault> {
  const dir = mkdtempSync(join(tmpdir(), 'suviaz-durability-'));
  vault = await createVault(dir, 'harbour lantern quietly 1987 frost', { kdf: KDF_FAST_FOR_TESTS });
  vault.db.exec('CREATE TABLE scratch (x TEXT)');
  return vault;
}

const level = (v: OpenVault): unknown => v.db.pragma('synchronous', { simple: true });

describe('vault durability', () => {
  it('commits at NORMAL and puts FULL back, also when the write throws', async () => {
    const v = await newVault();
    const insert = v.db.prepare('INSERT INTO scratch (x) VALUES (?)');
    const seen = commitWithoutFsync(v.db, () => {
      insert.run('one');
      return level(v);
    });
    expect(seen).toBe(NORMAL);
    expect(level(v)).toBe(FULL);
    expect(() =>
      commitWithoutFsync(v.db, () => {
        insert.run('two');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(level(v)).toBe(FULL);
    expect(v.db.prepare('SELECT x FROM scratch').pluck().all()).toEqual(['one']);
  });

  it("leaves a commit inside another transaction to that transaction's level", async () => {
    const v = await newVault();
    v.db.transaction(() => {
      commitWithoutFsync(v.db, () => v.db.prepare("INSERT INTO scratch (x) VALUES ('in')").run());
      expect(level(v)).toBe(FULL);
    })();
    expect(v.db.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(1);
  });

  it('finishes the fsync of what was written, in order, and after the vault closed', async () => {
    const v = await newVault();
    const insert = v.db.prepare('INSERT INTO scratch (x) VALUES (?)');
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => {
      commitWithoutFsync(v.db, () => insert.run(String(n)));
      return durable(v.db).then(() => order.push(n));
    });
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
    commitWithoutFsync(v.db, () => insert.run('last'));
    const last = durable(v.db);
    v.close();
    vault = null;
    await expect(last).resolves.toBeUndefined();
  });
});
