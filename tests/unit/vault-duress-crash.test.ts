// Setting, replacing or removing the duress passphrase writes the key file and the real vault's record
// of it. Killed with SIGKILL between any two writes (or failing there), the next unlock must show
// what a user can rely on: the real passphrase opens every note, and the duress passphrase opens the
// decoy (destroying if so chosen) exactly when Settings says it is set, and otherwise opens nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killAtStep } from '../support/kill-at-step';
import { KDF_FAST_FOR_TESTS, sodiumReady } from '../../src-main/core/crypto/sodium';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import {
  REMOVE_STEPS,
  SET_STEPS,
  markUnfinishedSet,
  openDecoy,
  readDuressRecord,
  removeDuressPassphrase,
  setDuressPassphrase,
  unfinishedSet,
  type DuressRecord,
  type DuressStep,
} from '../../src-main/core/vault/duress';
import { createVault, unlockVault, type OpenVault } from '../../src-main/core/vault/vault';

const REAL = 'harbour lantern quietly 1987 frost';
const DURESS = 'meadow kettle saffron 2046 lighthouse';
const DURESS_NEXT = 'granite willow tangerine 1975 harp';
const dirs: string[] = [];

beforeAll(async () => {
  await sodiumReady();
});

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const titles = (vault: OpenVault): string[] =>
  createNotesStore(vault.db)
    .list({ view: 'active' })
    .map((note) => note.title)
    .sort();

/**
 * A closed real vault with one note; with `duress`, also a duress passphrase (DURESS) whose decoy the
 * user prepared with one note.
 */
async function realVault(duress: { destroysVault: boolean } | null): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'suviaz-duress-crash-'));
  dirs.push(dir);
  const real = await createVault(dir, REAL, { kdf: KDF_FAST_FOR_TESTS });
  createNotesStore(real.db).create({ title: 'Lawyers', body: 'real secret' });
  if (duress) {
    await setDuressPassphrase(dir, real, DURESS, duress.destroysVault);
    const decoy = await openDecoy(dir, real, DURESS);
    createNotesStore(decoy.db).create({ title: 'Shopping', body: 'milk, bread' });
    decoy.close();
  }
  real.close();
  return dir;
}

/** Runs a set or removal in a child process that stops after `step`, then kills it with SIGKILL. */
async function killAfter(dir: string, step: DuressStep, op: string[]): Promise<void> {
  const [kind, ...rest] = op;
  await killAtStep(
    'tests/support/duress-crash-child.ts',
    [dir, REAL, kind ?? '', step, ...rest],
    step,
  );
}

/** The next visit: unlock with the real passphrase, read the notes and the duress setting, lock. */
async function realVisit(
  dir: string,
): Promise<{ notes: string[]; duress: DuressRecord | null; unfinished: boolean }> {
  const real = await unlockVault(dir, REAL);
  try {
    return {
      notes: titles(real),
      duress: readDuressRecord(real.db),
      unfinished: unfinishedSet(real.db),
    };
  } finally {
    real.close();
  }
}

async function expectOpensNothing(dir: string, passphrase: string): Promise<void> {
  await expect(unlockVault(dir, passphrase)).rejects.toMatchObject({ code: 'wrong-passphrase' });
}

async function expectOpensDecoy(dir: string, passphrase: string, notes: string[]): Promise<void> {
  const decoy = await unlockVault(dir, passphrase);
  try {
    expect(titles(decoy)).toEqual(notes);
    expect(readDuressRecord(decoy.db)).toBeNull();
  } finally {
    decoy.close();
  }
}

describe('setting a duress passphrase that destroys, killed after each step', () => {
  it.each(SET_STEPS)('after %s: set only if it works, the real vault intact', async (step) => {
    const dir = await realVault(null);
    await killAfter(dir, step, ['set', DURESS, 'destroy']);

    const visit = await realVisit(dir);
    expect(visit.notes).toEqual(['Lawyers']);
    if (step === 'key-file') {
      // The key file got the slot: the set is completed, and works as the user asked.
      expect(visit.duress).toMatchObject({ destroysVault: true });
      expect(visit.unfinished).toBe(false);
      await expectOpensDecoy(dir, DURESS, []);
      await expectOpensNothing(dir, REAL);
      return;
    }
    // Not set, and truly not: the passphrase opens nothing, destroys nothing; Settings says why.
    expect(visit.duress).toBeNull();
    expect(visit.unfinished).toBe(true);
    await expectOpensNothing(dir, DURESS);
    expect((await realVisit(dir)).notes).toEqual(['Lawyers']);
  });
});

