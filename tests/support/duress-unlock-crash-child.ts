// Child process for the destroying duress unlock's crash test: unlocks with the given passphrase and
// stops after the named step of the destruction, printing "stopped at <step>" and blocking there
// (nothing after it runs) until the test kills it with SIGKILL.
import { writeSync } from 'node:fs';
import type { DestroyStep } from '../../src-main/core/vault/duress-destroy';
import { unlockVault } from '../../src-main/core/vault/vault';

const [dir, passphrase, stopAt] = process.argv.slice(2);
if (!dir || !passphrase || !stopAt) throw new Error('usage: dir passphrase step');

const vault = await unlockVault(dir, passphrase, {
  afterStep: (step: DestroyStep) => {
    if (step !== stopAt) return;
    writeSync(1, `stopped at ${step}\n`);
    // The hook is synchronous, so this blocks the very point between two writes.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
writeSync(1, 'finished\n');
vault.close();
