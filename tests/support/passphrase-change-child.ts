// Child process for the passphrase-change crash tests: unlocks a vault, starts a change and stops
// after the named step, printing "stopped at <step>" and waiting there to be killed with SIGKILL.
import { changePassphrase, type ChangeStep } from '../../src-main/core/vault/passphrase-change';
import { unlockVault } from '../../src-main/core/vault/vault';

const [dir, current, next, stopAt] = process.argv.slice(2);
if (!dir || !current || !next || !stopAt) throw new Error('usage: dir current next step');

const vault = await unlockVault(dir, current);
await changePassphrase(dir, vault, current, next, {
  afterStep: (step: ChangeStep) => {
    if (step !== stopAt) return;
    process.stdout.write(`stopped at ${step}\n`);
    // Never resolves; the interval keeps the process alive until the test kills it.
    setInterval(() => undefined, 60_000);
    return new Promise<void>(() => undefined);
  },
});
process.stdout.write('finished\n');
vault.close();
