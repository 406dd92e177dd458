// Part of scenario 5 (the vault): how long an unlock with the duress passphrase takes next to one with
// the real passphrase, on the same vault with KDF_MODERATE, with and without destroying the real vault.
// Reported as a measured ratio (duress / real), not asserted: the claim is that they take the same time.
import { KDF_MODERATE } from '../../src-main/core/crypto/sodium';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { setDuressPassphrase } from '../../src-main/core/vault/duress';
import { createVault, unlockVault } from '../../src-main/core/vault/vault';
import type { Row } from '../lib/report';
import { now, percentile } from '../lib/stats';
import { PASSPHRASE, tempDir } from '../lib/suviaz-client';

const DURESS = 'meadow kettle saffron 2046 lighthouse';
const RUNS = 5;
const NOTES = 200;
const BODY = 'Who was detained, where, which lawyer takes the case. '.repeat(20);

/** A closed vault with some notes and a duress passphrase whose decoy holds a few. */
async function vaultWithDuress(destroysVault: boolean): Promise<string> {
  const dir = tempDir('vault-duress');
  const vault = await createVault(dir, PASSPHRASE, { kdf: KDF_MODERATE });
  const notes = createNotesStore(vault.db);
  for (let i = 0; i < NOTES; i++) notes.create({ title: `Note ${i}`, body: BODY });
  await setDuressPassphrase(dir, vault, DURESS, destroysVault);
  vault.close();
  return dir;
}

async function timedUnlock(dir: string, passphrase: string): Promise<number> {
  const t = now();
  const vault = await unlockVault(dir, passphrase);
  const elapsed = now() - t;
  vault.close();
  return elapsed;
}

export async function runVaultDuress(): Promise<Row[]> {
  process.stderr.write('vault: duress unlock next to real unlock…\n');
  const dir = await vaultWithDuress(false);
  const real: number[] = [];
  const duress: number[] = [];
  // Interleaved and in turns first, so that a slow moment of the machine, or whatever the first of
  // two unlocks in a row pays more (the derivation's 256 MiB), falls on both alike.
  for (let i = 0; i < RUNS * 2; i++) {
    if (i % 2 === 0) real.push(await timedUnlock(dir, PASSPHRASE));
    duress.push(await timedUnlock(dir, DURESS));
    if (i % 2 === 1) real.push(await timedUnlock(dir, PASSPHRASE));
  }
  const destroying: number[] = [];
  const realBeside: number[] = [];
  // A destroying unlock can happen once per vault: each pair on a fresh one, the real unlock first
  // (after the duress unlock it would fail).
  for (let i = 0; i < RUNS; i++) {
    const fresh = await vaultWithDuress(true);
    realBeside.push(await timedUnlock(fresh, PASSPHRASE));
    destroying.push(await timedUnlock(fresh, DURESS));
  }
  const row = (kind: string, suviaz: number[], baseline: number[]): Row => ({
    scenario: 'vault',
    case: `KDF_MODERATE, ${NOTES} notes: ${kind}`,
    metric: `duress / real unlock (median of ${suviaz.length}); ratio 1 = same time`,
    unit: 'ms',
    suviaz: percentile(suviaz, 50),
    baseline: percentile(baseline, 50),
  });
  return [
    row('duress opens the decoy', duress, real),
    row('duress opens the decoy and destroys the vault', destroying, realBeside),
  ];
}
