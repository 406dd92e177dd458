// A duress passphrase replace that fails once the decoy is being rebuilt (the disk full when the key
// file is written): main gives the set up, so no duress passphrase is left, not even the previous
// one. The renderer's set flow (duress-set-flow.ts), driven against a real core, reads the status
// again and tells so, rather than leaving Settings saying "set".
import fs from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallOutcome } from '../../src-shared/api';
import { createCore, type Core } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import { KEY_FILE_NAME } from '../../src-main/core/vault/vault-disk';
import { failedSetNote, setDuress, type Caller } from '../../src-renderer/settings/duress-set-flow';

const REAL = 'lantern orchard velvet 1994 compass';
const OLD_DURESS = 'meadow kettle saffron 2046 lighthouse';
const NEW_DURESS = 'harbour quilt juniper 7731 meridian';
let core: Core | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await core?.shutdown();
  core = undefined;
});

/** The core's call, typed as the renderer's bridge call is. */
const viaCore: Caller = async (method, args) =>
  (await (core as Core).call(method, args)) as CallOutcome<never>;

/** The next key file rename fails as on a full disk; later ones (main's clean-up) go through. */
function fullDiskAtNextKeyFile(): void {
  const rename = fs.renameSync.bind(fs);
  let armed = true;
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    if (armed && String(to).endsWith(KEY_FILE_NAME)) {
      armed = false;
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }
    rename(from, to);
  });
}

describe('a duress passphrase replace that fails part-way', () => {
  it('leaves none set, and the renderer’s flow reads that back and says so', async () => {
    core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'suviaz-duress-fail-')),
      kdf: KDF_FAST_FOR_TESTS,
      logError: () => undefined,
    });
    expect((await viaCore('vault.create', { passphrase: REAL })).ok).toBe(true);
    expect(await setDuress(viaCore, { passphrase: OLD_DURESS, destroysVault: true })).toEqual({
      ok: true,
    });
    expect(await viaCore('duress.status', {})).toMatchObject({ value: { set: true } });

    fullDiskAtNextKeyFile();
    const failed = await setDuress(viaCore, { passphrase: NEW_DURESS, destroysVault: false });
    expect(failed).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'disk-full' }),
      statusAfter: { set: false, destroysVault: false, preparing: false, unfinished: false },
    });
    expect(failedSetNote(true, failed.ok ? null : failed.statusAfter)).toBe(
      'duress.failedPreviousGone',
    );
    vi.restoreAllMocks();

    // What the status says is so: neither duress passphrase opens anything, the vault is intact.
    expect((await viaCore('vault.lock', {})).ok).toBe(true);
    for (const passphrase of [OLD_DURESS, NEW_DURESS]) {
      expect(await viaCore('vault.unlock', { passphrase })).toMatchObject({
        ok: false,
        error: { code: 'wrong-passphrase' },
      });
    }
    expect((await viaCore('vault.unlock', { passphrase: REAL })).ok).toBe(true);
    expect(await viaCore('duress.status', {})).toMatchObject({ value: { set: false } });
  });

  it('adds no note when the status could not be read or still says set', () => {
    expect(failedSetNote(true, null)).toBeNull();
    expect(
      failedSetNote(true, { set: true, destroysVault: false, preparing: false, unfinished: false }),
    ).toBeNull();
    expect(
      failedSetNote(false, {
        set: false,
        destroysVault: false,
        preparing: false,
        unfinished: false,
      }),
    ).toBe('duress.failedNoneSet');
  });
});