describe('a set cut short, reported', () => {
  it('stays reported until a set succeeds', async () => {
    const dir = await realVault(null);
    await killAfter(dir, 'decoy-built', ['set', DURESS, 'destroy']);
    expect((await realVisit(dir)).unfinished).toBe(true);
    expect((await realVisit(dir)).unfinished).toBe(true);
    const real = await unlockVault(dir, REAL);
    await setDuressPassphrase(dir, real, DURESS, false);
    expect(unfinishedSet(real.db)).toBe(false);
    real.close();
    expect(await realVisit(dir)).toMatchObject({
      unfinished: false,
      duress: { destroysVault: false },
    });
  });
  it('is forgotten by a removal of none, and when dismissed (which changes nothing else)', async () => {
    const dir = await realVault(null);
    await killAfter(dir, 'pending-record', ['set', DURESS, 'destroy']);
    const real = await unlockVault(dir, REAL);
    expect(unfinishedSet(real.db)).toBe(true);
    removeDuressPassphrase(dir, real);
    real.close();
    expect(await realVisit(dir)).toEqual({ notes: ['Lawyers'], duress: null, unfinished: false });

    // Cut short again, with a duress passphrase set from before: Settings' Dismiss.
    const again = await realVault({ destroysVault: false });
    await killAfter(again, 'decoy-built', ['set', DURESS_NEXT, 'destroy']);
    const reopened = await unlockVault(again, REAL);
    expect(unfinishedSet(reopened.db)).toBe(true);
    markUnfinishedSet(reopened.db, false);
    reopened.close();
    expect(await realVisit(again)).toEqual({ notes: ['Lawyers'], duress: null, unfinished: false });
  });
});

describe('replacing the duress passphrase, killed after each step', () => {
  it.each(SET_STEPS)('after %s: one duress passphrase at most, as shown', async (step) => {
    const dir = await realVault({ destroysVault: true });
    await killAfter(dir, step, ['set', DURESS_NEXT, 'keep']);

    const visit = await realVisit(dir);
    expect(visit.notes).toEqual(['Lawyers']);
    // The old one never survives half-replaced: its decoy may be rebuilt already.
    await expectOpensNothing(dir, DURESS);
    if (step === 'key-file') {
      expect(visit.duress).toMatchObject({ destroysVault: false });
      await expectOpensDecoy(dir, DURESS_NEXT, []);
    } else {
      expect(visit.duress).toBeNull();
      expect(visit.unfinished).toBe(true);
      await expectOpensNothing(dir, DURESS_NEXT);
    }
    expect((await realVisit(dir)).notes).toEqual(['Lawyers']);
  });
});

describe('removing the duress passphrase, killed after each step', () => {
  it.each(REMOVE_STEPS)('after %s: removed, and the passphrase opens nothing', async (step) => {
    const dir = await realVault({ destroysVault: true });
    await killAfter(dir, step, ['remove']);

    const visit = await realVisit(dir);
    // A removal cut short is finished, not reported: the user asked for none, and none is set.
    expect(visit).toEqual({ notes: ['Lawyers'], duress: null, unfinished: false });
    await expectOpensNothing(dir, DURESS);
    expect((await realVisit(dir)).notes).toEqual(['Lawyers']);
  });
});

describe('a set that fails part-way, without a crash', () => {
  it.each(['decoy-built', 'key-file'] as const)(
    'failing after %s: the error, "not set", and a passphrase that opens nothing agree',
    async (step) => {
      const dir = await realVault(null);
      const real = await unlockVault(dir, REAL);
      const failure = new Error('disk trouble');
      await expect(
        setDuressPassphrase(dir, real, DURESS, true, {
          afterStep: (at) => {
            if (at === step) throw failure;
          },
        }),
      ).rejects.toBe(failure);
      expect(readDuressRecord(real.db)).toBeNull();
      real.close();
      await expectOpensNothing(dir, DURESS);
      expect((await realVisit(dir)).notes).toEqual(['Lawyers']);
    },
  );
});
