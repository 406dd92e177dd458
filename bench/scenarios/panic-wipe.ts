// Panic wipe: how long an open vault with many notes takes to be erased through the core's API
// (key file shredded and flushed, the sync engine stopped, the database and its WAL deleted),
// against simply deleting the same files. The target is under one second.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createCore } from '../../src-main/core/core';
import { KDF_FAST_FOR_TESTS } from '../../src-main/core/crypto/sodium';
import type { Size } from '../lib/args';
import type { Row } from '../lib/report';
import { now, percentile } from '../lib/stats';
import { PASSPHRASE, tempDir } from '../lib/suviaz-client';

const TARGET_MS = 1000;
const BODY = 'Meeting notes: who was detained, where, which lawyer takes the case. '.repeat(40);

async function filledVault(
  notes: number,
): Promise<{ dir: string; core: Awaited<ReturnType<typeof createCore>> }> {
  const dir = tempDir('panic-wipe');
  const core = await createCore({
    dataDir: dir,
    kdf: KDF_FAST_FOR_TESTS,
    logError: () => undefined,
  });
  await core.call('vault.create', { passphrase: PASSPHRASE });
  for (let i = 0; i < notes; i++)
    await core.call('notes.create', { title: `Note ${i}`, body: BODY });
  return { dir, core };
}

export async function runPanicWipe(size: Size): Promise<Row[]> {
  const notes = size === 'small' ? 500 : 5_000;
  const runs = size === 'small' ? 3 : 5;
  const wipes: number[] = [];
  const deletes: number[] = [];
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`panic-wipe: run ${run + 1}/${runs}, ${notes} notes…\n`);
    const { dir, core } = await filledVault(notes);
    // The baseline deletes a copy of the same files, with nothing open.
    const copy = tempDir('panic-wipe-copy');
    cpSync(dir, copy, { recursive: true });
    let t = now();
    await core.call('vault.panicWipe', {});
    wipes.push(now() - t);
    await core.shutdown();
    t = now();
    const files = [
      'suviaz.key',
      ...['suviaz.db', 'suviaz-2.db'].flatMap((db) => [db, `${db}-wal`, `${db}-shm`]),
    ];
    for (const file of files) {
      rmSync(path.join(copy, file), { force: true });
    }
    deletes.push(now() - t);
  }
  const p50 = percentile(wipes, 50);
  return [
    {
      scenario: 'panic-wipe',
      case: `open vault, ${notes} notes: shred key file, stop sync, delete vs plain delete`,
      metric: 'median',
      unit: 'ms',
      suviaz: p50,
      baseline: percentile(deletes, 50),
      target: `≤ ${TARGET_MS} ms`,
      met: p50 <= TARGET_MS,
    },
    {
      scenario: 'panic-wipe',
      case: `open vault, ${notes} notes: slowest of ${runs}`,
      metric: 'max',
      unit: 'ms',
      suviaz: Math.max(...wipes),
      baseline: Math.max(...deletes),
      target: `≤ ${TARGET_MS} ms`,
      met: Math.max(...wipes) <= TARGET_MS,
    },
  ];
}
