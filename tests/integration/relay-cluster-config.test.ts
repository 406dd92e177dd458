// The cluster settings of the relay's command line: --store, --fanout, --store-pool-max and
// --import-sqlite are documented in --help and validated with a message that says what to fix.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config';
import { configProblem } from '../support/relay-config-problem';

const run = promisify(execFile);

describe('relay cluster settings', () => {
  it('documents the store, fan-out and import flags in npm run relay -- --help', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'relay', '--', '--help']);
    for (const text of [
      '--store <value>',
      'SUVIAZ_RELAY_STORE',
      'postgres://',
      '--fanout <value>',
      'SUVIAZ_RELAY_FANOUT',
      'nats://',
      '--store-pool-max',
      '--import-sqlite <dir>',
      'docs/deploy.md',
    ]) {
      expect(stdout).toContain(text);
    }
  });

  it('takes the store and fan-out from flags or the environment, a flag first', () => {
    expect(parseConfig([], {})).toMatchObject({
      store: 'sqlite',
      fanout: 'memory',
      storePoolMax: 10,
    });
    const env = {
      SUVIAZ_RELAY_STORE: 'postgres://relay@db.internal/suviaz',
      SUVIAZ_RELAY_FANOUT: 'nats://a:4222, nats://b:4222',
    };
    expect(parseConfig(['--store-pool-max', '4'], env)).toMatchObject({
      store: env.SUVIAZ_RELAY_STORE,
      fanout: env.SUVIAZ_RELAY_FANOUT,
      storePoolMax: 4,
    });
    expect(parseConfig(['--store', 'postgresql://x@y/z'], env)?.store).toBe('postgresql://x@y/z');
  });

  it('refuses what cannot work, saying which setting to fix', () => {
    const problem = (argv: string[]) => configProblem(argv);
    expect(problem(['--store', 'mysql://x'])).toContain('--store / SUVIAZ_RELAY_STORE');
    expect(problem(['--fanout', 'redis://x'])).toContain('--fanout / SUVIAZ_RELAY_FANOUT');
    // Several processes each with their own SQLite file would each hold part of every document.
    expect(problem(['--fanout', 'nats://127.0.0.1:4222'])).toContain('postgres://');
    expect(problem(['--import-sqlite', './relay-data'])).toContain('postgres://');
    expect(problem(['--store-pool-max', '0'])).toContain('--store-pool-max');
  });
});
