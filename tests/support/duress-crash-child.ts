// Child process for the duress crash tests: unlocks a vault with its real passphrase, starts setting
// or removing the duress passphrase and stops after the named step, printing "stopped at <step>" and
// blocking there (no further line of the set or removal runs) until the test kills it with SIGKILL.
import { writeSync } from 'node:fs';
import {
  removeDuressPassphrase,
  setDuressPassphrase,
  type DuressHooks,
  type DuressStep,
} from '../../src-main/core/vault/duress';
import { unlockVault } from '../../src-main/core/vault/vault';

const [dir, real, op, stopAt, duress, destroys] = process.argv.slice(2);
if (!dir || !real || !op || !stopAt)
  throw new Error('usage: dir real set|remove step [duress destroys]');

const hooks: DuressHooks = {
  afterStep: (step: DuressStep) => {
    if (step !== stopAt) return;
    writeSync(1, `stopped at ${step}\n`);
    // The hook is synchronous, so this blocks the very point between two writes.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
};
const vault = await unlockVault(dir, real);
if (op === 'set') {
  if (!duress) throw new Error('set needs a duress passphrase');
  await setDuressPassphrase(dir, vault, duress, destroys === 'destroy', hooks);
} else {
  removeDuressPassphrase(dir, vault, hooks);
}
writeSync(1, 'finished\n');
vault.close();
