// Scenario 5, the vault: unlock time with the real KDF_MODERATE next to the raw Argon2id derivation;
// full-text search over many notes (p50, p99) and note save latency, against the same FTS5 query and
// update on an unencrypted SQLite database.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import {
  derivePassphraseKey,
  KDF_MODERATE,
  randomBytes,
  sodiumReady,
} from '../../src-main/core/crypto/sodium';
import { createNotesStore } from '../../src-main/core/notes/notes-store';
import { createVault, unlockVault } from '../../src-main/core/vault/vault';
import type { Size } from '../lib/args';
import type { Row } from '../lib/report';
import { now, percentile } from '../lib/stats';
import { PASSPHRASE, tempDir } from '../lib/suviaz-client';
import { loadTrace } from '../../tests/support/editing-traces';
import { runVaultDuress } from './vault-duress';

const QUERIES = 200;
const SAVES = 200;

function corpus(): { words: string[]; text: string } {
  const text = `${loadTrace('seph-blog1').endContent}\n${loadTrace('automerge-paper').endContent}`;
  const words = [...new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? [])];
  return { words, text };
}

export async function runVault(size: Size): Promise<Row[]> {
  await sodiumReady();
  const notes = size === 'small' ? 1_000 : 10_000;
  const dir = tempDir('vault-kdf');
  process.stderr.write('vault: create with KDF_MODERATE…\n');
  (await createVault(dir, PASSPHRASE, { kdf: KDF_MODERATE })).close();
  const unlocks: number[] = [];
  const raws: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = now();
    const v = await unlockVault(dir, PASSPHRASE);
    unlocks.push(now() - t);
    v.close();
    t = now();
    await derivePassphraseKey(PASSPHRASE, randomBytes(16), KDF_MODERATE);
    raws.push(now() - t);
  }
  const vault = await unlockVault(dir, PASSPHRASE);
  const store = createNotesStore(vault.db);
  const plain = new Database(path.join(tempDir('plain-notes'), 'notes.db'));
  plain.pragma('journal_mode = WAL');
  plain.exec('CREATE VIRTUAL TABLE notes USING fts5 (title, body, tags)');
  const plainInsert = plain.prepare('INSERT INTO notes (title, body, tags) VALUES (?, ?, ?)');
  const { words, text } = corpus();
  process.stderr.write(`vault: ${notes} notes…\n`);
  const ids: string[] = [];
  let seed = 1;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  plain.exec('BEGIN');
  for (let i = 0; i < notes; i++) {
    const at = random(text.length - 2000);
    const body = text.slice(at, at + 200 + random(1800));
    const title = `${words[random(words.length)]} ${words[random(words.length)]} ${i}`;
    const tags = [words[random(words.length)] as string];
    ids.push(store.create({ title, body, tags }).id);
    plainInsert.run(title, body, tags.join(' '));
  }
  plain.exec('COMMIT');
  const plainSearch = plain.prepare(
    "SELECT rowid, title, snippet(notes, 1, '[', ']', '…', 16) AS s FROM notes WHERE notes MATCH ? ORDER BY bm25(notes, 10, 1, 5) LIMIT 100",
  );
  const s: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const q = words[random(words.length)] as string;
    let t = now();
    store.search(q);
    s.push(now() - t);
    t = now();
    plainSearch.all(`"${q}"`);
    p.push(now() - t);
  }
  const plainUpdate = plain.prepare('UPDATE notes SET body = ? WHERE rowid = ?');
  const ss: number[] = [];
  const ps: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const k = random(notes);
    const body = `${text.slice(k, k + 800)} edited ${i}`;
    let t = now();
    store.update({ id: ids[k] as string, body });
    ss.push(now() - t);
    t = now();
    plainUpdate.run(body, k + 1);
    ps.push(now() - t);
  }
  vault.close();
  plain.close();
  const duressRows = await runVaultDuress();
  const c = `${notes} notes`;
  return [
    ...duressRows,
    {
      scenario: 'vault',
      case: 'KDF_MODERATE (256 MiB, 3 passes)',
      metric: 'unlock vs raw Argon2id (median of 3)',
      unit: 'ms',
      suviaz: percentile(unlocks, 50),
      baseline: percentile(raws, 50),
    },
    {
      scenario: 'vault',
      case: c,
      metric: 'search p50',
      unit: 'ms',
      suviaz: percentile(s, 50),
      baseline: percentile(p, 50),
      target: '≤ 10 ms',
      met: percentile(s, 50) <= 10,
    },
    {
      scenario: 'vault',
      case: c,
      metric: 'search p99',
      unit: 'ms',
      suviaz: percentile(s, 99),
      baseline: percentile(p, 99),
    },
    {
      scenario: 'vault',
      case: c,
      metric: 'note save p50',
      unit: 'ms',
      suviaz: percentile(ss, 50),
      baseline: percentile(ps, 50),
    },
    {
      scenario: 'vault',
      case: c,
      metric: 'note save p99',
      unit: 'ms',
      suviaz: percentile(ss, 99),
      baseline: percentile(ps, 99),
    },
  ];
}
