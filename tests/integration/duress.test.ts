// The duress passphrase through the core's API, as the renderer drives it: set it, prepare the decoy
// from Settings, lock, unlock with it under duress. What the person forcing the unlock can see (the
// API's answers, events, logs) never says that a duress passphrase exists or was used.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';

const REAL = 'lantern orchard velvet 1994 compass';
const DURESS = 'meadow kettle saffron 2046 lighthouse';
let core: Core | undefined;

afterEach(async () => {
  await core?.shutdown();
  core = undefined;
  vi.restoreAllMocks();
});

async function call(method: string, args: object = {}): Promise<unknown> {
  const outcome = await (core as Core).call(method, args);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), outcome.error);
  return outcome.value;
}

const titles = async (): Promise<string[]> =>
  ((await call('notes.list', { view: 'active' })) as { title: string }[])
    .map((n) => n.title)
    .sort();

/** A vault with a real note and a duress passphrase whose decoy holds one prepared note. */
async function preparedCore(destroysVault: boolean, logs: unknown[]): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'suviaz-duress-'));
  core = await createCore({
    dataDir,
    kdf: KDF_FAST_FOR_TESTS,
    logError: (error) => logs.push(error),
  });
  await call('vault.create', { passphrase: REAL });
  await call('notes.create', { title: 'Detained: names', body: 'real' });
  await call('settings.update', { disguise: 'calculator' });
  expect(await call('duress.status')).toEqual({
    set: false,
    destroysVault: false,
    preparing: false,
    unfinished: false,
  });
  await call('duress.set', { passphrase: DURESS, destroysVault });
  expect(await call('duress.status')).toEqual({
    set: true,
    destroysVault,
    preparing: false,
    unfinished: false,
  });

  const events: string[] = [];
  const off = core.onEvent((event) => events.push(event));
  await call('duress.prepare', { passphrase: DURESS });
  off();
  expect(events).toEqual(['vault.locked', 'vault.unlocked']);
  expect(await call('duress.status')).toEqual({
    set: false,
    destroysVault: false,
    preparing: true,
    unfinished: false,
  });
  expect(await titles()).toEqual([]);
  await call('notes.create', { title: 'Recipes', body: 'borscht' });
  // While preparing, the duress passphrase cannot be changed from the decoy.
  await expect(
    call('duress.set', { passphrase: DURESS, destroysVault: false }),
  ).rejects.toMatchObject({ code: 'invalid-args' });
  await call('vault.lock');
  return dataDir;
}

describe('duress passphrase through the API', () => {
  it('under duress: the decoy as prepared, looking like any vault without one', async () => {
    const logs: unknown[] = [];
    const console = [
      vi.spyOn(globalThis.console, 'log'),
      vi.spyOn(globalThis.console, 'warn'),
      vi.spyOn(globalThis.console, 'error'),
      vi.spyOn(globalThis.console, 'info'),
    ];
    const dataDir = await preparedCore(true, logs);
    const files = readdirSync(dataDir).sort();

    await call('vault.unlock', { passphrase: DURESS });
    expect(await call('vault.status')).toEqual({ state: 'unlocked', problem: null });
    expect(await titles()).toEqual(['Recipes']);
    expect(await call('duress.status')).toEqual({
      set: false,
      destroysVault: false,
      preparing: false,
      unfinished: false,
    });
    // The app still wears the real vault's disguise: the unlock changed nothing in how it looks.
    expect(await call('appearance.get')).toEqual({ disguise: 'calculator' });
    await call('vault.lock');

    expect(readdirSync(dataDir).sort()).toEqual(files);
    await expect(call('vault.unlock', { passphrase: REAL })).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    // No log line, from the core or anything it ran, tells what happened.
    expect(logs).toEqual([]);
    for (const spy of console) expect(spy).not.toHaveBeenCalled();
  });

  it('without destroy: the real passphrase still opens the real vault afterwards', async () => {
    await preparedCore(false, []);
    await call('vault.unlock', { passphrase: DURESS });
    expect(await titles()).toEqual(['Recipes']);
    await call('vault.lock');
    await call('vault.unlock', { passphrase: REAL });
    expect(await titles()).toEqual(['Detained: names']);
    expect(await call('duress.status')).toEqual({
      set: true,
      destroysVault: false,
      preparing: false,
      unfinished: false,
    });
    await call('duress.remove');
    expect(await call('duress.status')).toEqual({
      set: false,
      destroysVault: false,
      preparing: false,
      unfinished: false,
    });
    await call('vault.lock');
    await expect(call('vault.unlock', { passphrase: DURESS })).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });
});
