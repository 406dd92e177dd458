// One temporary directory per test run, removed when the run ends. Tests, and the relays, vaults,
// hosts and PostgreSQL servers they start, make hundreds of directories under os.tmpdir(); left
// behind, a developer's machine gathers thousands of them (vaults and relay stores among them).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Points TMPDIR, which os.tmpdir() reads at each call, at a fresh directory for this process and
 * the workers and children it starts from now on; returns the teardown that removes it.
 */
export function useRunTmpdir(label: string): () => void {
  const dir = mkdtempSync(join(tmpdir(), `suviaz-${label}-`));
  // Passable (not listable) by other users, as /tmp is: run as root, the tests' PostgreSQL servers
  // run as the postgres user in directories of their own inside it.
  chmodSync(dir, 0o711);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
