// A vault database as an older Suviaz left it: the first `version` migrations only, in memory, for
// tests of what a later migration does with data written before it.
import Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS, type Db } from '../../src-main/core/vault/migrations';

export function vaultAtVersion(version: number): Db {
  const db = new Database(':memory:');
  MIGRATIONS.slice(0, version).forEach((migrate, i) => {
    db.transaction(() => {
      migrate(db);
      db.pragma(`user_version = ${i + 1}`);
    })();
  });
  return db;
}
